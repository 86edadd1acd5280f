// The HTML page: one self-contained document, every section there when it has data, strict
// CSP, no external reference, and hostile strings in every field rendered inert.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <sstream>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SHA256.h"
#include "reports/HtmlPlan.h"
#include "reports/HtmlRenderer.h"
#include "reports/ReportFacts.h"
#include "reports/HtmlWriter.h"
#include "tests/reports/html/Fixtures.h"

namespace opscope::reports {
namespace {

using opscope::testing::FixtureReport;
using opscope::testing::hostilePayload;

std::string render(const FixtureReport& fx, bool withSources = true) {
  RenderOptions options;
  if (withSources) options.sourceText = [&fx](const std::string& p) { return fx.source(p); };
  std::ostringstream out;
  createRenderer(Format::Html, options)->render(fx.report, out);
  return out.str();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

/// The text between the first `open` and the `close` after it.
std::string between(const std::string& s, const std::string& open, const std::string& close) {
  std::size_t a = s.find(open);
  if (a == std::string::npos) return "";
  a += open.size();
  std::size_t b = s.find(close, a);
  return b == std::string::npos ? "" : s.substr(a, b - a);
}

std::string_view asset(std::string_view name) {
  for (const auto& [path, text] : htmlAssets())
    if (path == name) return text;
  return {};
}

llvm::json::Value dataOf(const std::string& page) {
  std::string blob = between(page, "<script type=\"application/json\" id=\"opscope-data\">", "</script>");
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(blob);
  if (!v) {
    ADD_FAILURE() << llvm::toString(v.takeError());
    return nullptr;
  }
  return std::move(*v);
}

std::string sha256Base64(std::string_view text) {
  auto digest = llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  return llvm::encodeBase64(digest);
}

/// Every external reference a page could make: URLs with a scheme or protocol-relative ones in
/// attributes, CSS url() and @import. Our own links are all "#fragment".
void expectNoExternalReference(const std::string& page) {
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
  EXPECT_EQ(page.find("@import"), std::string::npos);
  // Escaped text never holds '<', so every match is a real tag; its attributes are read in
  // order, so that text inside a quoted value is never taken for an attribute.
  static constexpr std::string_view kUrlAttributes[] = {"href", "src", "srcset", "action", "formaction", "poster",
                                                       "data", "xlink:href", "background", "ping", "manifest"};
  std::regex tag(R"re(<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>)re");
  unsigned links = 0;
  for (auto t = std::sregex_iterator(page.begin(), page.end(), tag); t != std::sregex_iterator(); ++t) {
    std::string rest = (*t)[2].str();
    std::size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && (std::isspace(static_cast<unsigned char>(rest[i])) || rest[i] == '/')) ++i;
      std::size_t nameStart = i;
      while (i < rest.size() && !std::isspace(static_cast<unsigned char>(rest[i])) && rest[i] != '=') ++i;
      std::string name = rest.substr(nameStart, i - nameStart);
      std::string value;
      if (i < rest.size() && rest[i] == '=') {
        ++i;
        char quote = i < rest.size() && (rest[i] == '"' || rest[i] == '\'') ? rest[i++] : 0;
        std::size_t valueStart = i;
        while (i < rest.size() && (quote ? rest[i] != quote : !std::isspace(static_cast<unsigned char>(rest[i])))) ++i;
        value = rest.substr(valueStart, i - valueStart);
        if (quote) ++i;
      }
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      EXPECT_FALSE(name.rfind("on", 0) == 0) << "event handler attribute in " << t->str();
      if (std::find(std::begin(kUrlAttributes), std::end(kUrlAttributes), name) != std::end(kUrlAttributes)) {
        EXPECT_EQ(value.substr(0, 1), "#") << "external reference in " << t->str();
        ++links;
      }
    }
  }
  EXPECT_GT(links, 0u) << "the page has in-page links; the pattern must see them";
  // Outside the script (whose comments start with //), no "//" at all: no protocol-relative URL.
  std::string rest = page;
  std::string_view js = asset("report.js");
  std::size_t at = rest.find(js);
  if (at != std::string::npos) rest.erase(at, js.size());
  EXPECT_EQ(rest.find("//"), std::string::npos) << rest.substr(rest.find("//") - std::min<std::size_t>(rest.find("//"), 80), 160);
}

TEST(HtmlRenderer, FactoryKnowsHtml) {
  EXPECT_EQ(parseFormat("html"), Format::Html);
  EXPECT_EQ(toString(Format::Html), "html");
  EXPECT_NE(createRenderer(Format::Html, {}), nullptr);
}

TEST(HtmlRenderer, PageIsOneSelfContainedDocumentWithTheAssetsInlined) {
  std::string page = render(opscope::testing::sampleReport());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(count(page, "<style>"), 1u);
  EXPECT_EQ(count(page, "<script"), 2u);
  EXPECT_EQ(count(page, "</script>"), 2u);
  EXPECT_EQ(between(page, "<style>", "</style>"), asset("report.css"));
  std::string script = page.substr(page.rfind("<script>") + 8);
  EXPECT_EQ(script.substr(0, script.find("</script>")), asset("report.js"));
  for (std::string id : {"gate", "summary", "matrix", "gaps", "hazards", "kernels", "onnx", "files", "findings", "source"})
    EXPECT_EQ(count(page, "<section id=\"" + id + "\""), 1u) << id;
  EXPECT_EQ(page.find("@@"), std::string::npos) << "a placeholder was left";
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
}

TEST(HtmlRenderer, ContentSecurityPolicyAllowsExactlyTheInlineScriptAndStyle) {
  std::string page = render(opscope::testing::sampleReport());
  std::string csp = between(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  EXPECT_NE(csp.find("default-src &#39;none&#39;"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src &#39;sha256-" + escapeHtml(sha256Base64(asset("report.js"))) + "&#39;"), std::string::npos) << csp;
  EXPECT_NE(csp.find("style-src &#39;sha256-" + escapeHtml(sha256Base64(asset("report.css"))) + "&#39;"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  // With no style attribute allowed, the page must not carry any.
  EXPECT_EQ(page.find(" style="), std::string::npos);
}

TEST(HtmlRenderer, NoExternalReference) {
  expectNoExternalReference(render(opscope::testing::sampleReport()));
  expectNoExternalReference(render(opscope::testing::hostileReport()));
}

TEST(HtmlRenderer, SummaryCardPerPlatformWithCoverageCounts) {
  FixtureReport fx = opscope::testing::sampleReport();
  std::string page = render(fx);
  EXPECT_EQ(count(page, "<article class=\"pcard\""), 4u);
  for (const Platform& p : fx.report.targets) {
    std::string card = between(page, "data-platform=\"" + p.id + "\">", "</article>");
    ASSERT_FALSE(card.empty()) << p.id;
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.1f%%", std::round(fx.report.summaries.at(p.id).coveragePercent * 10) / 10);
    EXPECT_NE(card.find(std::string("<span class=\"pct-value\">") + pct + "</span>"), std::string::npos) << card;
    EXPECT_NE(card.find(escapeHtml(p.name)), std::string::npos);
    for (CoverageStatus st : kAllStatuses)
      EXPECT_NE(card.find("data-status=\"" + std::string(toString(st)) + "\""), std::string::npos);
    // The old per-symbol effort figure is gone: effort comes from the porting plan only.
    EXPECT_EQ(card.find("engineer-days"), std::string::npos) << card;
  }
  EXPECT_EQ(page.find("per call site that is not native"), std::string::npos);
  EXPECT_EQ(page.find("id=\"plan\""), std::string::npos) << "no plan without effort weights";
}

TEST(HtmlRenderer, PlanComesFirstWithADrillDownFromEachClassToItsSites) {
  FixtureReport fx = opscope::testing::sampleReport();
  EffortProfile profile;
  profile.id = "all";
  profile.platforms = {"ascend", "cambricon", "enflame", "dcu"};
  for (std::string_view id : kEffortWeightIds) profile.weights[std::string(id)] = {1, "test", "test"};
  profile.weights["lines_per_day_high"].value = 10;
  fx.report.effort = EffortModel{"test.yaml", {profile}};
  fx.report.finalize();
  std::string page = render(fx);
  std::size_t plan = page.find("<section id=\"plan\"");
  ASSERT_NE(plan, std::string::npos);
  EXPECT_LT(plan, page.find("<section id=\"summary\"")) << "the plan comes before the coverage table";
  for (const Platform& p : fx.report.targets) {
    const PortingPlan& pp = fx.report.plans.at(p.id);
    std::string card = between(page, "plan-card\" data-platform=\"" + p.id + "\">", "</article>");
    ASSERT_FALSE(card.empty()) << p.id;
    for (PlanClass c : kAllPlanClasses) {
      if (c == PlanClass::Manual && !pp.manualBySubclass.empty()) continue;
      std::string block = between(card, "data-class=\"" + std::string(toString(c)) + "\" data-sites=\"", "</details>");
      ASSERT_FALSE(block.empty()) << p.id << " " << toString(c);
      EXPECT_EQ(count(block, "<li data-finding="), std::min<std::size_t>(pp.classes.at(c).sites, html::kMaxPlanSitesListed))
          << p.id << " " << toString(c);
    }
    EXPECT_NE(card.find(oneDecimal(pp.effortDaysLow) + "\xE2\x80\x93" + oneDecimal(pp.effortDaysHigh) + " engineer-days"),
              std::string::npos);
  }
  EXPECT_NE(page.find("lines_per_day_high"), std::string::npos) << "the weights are shown";
}

TEST(HtmlRenderer, PlanOfAHostileReportIsInert) {
  FixtureReport fx = opscope::testing::hostileReport();
  EffortProfile profile;
  profile.id = "hostile";
  for (const Platform& p : fx.report.targets) profile.platforms.push_back(p.id);
  for (std::string_view id : kEffortWeightIds)
    profile.weights[std::string(id)] = {1, hostilePayload("x_symbolName"), hostilePayload("x_gateMessage")};
  fx.report.effort = EffortModel{"effort.yaml", {profile}};
  fx.report.finalize();
  ASSERT_FALSE(fx.report.plans.empty());
  std::string page = render(fx);
  std::string plan = between(page, "<section id=\"plan\"", "</section>");
  ASSERT_FALSE(plan.empty());
  EXPECT_EQ(count(page, "<script"), 2u);
  for (std::string tag : {"<img", "<svg o", "<iframe", "<textarea"}) EXPECT_EQ(plan.find(tag), std::string::npos) << tag;
  EXPECT_NE(plan.find(escapeHtml(hostilePayload("x_symbolName"))), std::string::npos) << "weights' rationale as text";
  expectNoExternalReference(page);
}

TEST(HtmlRenderer, MinimumSdkSectionNamesTheLevelAndTheOpsAsText) {
  FixtureReport fx = opscope::testing::sampleReport();
  EXPECT_EQ(render(fx).find("<section id=\"sdk\""), std::string::npos) << "no answer, no section";
  fx.report.minimumSdk = {MinimumSdk{"ascend", "torch_npu", "2.9", "2.1", {{"aten::addmm.dtype", "2.9"}}, {}, 10, 12},
                          MinimumSdk{"dcu", "HIP", "", "", {}, {}, 0, 3}};
  std::string page = render(fx);
  std::string section = between(page, "<section id=\"sdk\"", "</section>");
  ASSERT_FALSE(section.empty());
  EXPECT_NE(page.find("href=\"#sdk\""), std::string::npos) << "the nav links to it";
  EXPECT_NE(section.find("<td class=\"sdk-minimum\">2.9</td>"), std::string::npos) << section;
  EXPECT_NE(section.find("<code class=\"sdk-newer\">aten::addmm.dtype (2.9)</code>"), std::string::npos) << section;
  EXPECT_NE(section.find("no op in use states a HIP range (3 ops)"), std::string::npos) << section;
  fx.report.minimumSdk[0].newer[0].symbol = "<img src=x onerror=alert(1)>";
  std::string hostile = between(render(fx), "<section id=\"sdk\"", "</section>");
  EXPECT_EQ(hostile.find("<img"), std::string::npos);
  EXPECT_NE(hostile.find("&lt;img"), std::string::npos);
}

TEST(HtmlRenderer, MatrixHasARowPerLookedUpSymbolAndACellPerPlatform) {
  std::string page = render(opscope::testing::sampleReport());
  std::string matrix = between(page, "id=\"matrix-table\">", "</table>");
  // cudaMalloc cudaMemcpy cudaMemcpyHostToDevice cublasSgemm __activemask cudaFree Conv
  // LayerNormalization FusedAttention.
  EXPECT_EQ(count(matrix, "<tr data-sym="), 9u);
  EXPECT_EQ(count(matrix, "<td class=\"st st-"), 9u * 4);
  EXPECT_NE(matrix.find("<span class=\"target\">hipblasSgemm</span>"), std::string::npos);
  EXPECT_NE(matrix.find("<span class=\"badge\">missing</span>"), std::string::npos);
}

TEST(HtmlRenderer, KernelInventoryHazardsAndOnnxSections) {
  std::string page = render(opscope::testing::sampleReport());
  std::string kernels = between(page, "<section id=\"kernels\"", "</section>");
  EXPECT_NE(kernels.find("1 kernel (4 lines), 1 device function (3 lines), 2 launch sites"), std::string::npos) << kernels;
  EXPECT_NE(kernels.find("<code>ext_kernel</code>"), std::string::npos);
  EXPECT_NE(kernels.find("grid=(n + 255) &#47; 256 block=256"), std::string::npos);
  EXPECT_NE(kernels.find("Registered operators"), std::string::npos);
  std::string hazards = between(page, "<section id=\"hazards\"", "</section>");
  EXPECT_NE(hazards.find("warp-size-32"), std::string::npos);
  EXPECT_NE(hazards.find("href=\"#src:14:src%2Fapp.cu\""), std::string::npos) << hazards;
  std::string onnx = between(page, "<section id=\"onnx\"", "</section>");
  EXPECT_NE(onnx.find("6 nodes of 3 operator types; 3 nodes are missing or unknown"), std::string::npos) << onnx;
  EXPECT_EQ(count(between(onnx, "id=\"onnx-nodes-table\">", "</table>"), "<tr data-finding="), 3u);
  // Graph-level facts: partition per platform and the sizing table.
  EXPECT_NE(onnx.find("<code>models&#47;net.onnx</code>"), std::string::npos) << onnx;
  EXPECT_NE(onnx.find("25.6 million floating-point parameters at FP32"), std::string::npos) << onnx;
  EXPECT_NE(onnx.find("4 of 6 (66.7%)"), std::string::npos) << onnx;
  std::string sizing = between(onnx, "<table class=\"sizing sortable\">", "</table>");
  EXPECT_EQ(count(sizing, "<tr data-platform="), 2u) << sizing;
  EXPECT_NE(sizing.find("<td>NVIDIA H200</td>"), std::string::npos) << sizing;
  EXPECT_NE(sizing.find("123 MB"), std::string::npos) << sizing;
  std::string gate = between(page, "<section id=\"gate\"", "</section>");
  EXPECT_NE(gate.find("CI gate: failed"), std::string::npos);
}

TEST(HtmlRenderer, FilesTableLinksEveryFileToItsSource) {
  std::string page = render(opscope::testing::sampleReport());
  std::string files = between(page, "id=\"files-table\">", "</table>");
  EXPECT_EQ(count(files, "<tr data-file="), 5u);  // the five inputs; findings name no other file
  EXPECT_NE(files.find("href=\"#src:0:src%2Fbroken.cu\""), std::string::npos);
  EXPECT_NE(files.find("cannot read: permission denied"), std::string::npos);
  EXPECT_NE(files.find("class=\"input-error\""), std::string::npos);
}

TEST(HtmlRenderer, SectionsWithoutDataAreLeftOut) {
  FixtureReport fx = opscope::testing::sampleReport();
  Report& r = fx.report;
  std::erase_if(r.findings, [](const ReportFinding& rf) {
    return isInventoryKind(rf.finding.symbol.kind) || rf.finding.evidence == Evidence::Graph;
  });
  r.suggestions.clear();
  r.gate.clear();
  r.models.clear();
  r.finalize();
  std::string page = render(fx);
  for (std::string id : {"summary", "matrix", "gaps", "files"}) EXPECT_NE(page.find("<section id=\"" + id + "\""), std::string::npos) << id;
  for (std::string id : {"gate", "hazards", "kernels", "onnx"}) {
    EXPECT_EQ(page.find("<section id=\"" + id + "\""), std::string::npos) << id;
    EXPECT_EQ(page.find("href=\"#" + id + "\""), std::string::npos) << id;
  }
}

TEST(HtmlRenderer, AnEmptyReportIsStillAPage) {
  FixtureReport fx;
  std::string page = render(fx);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(count(page, "<script"), 2u);
  llvm::json::Value data = dataOf(page);
  ASSERT_NE(data.getAsObject(), nullptr);
  EXPECT_EQ(data.getAsObject()->getArray("findings")->size(), 0u);
}

TEST(HtmlRenderer, DataBlobCarriesFindingsSymbolsSourcesAndDiffs) {
  FixtureReport fx = opscope::testing::sampleReport();
  llvm::json::Value data = dataOf(render(fx));
  const llvm::json::Object* o = data.getAsObject();
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->getString("schema"), "opscope-html-data/1");
  EXPECT_EQ(o->getArray("findings")->size(), fx.report.findings.size());
  EXPECT_EQ(o->getArray("platforms")->size(), 4u);
  const llvm::json::Array& files = *o->getArray("files");
  const llvm::json::Array& sources = *o->getArray("sources");
  ASSERT_EQ(files.size(), sources.size());
  bool sawApp = false;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string path = files[i].getAsObject()->getString("path")->str();
    if (path != "src/app.cu") continue;
    sawApp = true;
    const llvm::json::Array& segments = *sources[i].getAsObject()->getArray("segments");
    ASSERT_EQ(segments.size(), 1u);
    const llvm::json::Array& lines = *(*segments[0].getAsArray())[1].getAsArray();
    EXPECT_EQ(lines.size(), 16u);
    EXPECT_EQ(lines[9].getAsString(), "  cudaMalloc(&d, n * sizeof(float));");
  }
  EXPECT_TRUE(sawApp);
  const llvm::json::Object& diff = *(*o->getArray("suggestions"))[0].getAsObject();
  EXPECT_EQ(diff.getBoolean("located"), true);
  EXPECT_EQ(diff.getInteger("line"), 10);
  EXPECT_EQ((*diff.getArray("after"))[0].getAsString(), "  hipMalloc(&d, n * sizeof(float));");
  // The suppressed cudaFree is flagged (last slot of a finding).
  unsigned suppressed = 0;
  for (const llvm::json::Value& f : *o->getArray("findings")) suppressed += f.getAsArray()->back().getAsBoolean().value_or(false);
  EXPECT_EQ(suppressed, 1u);

  llvm::json::Value bare = dataOf(render(fx, /*withSources=*/false));
  for (const llvm::json::Value& s : *bare.getAsObject()->getArray("sources")) EXPECT_EQ(s.kind(), llvm::json::Value::Null);
  EXPECT_EQ((*bare.getAsObject()->getArray("suggestions"))[0].getAsObject()->getBoolean("located"), false);
}

TEST(HtmlRenderer, HostileStringsInEveryFieldAreInert) {
  FixtureReport fx = opscope::testing::hostileReport();
  std::string page = render(fx);
  // Only the page's own elements: two scripts, one style, one comment (the template's).
  EXPECT_EQ(count(page, "<script"), 2u);
  EXPECT_EQ(count(page, "</script"), 2u);
  EXPECT_EQ(count(page, "<style"), 1u);
  EXPECT_EQ(count(page, "</style"), 1u);
  EXPECT_EQ(count(page, "<!--"), 1u);
  for (std::string tag : {"<img", "<svg o", "<iframe", "</textarea", "<textarea"}) EXPECT_EQ(page.find(tag), std::string::npos) << tag;
  EXPECT_EQ(page.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(page.find("\xE2\x80\xA9"), std::string::npos);
  EXPECT_EQ(count(page, "const FINDING_FIELDS"), 1u) << "a placeholder in data was expanded";
  EXPECT_EQ(page.find("@@"), std::string::npos) << "placeholder-like data must arrive escaped";

  // Every field reached the page (so its escaping was exercised) ...
  for (const std::string& field : opscope::testing::hostileFields())
    EXPECT_NE(page.find(field), std::string::npos) << field << " was not rendered";
  // ... server-rendered ones as escaped text ...
  for (std::string field : {"x_root", "x_platformName", "x_kernelName", "x_hazardName", "x_symbolName", "x_gateName",
                            "x_gateMessage", "x_inputMessage", "x_onnxNode", "x_target", "x_modelFile", "x_allowance",
                            "x_cardName", "x_conversion"})
    EXPECT_NE(page.find(escapeHtml(hostilePayload(field))), std::string::npos) << field;
  // ... and the data blob gives the script back the exact strings.
  llvm::json::Value data = dataOf(page);
  const llvm::json::Object* o = data.getAsObject();
  ASSERT_NE(o, nullptr);
  const llvm::json::Array& symbols = *o->getArray("symbols");
  bool found = false;
  for (const llvm::json::Value& s : symbols)
    if (s.getAsObject()->getString("name") == validUtf8(hostilePayload("x_symbolName"))) {
      found = true;
      const llvm::json::Object& c = *(*s.getAsObject()->getArray("cov"))[0].getAsObject();
      EXPECT_EQ(c.getString("note"), validUtf8(hostilePayload("x_note")));
      EXPECT_EQ(c.getString("source"), validUtf8(hostilePayload("x_source")));
    }
  EXPECT_TRUE(found);
  const llvm::json::Object& diff = *(*o->getArray("suggestions"))[0].getAsObject();
  EXPECT_EQ(diff.getString("reason"), validUtf8(hostilePayload("x_reason")));
}

TEST(HtmlRenderer, AssetsCannotBreakOutOfTheirElementsNorParseDataAsMarkup) {
  std::string_view js = asset("report.js"), css = asset("report.css"), tpl = asset("report.html");
  ASSERT_FALSE(js.empty());
  ASSERT_FALSE(css.empty());
  ASSERT_FALSE(tpl.empty());
  for (std::string_view bad : {"</script", "<!--", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                               "eval(", "new Function", "http:", "https:", "setAttribute('on", "createContextualFragment",
                               "DOMParser"})
    EXPECT_EQ(js.find(bad), std::string_view::npos) << bad;
  for (std::string_view bad : {"</style", "url(", "@import", "http:", "https:", "expression("})
    EXPECT_EQ(css.find(bad), std::string_view::npos) << bad;
  for (std::string_view placeholder : {"@@CSP@@", "@@GENERATOR@@", "@@TITLE@@", "@@STYLE@@", "@@ROOT@@", "@@META@@",
                                       "@@NAV@@", "@@SECTIONS@@", "@@FOOTER@@", "@@DATA@@", "@@SCRIPT@@"})
    EXPECT_EQ(count(std::string(tpl), std::string(placeholder)), 1u) << placeholder;
}

TEST(HtmlRenderer, RenderingIsDeterministic) {
  FixtureReport fx = opscope::testing::sampleReport();
  EXPECT_EQ(render(fx), render(fx));
}

TEST(HtmlRenderer, LongTablesAreCappedAndSaySoWhileTheDataKeepsEverything) {
  FixtureReport fx;
  Report& r = fx.report;
  r.targets = {{"ascend", "Huawei Ascend", ""}};
  for (unsigned i = 0; i < 1100; ++i) {
    ReportFinding rf;
    rf.finding.symbol = {"warp-size-32", SymbolKind::Hazard, "device"};
    rf.finding.location.file = "src/k" + std::to_string(i / 100) + ".cu";
    rf.finding.location.line = i % 100 + 1;
    r.findings.push_back(rf);
  }
  r.finalize();
  std::string page = render(fx);
  std::string hazards = between(page, "<section id=\"hazards\"", "</section>");
  EXPECT_EQ(count(hazards, "<tr data-finding="), 1000u);
  EXPECT_NE(hazards.find("100 more hazards are not listed here"), std::string::npos);
  EXPECT_EQ(dataOf(page).getAsObject()->getArray("findings")->size(), 1100u);
}

TEST(HtmlRenderer, LargeReportStaysCompact) {
  FixtureReport fx = opscope::testing::largeReport(20000);
  std::string page = render(fx, /*withSources=*/false);
  EXPECT_EQ(dataOf(page).getAsObject()->getArray("findings")->size(), 20000u);
  // The coverage answers are stored once per distinct symbol, not once per finding.
  EXPECT_LT(page.size(), 12u << 20) << page.size();
}

}  // namespace
}  // namespace opscope::reports
