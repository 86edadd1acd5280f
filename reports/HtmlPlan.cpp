#include "reports/HtmlPlan.h"

#include <cmath>

#include "reports/ReportFacts.h"

namespace opscope::reports::html {
namespace {

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

/// One class (or one manual sub-class): a row that opens onto the list of its sites.
void classBlock(HtmlWriter& w, const Report& report, const PortingPlan& plan, PlanClass cls, const std::string& subclass,
                const PlanTally& t, const SourceLink& link) {
  std::string name(toString(cls));
  std::string key = subclass.empty() ? name : name + ":" + subclass;
  w.open("details", {{"class", "plan-class pc-" + name}, {"data-class", key}, {"data-sites", t.sites}});
  w.open("summary");
  w.element("span", {{"class", "badge"}}, subclass.empty() ? name : subclass);
  w.element("span", {{"class", "plan-sites"}}, " " + count(t.sites, "site", "sites"));
  w.element("span", {{"class", "plan-lines"}}, " on " + count(t.lines, "line", "lines"));
  if (cls == PlanClass::Assisted || cls == PlanClass::Manual)
    w.element("span", {{"class", "plan-est"}}, " \xE2\x86\x92 \xE2\x89\x88 " + oneDecimal(t.estimatedLines) + " lines to write");
  if (cls == PlanClass::Unknown) w.element("span", {{"class", "plan-est"}}, " \xE2\x80\x94 not costed: no public source");
  if (cls == PlanClass::Blocked) w.element("span", {{"class", "plan-est"}}, " \xE2\x80\x94 not costed: no workaround");
  w.close();  // summary
  w.open("ol", {{"class", "plan-sites-list"}});
  std::size_t listed = 0;
  for (const PlanSite& s : plan.sites) {
    if (s.cls != cls || (!subclass.empty() && s.subclass != subclass)) continue;
    if (++listed > kMaxPlanSitesListed) continue;
    const Finding& f = report.findings[s.finding].finding;
    w.open("li", {{"data-finding", static_cast<std::uint64_t>(s.finding)}});
    w.open("a", {{"href", link(f.location.file, f.location.line)}});
    w.text(f.location.file + ":" + std::to_string(f.location.line));
    w.close();
    w.text(" ").element("code", f.symbol.name);
    if (!s.subclass.empty() && subclass.empty()) w.text(" ").element("span", {{"class", "why"}}, s.subclass);
    if (s.lines > 0) w.text(" ").element("span", {{"class", "why"}}, "\xE2\x89\x88 " + oneDecimal(s.lines) + " lines");
    w.close();
  }
  w.close();  // ol
  if (listed > kMaxPlanSitesListed)
    w.element("p", {{"class", "hint more-rows"}},
              std::to_string(listed - kMaxPlanSitesListed) + " more sites; the JSON report lists every site "
                                                             "(summary.<platform>.plan.site_classes).");
  w.close();  // details
}

}  // namespace

void renderPlan(HtmlWriter& w, const Report& report, const SourceLink& link) {
  if (report.plans.empty()) return;
  w.open("section", {{"id", "plan"}, {"class", "card-section"}});
  w.element("h2", "Porting plan");
  w.element("p", {{"class", "hint"}},
            "Every CUDA- or PyTorch-dependent site, per platform: automatic (the rewrite engine does it), assisted "
            "(an equivalent or a suggestion with a note), manual (kernel rewrite, library redesign, hazard review, "
            "compatibility shim), blocked (missing, no workaround) and unknown (no public source; never turned into "
            "days). Open a class to see its sites.");
  w.open("div", {{"class", "cards plan-cards"}});
  for (const Platform& p : report.targets) {
    auto it = report.plans.find(p.id);
    if (it == report.plans.end()) continue;
    const PortingPlan& plan = it->second;
    PlanFacts facts = planFacts(plan, report.effort ? &*report.effort : nullptr);
    w.open("article", {{"class", "pcard plan-card"}, {"data-platform", p.id}});
    w.open("header");
    w.element("h3", p.name);
    w.element("span", {{"class", "pid"}}, p.id);
    w.close();
    w.open("p", {{"class", "pct"}});
    w.element("span", {{"class", "pct-value plan-auto"}}, std::to_string(static_cast<int>(std::round(plan.automaticShare * 100))) + "%");
    w.element("span", {{"class", "pct-label"}}, "of " + count(plan.sites.size(), "site", "sites") + " migrated automatically");
    w.close();
    w.open("p", {{"class", "plan-effort"}});
    w.element("span", {{"class", "plan-effort-days"}},
              oneDecimal(plan.effortDaysLow) + "\xE2\x80\x93" + oneDecimal(plan.effortDaysHigh) + " engineer-days");
    w.element("span", {{"class", "plan-manual-lines"}}, " for \xE2\x89\x88 " + oneDecimal(plan.manualLines) + " hand-changed lines");
    w.close();
    for (PlanClass c : kAllPlanClasses) {
      const PlanTally& t = plan.classes.at(c);
      if (c == PlanClass::Manual && !plan.manualBySubclass.empty()) {
        w.open("div", {{"class", "plan-manual"}});
        w.element("p", {{"class", "plan-manual-head"}},
                  "manual: " + count(t.sites, "site", "sites") + " \xE2\x86\x92 \xE2\x89\x88 " + oneDecimal(t.estimatedLines) +
                      " lines to write");
        for (const auto& [sub, st] : plan.manualBySubclass) classBlock(w, report, plan, c, sub, st, link);
        w.close();
      } else {
        classBlock(w, report, plan, c, "", t, link);
      }
    }
    w.element("p", {{"class", "plan-setup hint"}},
              "plus " + oneDecimal(plan.setupLines) + " lines of set-up (device set-up, compatibility header)");
    w.close();  // article
  }
  w.close();  // cards
  w.open("details", {{"class", "formula"}});
  w.element("summary", "How the plan and its effort are computed");
  for (const auto& [id, plan] : report.plans)
    w.element("p", {{"class", "formula-text"}}, id + ": " + planFacts(plan, report.effort ? &*report.effort : nullptr).formula);
  if (report.effort)
    for (const EffortProfile& prof : report.effort->profiles) {
      w.open("table", {{"class", "counts weights"}});
      w.open("thead").open("tr");
      w.element("th", "weight (" + prof.id + ")").element("th", {{"class", "num"}}, "value").element("th", "why").element("th", "source");
      w.close().close();
      w.open("tbody");
      for (const auto& [wid, wt] : prof.weights) {
        w.open("tr");
        w.open("td").element("code", wid).close();
        w.element("td", {{"class", "num"}}, oneDecimal(wt.value));
        w.element("td", wt.rationale);
        w.element("td", wt.source);
        w.close();
      }
      w.close().close();
    }
  w.close();  // details
  w.close();  // section
}

}  // namespace opscope::reports::html
