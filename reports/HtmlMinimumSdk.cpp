#include "reports/HtmlMinimumSdk.h"

#include "reports/ReportFacts.h"

namespace opscope::reports::html {

void renderMinimumSdk(HtmlWriter& w, const Report& report) {
  if (report.minimumSdk.empty()) return;
  w.open("section", {{"id", "sdk"}, {"class", "card-section"}});
  w.element("h2", "Minimum SDK");
  w.element("p", {{"class", "hint"}},
            "Per platform, the lowest SDK level under which every op in use whose opdb entry states a version range "
            "is supported, and the ops that need a newer level than the oldest one the opdb knows. Ops with no "
            "stated range are counted, not judged.");
  w.open("table", {{"class", "counts minimum-sdk"}});
  w.open("thead").open("tr");
  w.element("th", "platform").element("th", "SDK").element("th", "minimum").element("th", "answer").element("th", "needs newer");
  w.close().close();
  w.open("tbody");
  for (const MinimumSdk& m : report.minimumSdk) {
    MinimumSdkFacts facts = minimumSdkFacts(m, 50);
    w.open("tr", {{"data-platform", m.platform}});
    w.element("td", m.platform).element("td", m.sdk).element("td", {{"class", "sdk-minimum"}}, m.minimum.empty() ? "-" : m.minimum);
    w.element("td", facts.headline);
    w.open("td");
    for (const std::string& n : facts.newer) w.element("code", {{"class", "sdk-newer"}}, n).text(" ");
    for (const std::string& n : facts.removed) w.element("code", {{"class", "sdk-removed"}}, n).text(" ");
    w.close();
    w.close();
  }
  w.close().close();
  w.close();  // section
}

}  // namespace opscope::reports::html
