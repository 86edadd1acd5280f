#include "reports/HtmlRenderer.h"
#include "reports/HtmlMinimumSdk.h"
#include "reports/HtmlPlan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include "reports/HtmlDigest.h"
#include "reports/HtmlWriter.h"

// Defined by the opscope_embed() call in reports/CMakeLists.txt: the files under reports/html/.
const std::vector<std::pair<std::string_view, std::string_view>>& opscopeHtmlAssets();

namespace opscope::reports {
namespace {

using html::Digest;
using html::SymbolEntry;

/// Rows past these in the long server-rendered tables are left to the findings table (which
/// holds every finding and is virtualised), so that a huge scan still opens quickly.
constexpr std::size_t kMaxMatrixRows = 3000;
constexpr std::size_t kMaxHazardRows = 1000;
constexpr std::size_t kMaxKernelRows = 2000;
constexpr std::size_t kMaxFileRows = 5000;
constexpr std::size_t kMaxUnsupportedNodeRows = 2000;
constexpr std::size_t kTopGaps = 30;
constexpr std::size_t kMaxLaunchSitesShown = 8;

std::string_view asset(std::string_view name) {
  for (const auto& [path, text] : htmlAssets())
    if (path == name) return text;
  return {};
}

/// One decimal, rounded half away from zero as the JSON report rounds, so both show the same.
std::string fixed1(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10.0) / 10.0);
  return buf;
}

std::string fixed2(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

/// "'sha256-...'" for a CSP source list: the hash of an inline element's exact text.
std::string cspHash(std::string_view text) {
  auto digest = llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  return "'sha256-" + llvm::encodeBase64(digest) + "'";
}

std::string statusName(CoverageStatus s) { return std::string(toString(s)); }

int statusRank(CoverageStatus s) {
  for (int i = 0; i < 6; ++i)
    if (kAllStatuses[i] == s) return i;
  return 5;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

/// The fragment a link uses to open a file's source at a line (read by report.js).
std::string sourceHref(const std::string& path, unsigned line) {
  // The script decodes this and looks the path up in the data blob, whose strings are valid UTF-8.
  return "#src:" + std::to_string(line) + ":" + percentEncode(validUtf8(path));
}

std::string locationText(const Location& l) {
  return l.file + ":" + std::to_string(l.line) + (l.column ? ":" + std::to_string(l.column) : "");
}

/// A stacked bar of counts per status, as inline SVG (no style attributes: CSP allows none).
void statusBar(HtmlWriter& w, const std::map<CoverageStatus, unsigned>& counts, const std::string& label) {
  unsigned total = 0;
  for (CoverageStatus s : kAllStatuses) total += counts.count(s) ? counts.at(s) : 0;
  w.open("svg", {{"class", "bar"}, {"viewBox", "0 0 100 6"}, {"preserveAspectRatio", "none"}, {"role", "img"},
                 {"aria-label", label}});
  double x = 0;
  for (CoverageStatus s : kAllStatuses) {
    unsigned n = counts.count(s) ? counts.at(s) : 0;
    if (n == 0 || total == 0) continue;
    double width = 100.0 * n / total;
    w.open("rect", {{"class", "st-" + statusName(s)}, {"x", fixed2(x)}, {"y", "0"}, {"width", fixed2(width)}, {"height", "6"}});
    w.element("title", statusName(s) + ": " + std::to_string(n));
    w.close();
    x += width;
  }
  w.close();
}

/// A platform cell: status badge and the platform's equivalent. report.js shows the rest
/// (note, source, confidence, layer) from the data blob when the cell is clicked.
void coverageCell(HtmlWriter& w, const SymbolEntry& e, std::size_t p, std::size_t symbolIndex) {
  if (p >= e.coverage.size() || !e.coverage[p]) {
    w.open("td", {{"class", "st st-unknown"}, {"data-p", p}, {"data-v", statusRank(CoverageStatus::Unknown)}});
    w.element("span", {{"class", "badge"}}, "unknown");
    w.close();
    return;
  }
  const Coverage& c = *e.coverage[p];
  w.open("td", {{"class", "st st-" + statusName(c.status)}, {"data-p", p}, {"data-v", statusRank(c.status)},
                {"data-cov", std::to_string(symbolIndex) + ":" + std::to_string(p)}, {"tabindex", "0"}});
  w.element("span", {{"class", "badge"}}, statusName(c.status));
  if (!c.target.empty()) w.element("span", {{"class", "target"}}, c.target);
  w.close();
}

void platformHeaders(HtmlWriter& w, const Digest& d) {
  for (std::size_t p = 0; p < d.platforms.size(); ++p)
    w.element("th", {{"data-p", p}, {"data-type", "num"}, {"title", d.platforms[p].name}}, d.platforms[p].id);
}

void sortableHeader(HtmlWriter& w, std::string_view label, std::string_view type) {
  w.element("th", {{"data-type", type}}, label);
}

void moreRows(HtmlWriter& w, std::size_t total, std::size_t limit, std::string_view what) {
  if (total <= limit) return;
  w.element("p", {{"class", "hint more-rows"}},
            std::to_string(total - limit) + " more " + std::string(what) +
                " are not listed here; the findings table below has every finding, with filters.");
}

void sectionStart(HtmlWriter& w, std::string_view id, std::string_view title) {
  w.open("section", {{"id", id}, {"class", "card-section"}});
  w.element("h2", title);
}

void renderGate(HtmlWriter& w, const Report& report) {
  if (report.gate.empty()) return;
  bool failed = std::any_of(report.gate.begin(), report.gate.end(), [](const GateCondition& g) { return g.failed; });
  w.open("section", {{"id", "gate"}, {"class", std::string("card-section gate ") + (failed ? "gate-failed" : "gate-passed")}});
  w.element("h2", failed ? "CI gate: failed" : "CI gate: passed");
  w.open("ul", {{"class", "gate-list"}});
  for (const GateCondition& g : report.gate) {
    w.open("li", {{"class", g.failed ? "failed" : "passed"}});
    w.element("span", {{"class", "badge"}}, g.failed ? "failed" : "passed");
    w.text(" ").element("code", g.name);
    if (!g.message.empty()) w.text(" \xE2\x80\x94 ").element("span", {{"class", "msg"}}, g.message);
    w.close();
  }
  w.close().close();
}

void renderSummary(HtmlWriter& w, const Digest& d) {
  sectionStart(w, "summary", "Coverage by platform");
  w.open("div", {{"class", "cards"}});
  for (std::size_t p = 0; p < d.platforms.size(); ++p) {
    const html::PlatformColumn& pc = d.platforms[p];
    const PlatformSummary& s = d.summaries[p];
    w.open("article", {{"class", "pcard"}, {"data-p", p}, {"data-platform", pc.id}});
    w.open("header");
    w.element("h3", pc.name);
    w.element("span", {{"class", "pid"}}, pc.id);
    w.close();
    if (!pc.stack.empty()) w.element("p", {{"class", "stack"}}, pc.stack);
    w.open("p", {{"class", "pct"}});
    w.element("span", {{"class", "pct-value"}}, fixed1(s.coveragePercent) + "%");
    w.element("span", {{"class", "pct-label"}}, "of " + plural(s.symbols, "distinct API symbol", "distinct API symbols") +
                                                    " covered");
    w.close();
    statusBar(w, s.symbolsByStatus, pc.id + " symbols by status");
    w.open("table", {{"class", "counts"}});
    w.open("thead").open("tr");
    w.element("th", "status").element("th", {{"class", "num"}}, "symbols").element("th", {{"class", "num"}}, "uses");
    w.close().close();
    w.open("tbody");
    for (CoverageStatus st : kAllStatuses) {
      unsigned symbols = s.symbolsByStatus.count(st) ? s.symbolsByStatus.at(st) : 0;
      unsigned uses = s.findingsByStatus.count(st) ? s.findingsByStatus.at(st) : 0;
      w.open("tr", {{"class", "st-" + statusName(st)}, {"data-status", statusName(st)}});
      w.open("td").element("span", {{"class", "badge"}}, statusName(st)).close();
      w.element("td", {{"class", "num"}}, std::to_string(symbols));
      w.element("td", {{"class", "num"}}, std::to_string(uses));
      w.close();
    }
    w.close().close();
    w.close();  // article
  }
  w.close();  // cards
  w.open("details", {{"class", "formula"}});
  w.element("summary", "How coverage is computed");
  w.element("p", "Coverage % = distinct API symbols the platform covers (native, mapped, partial or emulated) "
                 "\xC3\xB7 all distinct API symbols looked up, unknown ones included. Counts are distinct "
                 "symbols; uses are occurrences.");
  w.element("p", "Effort is not derived from coverage: the porting plan above counts sites and lines, "
                 "with the weights it shows.");
  w.open("dl", {{"class", "legend"}});
  static constexpr std::pair<CoverageStatus, std::string_view> kMeaning[] = {
      {CoverageStatus::Native, "the platform accepts the same API shape as is"},
      {CoverageStatus::Mapped, "an equivalent exists with another name or arguments"},
      {CoverageStatus::Partial, "supported for some dtypes, modes or versions only"},
      {CoverageStatus::Emulated, "works through a composite or a CPU fallback"},
      {CoverageStatus::Missing, "a public source says it is not supported"},
      {CoverageStatus::Unknown, "no public source says anything"}};
  for (const auto& [st, meaning] : kMeaning) {
    w.open("dt", {{"class", "st-" + statusName(st)}}).element("span", {{"class", "badge"}}, statusName(st)).close();
    w.element("dd", meaning);
  }
  w.close().close();
  w.close();  // section
}

void renderMatrix(HtmlWriter& w, const Report& report, const Digest& d) {
  if (d.matrix.empty()) return;
  sectionStart(w, "matrix", "Platform comparison");
  w.element("p", {{"class", "hint"}},
            plural(d.matrix.size(), "distinct API symbol", "distinct API symbols") +
                " \xC3\x97 platform. Click a cell for the note, source and confidence behind it.");
  w.open("div", {{"class", "scroll"}});
  w.open("table", {{"class", "matrix sortable"}, {"id", "matrix-table"}});
  w.open("thead").open("tr");
  sortableHeader(w, "Symbol", "text");
  sortableHeader(w, "Kind", "text");
  sortableHeader(w, "Library", "text");
  sortableHeader(w, "Uses", "num");
  sortableHeader(w, "Files", "num");
  platformHeaders(w, d);
  w.close().close();
  w.open("tbody");
  for (std::size_t row = 0; row < d.matrix.size() && row < kMaxMatrixRows; ++row) {
    std::size_t s = d.matrix[row];
    const SymbolEntry& e = d.symbols[s];
    w.open("tr", {{"data-sym", s}});
    w.open("td", {{"class", "sym"}});
    w.open("a", {{"href", sourceHref(report.findings[e.firstFinding].finding.location.file,
                                     report.findings[e.firstFinding].finding.location.line)}});
    w.element("code", e.symbol.name);
    w.close().close();
    w.element("td", toString(e.symbol.kind));
    w.element("td", e.symbol.library);
    w.element("td", {{"class", "num"}}, std::to_string(e.occurrences));
    w.element("td", {{"class", "num"}}, std::to_string(e.files));
    for (std::size_t p = 0; p < d.platforms.size(); ++p) coverageCell(w, e, p, s);
    w.close();
  }
  w.close().close().close();
  moreRows(w, d.matrix.size(), kMaxMatrixRows, "symbols (those with the fewest gaps)");
  w.close();
}

void renderGaps(HtmlWriter& w, const Digest& d) {
  if (d.gaps.empty()) return;
  sectionStart(w, "gaps", "Top missing and unknown symbols");
  w.element("p", {{"class", "hint"}},
            std::to_string(std::min(d.gaps.size(), kTopGaps)) + " most used of " +
                plural(d.gaps.size(), "symbol", "symbols") +
                " that some platform lacks (missing) or that no public source covers (unknown).");
  w.open("table", {{"class", "gaps sortable"}, {"id", "gaps-table"}});
  w.open("thead").open("tr");
  sortableHeader(w, "Symbol", "text");
  sortableHeader(w, "Kind", "text");
  sortableHeader(w, "Uses", "num");
  sortableHeader(w, "Files", "num");
  sortableHeader(w, "Missing on", "text");
  sortableHeader(w, "Unknown on", "text");
  w.close().close();
  w.open("tbody");
  for (std::size_t i = 0; i < d.gaps.size() && i < kTopGaps; ++i) {
    const SymbolEntry& e = d.symbols[d.gaps[i]];
    w.open("tr", {{"data-sym", d.gaps[i]}});
    w.open("td", {{"class", "sym"}}).element("code", e.symbol.name).close();
    w.element("td", toString(e.symbol.kind));
    w.element("td", {{"class", "num"}}, std::to_string(e.occurrences));
    w.element("td", {{"class", "num"}}, std::to_string(e.files));
    for (CoverageStatus want : {CoverageStatus::Missing, CoverageStatus::Unknown}) {
      w.open("td", {{"class", "plist"}});
      for (std::size_t p = 0; p < d.platforms.size(); ++p)
        if (e.status(p) == want)
          w.element("span", {{"class", "chip st-" + statusName(want)}, {"data-p", p}}, d.platforms[p].id);
      w.close();
    }
    w.close();
  }
  w.close().close();
  w.close();
}

void findingLink(HtmlWriter& w, const Finding& f) {
  w.open("a", {{"href", sourceHref(f.location.file, f.location.line)}, {"class", "loc"}});
  w.text(locationText(f.location));
  w.close();
}

void renderHazards(HtmlWriter& w, const Report& report, const Digest& d) {
  if (d.hazards.empty()) return;
  sectionStart(w, "hazards", "Hazards");
  w.element("p", {{"class", "hint"}},
            plural(d.hazards.size(), "place", "places") +
                " where code depends on NVIDIA behaviour that other platforms do not share.");
  // Hazard rules may say, per platform, whether the hazard applies there: shown when they do.
  bool withCoverage = std::any_of(d.hazards.begin(), d.hazards.end(),
                                  [&](std::size_t i) { return !d.symbols[d.findingSymbol[i]].coverage.empty(); });
  w.open("table", {{"class", "hazards sortable"}, {"id", "hazards-table"}});
  w.open("thead").open("tr");
  sortableHeader(w, "Location", "text");
  sortableHeader(w, "Hazard", "text");
  sortableHeader(w, "Detail", "text");
  sortableHeader(w, "Context", "text");
  sortableHeader(w, "Evidence", "text");
  if (withCoverage) platformHeaders(w, d);
  w.close().close();
  w.open("tbody");
  for (std::size_t row = 0; row < d.hazards.size() && row < kMaxHazardRows; ++row) {
    std::size_t i = d.hazards[row];
    const ReportFinding& rf = report.findings[i];
    const Finding& f = rf.finding;
    w.open("tr", {{"data-finding", i}, {"class", rf.suppressed ? "suppressed" : ""}});
    w.open("td");
    findingLink(w, f);
    w.close();
    w.open("td", {{"class", "sym"}}).element("code", f.symbol.name).close();
    w.element("td", f.detail);
    w.element("td", {{"class", "ctx"}}, f.context);
    w.element("td", toString(f.evidence));
    if (withCoverage)
      for (std::size_t p = 0; p < d.platforms.size(); ++p) coverageCell(w, d.symbols[d.findingSymbol[i]], p, d.findingSymbol[i]);
    w.close();
  }
  w.close().close();
  moreRows(w, d.hazards.size(), kMaxHazardRows, "hazards");
  w.close();
}

void renderKernels(HtmlWriter& w, const Report& report, const Digest& d) {
  if (d.kernels.empty() && d.registeredOps.empty()) return;
  sectionStart(w, "kernels", "Kernel inventory");
  unsigned kernels = 0, deviceFunctions = 0, kernelLines = 0, deviceLines = 0, launches = 0, external = 0;
  for (const html::KernelEntry& k : d.kernels) {
    if (!k.definition) {
      ++external;
      launches += static_cast<unsigned>(k.launches.size());
      continue;
    }
    bool isKernel = k.kind == SymbolKind::Kernel;
    (isKernel ? kernels : deviceFunctions) += 1;
    (isKernel ? kernelLines : deviceLines) += k.lines.value_or(0);
    launches += static_cast<unsigned>(k.launches.size());
  }
  w.element("p", {{"class", "hint kernel-totals"}},
            plural(kernels, "kernel", "kernels") + " (" + std::to_string(kernelLines) + " lines), " +
                plural(deviceFunctions, "device function", "device functions") + " (" + std::to_string(deviceLines) +
                " lines), " + plural(launches, "launch site", "launch sites") +
                (external ? ", " + plural(external, "kernel", "kernels") + " launched but defined outside the scan" : "") +
                ". Every one is the project's own GPU code: it is rewritten or recompiled for each platform.");
  // Each kernel's verdicts, side by side: rewrite in the platform's kernel language, or the
  // operator that computes the same thing. Device functions are ported with the kernels calling them.
  std::map<std::pair<std::string, std::string>, const KernelReport*> verdicts;
  for (const KernelReport& k : report.kernels) verdicts.try_emplace({k.location.file, k.name}, &k);
  if (!d.kernels.empty()) {
    w.open("table", {{"class", "kernels sortable"}, {"id", "kernels-table"}});
    w.open("thead").open("tr");
    sortableHeader(w, "Name", "text");
    sortableHeader(w, "Kind", "text");
    sortableHeader(w, "Defined at", "text");
    sortableHeader(w, "Lines", "num");
    sortableHeader(w, "Launches", "num");
    sortableHeader(w, "Launch sites", "text");
    platformHeaders(w, d);
    w.close().close();
    w.open("tbody");
    for (std::size_t row = 0; row < d.kernels.size() && row < kMaxKernelRows; ++row) {
      const html::KernelEntry& k = d.kernels[row];
      std::size_t rowFinding = k.definition ? *k.definition : k.launches.front();
      w.open("tr", {{"data-finding", rowFinding}});
      w.open("td", {{"class", "sym"}}).element("code", k.name).close();
      w.element("td", k.definition ? toString(k.kind) : std::string_view("kernel (not scanned)"));
      w.open("td");
      if (k.definition) findingLink(w, report.findings[*k.definition].finding);
      else w.text("outside the scanned files");
      w.close();
      w.element("td", {{"class", "num"}}, k.lines ? std::to_string(*k.lines) : "");
      if (k.kind == SymbolKind::DeviceFunction) w.element("td", {{"class", "num"}}, "");
      else w.element("td", {{"class", "num"}}, std::to_string(k.launches.size()));
      w.open("td", {{"class", "sites"}});
      for (std::size_t j = 0; j < k.launches.size() && j < kMaxLaunchSitesShown; ++j) {
        const Finding& launch = report.findings[k.launches[j]].finding;
        findingLink(w, launch);
        if (!launch.detail.empty()) w.element("span", {{"class", "detail"}}, " " + launch.detail);
        w.text(" ");
      }
      if (k.launches.size() > kMaxLaunchSitesShown)
        w.element("span", {{"class", "more"}}, "+" + std::to_string(k.launches.size() - kMaxLaunchSitesShown) + " more");
      w.close();
      const KernelReport* kr = nullptr;
      if (k.definition && k.kind == SymbolKind::Kernel) {
        auto it = verdicts.find({report.findings[*k.definition].finding.location.file, k.name});
        if (it != verdicts.end()) kr = it->second;
      }
      for (std::size_t p = 0; p < d.platforms.size(); ++p) {
        const KernelVerdict* found = nullptr;
        if (kr)
          if (auto v = kr->verdicts.find(d.platforms[p].id); v != kr->verdicts.end()) found = &v->second;
        if (!found) {
          w.element("td", {{"class", "st"}, {"data-p", p}, {"data-v", statusRank(CoverageStatus::Unknown)}},
                    k.kind == SymbolKind::DeviceFunction ? "with its kernels" : "");
          continue;
        }
        const KernelVerdict& kv = *found;
        w.open("td", {{"class", "st st-" + statusName(kv.status)}, {"data-p", p}, {"data-v", statusRank(kv.status)},
                      {"title", kv.reason}});
        w.element("span", {{"class", "badge"}}, statusName(kv.status));
        if (!kv.target.empty()) w.element("span", {{"class", "target"}}, kv.target);
        if (!kv.effort.empty()) w.element("span", {{"class", "detail"}}, " " + kv.effort);
        w.close();
      }
      w.close();
    }
    w.close().close();
    moreRows(w, d.kernels.size(), kMaxKernelRows, "kernels and device functions");
  }
  if (!d.registeredOps.empty()) {
    w.element("h3", "Registered operators");
    w.open("table", {{"class", "regops sortable"}, {"id", "regops-table"}});
    w.open("thead").open("tr");
    sortableHeader(w, "Operator", "text");
    sortableHeader(w, "Registered at", "text");
    sortableHeader(w, "Detail", "text");
    w.close().close();
    w.open("tbody");
    for (std::size_t row = 0; row < d.registeredOps.size() && row < kMaxKernelRows; ++row) {
      std::size_t i = d.registeredOps[row];
      const Finding& f = report.findings[i].finding;
      w.open("tr", {{"data-finding", i}});
      w.open("td", {{"class", "sym"}}).element("code", f.symbol.name).close();
      w.open("td");
      findingLink(w, f);
      w.close();
      w.element("td", f.detail);
      w.close();
    }
    w.close().close();
    moreRows(w, d.registeredOps.size(), kMaxKernelRows, "registered operators");
  }
  w.close();
}

/// "1.34 TB", "812 GB", "3.2 MB": decimal units, three significant digits, as `opscope fit` prints.
std::string bytesText(double bytes) {
  static constexpr const char* kUnits[] = {"B", "KB", "MB", "GB", "TB", "PB"};
  std::size_t u = 0;
  while (bytes >= 1000 && u + 1 < std::size(kUnits)) bytes /= 1000, ++u;
  char buf[48];
  std::snprintf(buf, sizeof buf, bytes >= 100 || u == 0 ? "%.0f %s" : bytes >= 10 ? "%.1f %s" : "%.2f %s", bytes, kUnits[u]);
  return buf;
}

/// "6.74 billion", "25.6 million", "512": parameter counts as people say them.
std::string countText(double n) {
  static constexpr std::pair<double, const char*> kScales[] = {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}};
  for (const auto& [scale, word] : kScales)
    if (n >= scale) {
      char buf[48];
      double v = n / scale;
      std::snprintf(buf, sizeof buf, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, word);
      return buf;
    }
  return std::to_string(static_cast<std::uint64_t>(n));
}

std::string rangeText(std::uint64_t low, std::uint64_t high) {
  return low == high ? std::to_string(low) : std::to_string(low) + "–" + std::to_string(high);
}

/// Per model: how its main graph would split on each platform, and how many cards hold it.
void renderModels(HtmlWriter& w, const Report& report, const Digest& d) {
  for (const ModelReport& m : report.models) {
    w.open("h3").text("Model ").element("code", m.file).close();
    w.element("p", {{"class", "hint"}},
              plural(m.nodes, "node", "nodes") + ", " + countText(m.parameters) + " floating-point parameters at " +
                  m.precision + ". Allowance for KV cache and activations: " +
                  m.allowance);
    if (!m.partitions.empty()) {
      w.open("table", {{"class", "partition sortable"}});
      w.open("thead").open("tr");
      sortableHeader(w, "Platform", "text");
      sortableHeader(w, "On the accelerator", "num");
      sortableHeader(w, "Accelerator segments", "num");
      sortableHeader(w, "Fallback segments", "num");
      sortableHeader(w, "Transitions", "num");
      w.close().close().open("tbody");
      for (const auto& [platform, g] : m.partitions) {
        auto it = std::find_if(d.platforms.begin(), d.platforms.end(), [&](const html::PlatformColumn& p) { return p.id == platform; });
        w.open("tr", {{"data-platform", platform}});
        w.element("td", it == d.platforms.end() ? platform : it->name);
        std::string on = std::to_string(g.acceleratorNodes) + " of " + std::to_string(g.nodes) + " (" +
                         fixed1(g.nodes ? 100.0 * g.acceleratorNodes / g.nodes : 0) + "%)";
        if (g.unknownNodes)
          on += "; " + fixed1(g.nodes ? 100.0 * g.acceleratorNodesIfUnknownRun / g.nodes : 0) + "% if the " +
                std::to_string(g.unknownNodes) + " unknown run there";
        if (g.foldedNodes) on += "; " + std::to_string(g.foldedNodes) + " folded";
        w.element("td", {{"class", "num"}}, on);
        w.element("td", {{"class", "num"}}, std::to_string(g.acceleratorSegments));
        w.element("td", {{"class", "num"}}, std::to_string(g.fallbackSegments));
        w.element("td", {{"class", "num"}}, std::to_string(g.transitions));
        w.close();
      }
      w.close().close();
    }
    if (!m.sizing.empty()) {
      w.open("table", {{"class", "sizing sortable"}});
      w.open("thead").open("tr");
      sortableHeader(w, "Accelerator", "text");
      sortableHeader(w, "Precision", "text");
      sortableHeader(w, "Runs at", "text");
      sortableHeader(w, "Memory needed", "num");
      sortableHeader(w, "Cards", "num");
      sortableHeader(w, "8-card servers", "num");
      w.close().close().open("tbody");
      for (const SizingRow& r : m.sizing) {
        w.open("tr", {{"data-platform", r.platform}});
        w.element("td", r.name);
        w.element("td", r.precision);
        w.element("td", r.available ? r.effective + (r.conversion.empty() ? "" : " (" + r.conversion + ")")
                                    : std::string("cannot run: ") + r.conversion);
        w.element("td", {{"class", "num"}}, bytesText(r.totalBytes));
        w.element("td", {{"class", "num"}}, r.available ? rangeText(r.cardsLow, r.cardsHigh) : "—");
        w.element("td", {{"class", "num"}}, r.available ? rangeText(r.serversLow, r.serversHigh) : "—");
        w.close();
      }
      w.close().close();
    }
  }
}

void renderOnnx(HtmlWriter& w, const Report& report, const Digest& d) {
  if (d.onnxOps.empty() && report.models.empty()) return;
  sectionStart(w, "onnx", "ONNX models");
  renderModels(w, report, d);
  unsigned nodes = 0, most = 0;
  for (std::size_t s : d.onnxOps) {
    nodes += d.symbols[s].graphOccurrences;
    most = std::max(most, d.symbols[s].graphOccurrences);
  }
  w.element("p", {{"class", "hint"}},
            plural(nodes, "node", "nodes") + " of " + plural(d.onnxOps.size(), "operator type", "operator types") + "; " +
                plural(d.onnxUnsupported.size(), "node is", "nodes are") + " missing or unknown on some platform.");
  w.element("h3", "Operator histogram");
  w.open("table", {{"class", "ophist sortable"}, {"id", "onnx-ops-table"}});
  w.open("thead").open("tr");
  sortableHeader(w, "Operator", "text");
  sortableHeader(w, "Nodes", "num");
  w.element("th", {{"class", "barcol"}}, "");
  platformHeaders(w, d);
  w.close().close();
  w.open("tbody");
  for (std::size_t s : d.onnxOps) {
    const SymbolEntry& e = d.symbols[s];
    w.open("tr", {{"data-sym", s}});
    w.open("td", {{"class", "sym"}}).element("code", e.symbol.name).close();
    w.element("td", {{"class", "num"}}, std::to_string(e.graphOccurrences));
    w.open("td", {{"class", "barcol"}});
    w.open("svg", {{"class", "hbar"}, {"viewBox", "0 0 100 6"}, {"preserveAspectRatio", "none"}, {"aria-hidden", "true"}});
    w.open("rect", {{"width", fixed2(most ? 100.0 * e.graphOccurrences / most : 0)}, {"height", "6"}}).close();
    w.close().close();
    for (std::size_t p = 0; p < d.platforms.size(); ++p) coverageCell(w, e, p, s);
    w.close();
  }
  w.close().close();
  if (!d.onnxUnsupported.empty()) {
    w.element("h3", "Unsupported nodes");
    w.open("table", {{"class", "onnx-nodes sortable"}, {"id", "onnx-nodes-table"}});
    w.open("thead").open("tr");
    sortableHeader(w, "Node", "text");
    sortableHeader(w, "Operator", "text");
    sortableHeader(w, "Model", "text");
    platformHeaders(w, d);
    w.close().close();
    w.open("tbody");
    for (std::size_t j = 0; j < d.onnxUnsupported.size() && j < kMaxUnsupportedNodeRows; ++j) {
      std::size_t i = d.onnxUnsupported[j];
      const Finding& f = report.findings[i].finding;
      const SymbolEntry& e = d.symbols[d.findingSymbol[i]];
      w.open("tr", {{"data-finding", i}});
      w.element("td", {{"class", "ctx"}}, f.context);
      w.open("td", {{"class", "sym"}}).element("code", f.symbol.name).close();
      w.open("td");
      findingLink(w, f);
      w.close();
      for (std::size_t p = 0; p < d.platforms.size(); ++p) coverageCell(w, e, p, d.findingSymbol[i]);
      w.close();
    }
    w.close().close();
    moreRows(w, d.onnxUnsupported.size(), kMaxUnsupportedNodeRows, "unsupported nodes");
  }
  w.close();
}

void renderFiles(HtmlWriter& w, const Digest& d) {
  if (d.files.empty()) return;
  sectionStart(w, "files", "Files");
  w.element("p", {{"class", "hint"}},
            plural(d.files.size(), "file", "files") +
                ". Click a file for its source with findings highlighted and suggested edits as diffs; the platform "
                "columns count findings missing or unknown there.");
  w.open("div", {{"class", "scroll"}});
  w.open("table", {{"class", "files sortable"}, {"id", "files-table"}});
  w.open("thead").open("tr");
  sortableHeader(w, "File", "text");
  sortableHeader(w, "Language", "text");
  sortableHeader(w, "Read as", "text");
  sortableHeader(w, "Findings", "num");
  sortableHeader(w, "Hazards", "num");
  sortableHeader(w, "Edits", "num");
  platformHeaders(w, d);
  sortableHeader(w, "Note", "text");
  w.close().close();
  w.open("tbody");
  for (std::size_t i = 0; i < d.files.size() && i < kMaxFileRows; ++i) {
    const html::FileEntry& f = d.files[i];
    std::string status = f.input ? std::string(toString(f.input->status)) : "";
    w.open("tr", {{"data-file", i}, {"class", status == "error" ? "input-error" : status == "lexical" ? "input-lexical" : ""}});
    w.open("td", {{"class", "path"}});
    w.element("a", {{"href", sourceHref(f.path, 0)}}, f.path);
    w.close();
    w.element("td", f.input ? f.input->language : "");
    if (f.input && f.input->lexicalReason != LexicalReason::None)
      w.element("td", {{"class", "reason-" + std::string(toString(f.input->lexicalReason))}},
                status + " (" + std::string(toString(f.input->lexicalReason)) + ")");
    else
      w.element("td", status);
    w.element("td", {{"class", "num findings-n"}}, std::to_string(f.findings));
    w.element("td", {{"class", "num"}}, std::to_string(f.hazards));
    w.element("td", {{"class", "num"}}, std::to_string(f.suggestions));
    for (std::size_t p = 0; p < d.platforms.size(); ++p)
      w.element("td", {{"class", f.gaps[p] ? "num gapn" : "num"}, {"data-p", p}}, std::to_string(f.gaps[p]));
    w.element("td", {{"class", "note"}}, f.input ? f.input->message : "");
    w.close();
  }
  w.close().close().close();
  moreRows(w, d.files.size(), kMaxFileRows, "files");
  w.close();
}

void renderNav(HtmlWriter& w, const std::string& sections, const Digest& d, const Report& report) {
  static constexpr std::pair<std::string_view, std::string_view> kSections[] = {
      {"gate", "Gate"},       {"plan", "Plan"},         {"summary", "Summary"},   {"sdk", "SDK"},  {"matrix", "Matrix"}, {"gaps", "Gaps"},
      {"hazards", "Hazards"}, {"kernels", "Kernels"},   {"onnx", "ONNX"},     {"files", "Files"}};
  for (const auto& [id, label] : kSections)
    if (sections.find("<section id=\"" + std::string(id) + "\"") != std::string::npos)
      w.element("a", {{"href", "#" + std::string(id)}}, label);
  if (!report.findings.empty()) w.element("a", {{"href", "#findings"}, {"class", "js-only"}}, "All findings");
}

// ---- the data blob ----------------------------------------------------------------------

llvm::StringRef ref(std::string_view s) { return llvm::StringRef(s.data(), s.size()); }

std::string dataJson(const Report& report, const Digest& d) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::json::OStream j(os);
  auto str = [&](std::string_view s) { j.value(validUtf8(s)); };
  j.object([&] {
    j.attribute("schema", "opscope-html-data/1");
    j.attributeArray("platforms", [&] {
      for (const html::PlatformColumn& p : d.platforms)
        j.object([&] {
          j.attribute("id", validUtf8(p.id));
          j.attribute("name", validUtf8(p.name));
        });
    });
    j.attributeArray("statuses", [&] {
      for (CoverageStatus s : kAllStatuses) j.value(ref(toString(s)));
    });
    j.attributeArray("kinds", [&] {
      std::set<SymbolKind> present;
      for (const ReportFinding& rf : report.findings) present.insert(rf.finding.symbol.kind);
      for (SymbolKind k : present) j.value(ref(toString(k)));
    });
    j.attributeArray("files", [&] {
      for (const html::FileEntry& f : d.files)
        j.object([&] {
          j.attribute("path", validUtf8(f.path));
          j.attribute("language", validUtf8(f.input ? f.input->language : ""));
          j.attribute("status", f.input ? ref(toString(f.input->status)) : "");
          j.attribute("message", validUtf8(f.input ? f.input->message : ""));
          if (f.input && f.input->lexicalReason != LexicalReason::None)
            j.attribute("lexicalReason", ref(toString(f.input->lexicalReason)));
        });
    });
    j.attributeArray("symbols", [&] {
      for (const SymbolEntry& e : d.symbols)
        j.object([&] {
          j.attribute("name", validUtf8(e.symbol.name));
          j.attribute("kind", ref(toString(e.symbol.kind)));
          j.attribute("library", validUtf8(e.symbol.library));
          j.attribute("inventory", e.inventory);
          if (e.coverage.empty()) return;
          j.attributeArray("cov", [&] {
            for (const std::optional<Coverage>& c : e.coverage) {
              if (!c) {
                j.value(nullptr);
                continue;
              }
              j.object([&] {
                j.attribute("status", ref(toString(c->status)));
                j.attribute("target", validUtf8(c->target));
                j.attribute("note", validUtf8(c->note));
                j.attribute("source", validUtf8(c->source));
                j.attribute("confidence", c->confidence ? ref(toString(*c->confidence)) : "");
                j.attribute("layer", validUtf8(c->layer));
              });
            }
          });
        });
    });
    // Findings are arrays, in the order report.js names in FINDING_FIELDS.
    j.attributeArray("findings", [&] {
      for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const ReportFinding& rf = report.findings[i];
        const Finding& f = rf.finding;
        j.array([&] {
          j.value(static_cast<int64_t>(d.findingSymbol[i]));
          j.value(static_cast<int64_t>(d.findingFile[i]));
          j.value(static_cast<int64_t>(f.location.line));
          j.value(static_cast<int64_t>(f.location.column));
          j.value(static_cast<int64_t>(f.location.endLine));
          j.value(static_cast<int64_t>(f.location.endColumn));
          j.value(ref(toString(f.evidence)));
          str(f.context);
          str(f.detail);
          j.array([&] {
            for (const std::string& m : f.location.macroChain) str(m);
          });
          j.value(rf.suppressed);
        });
      }
    });
    j.attributeArray("suggestions", [&] {
      for (const html::SuggestionDiff& diff : d.diffs) {
        const Suggestion& s = report.suggestions[diff.suggestion];
        j.object([&] {
          j.attribute("platform", validUtf8(s.platform));
          j.attribute("file", static_cast<int64_t>(diff.file));
          j.attribute("reason", validUtf8(s.reason));
          j.attribute("replacement", validUtf8(s.replacement));
          j.attribute("offset", static_cast<int64_t>(s.offset));
          j.attribute("length", static_cast<int64_t>(s.length));
          j.attribute("located", diff.located);
          j.attribute("line", static_cast<int64_t>(diff.firstLine));
          j.attributeArray("before", [&] {
            for (const std::string& l : diff.before) str(l);
          });
          j.attributeArray("after", [&] {
            for (const std::string& l : diff.after) str(l);
          });
        });
      }
    });
    j.attributeArray("sources", [&] {
      for (const html::SourceText& st : d.sources) {
        if (!st.provided) {
          j.value(nullptr);
          continue;
        }
        j.object([&] {
          j.attribute("complete", st.complete);
          j.attributeArray("segments", [&] {
            for (const html::SourceSegment& seg : st.segments)
              j.array([&] {
                j.value(static_cast<int64_t>(seg.firstLine));
                j.array([&] {
                  for (const std::string& l : seg.lines) str(l);
                });
              });
          });
        });
      }
    });
  });
  os.flush();
  return escapeJsonForScript(text);
}

/// Replaces each @@NAME@@ of the template in one pass, so that nothing substituted is ever
/// searched again (a symbol named like a placeholder stays text).
std::string fillTemplate(std::string_view tpl, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(tpl.size());
  std::size_t pos = 0;
  while (pos < tpl.size()) {
    std::size_t at = tpl.find("@@", pos);
    if (at == std::string_view::npos) break;
    std::size_t end = tpl.find("@@", at + 2);
    if (end == std::string_view::npos) break;
    auto it = values.find(std::string(tpl.substr(at + 2, end - at - 2)));
    if (it == values.end()) {
      out.append(tpl.substr(pos, at + 2 - pos));
      pos = at + 2;
      continue;
    }
    out.append(tpl.substr(pos, at - pos));
    out += it->second;
    pos = end + 2;
  }
  out.append(tpl.substr(pos));
  return out;
}

}  // namespace

const std::vector<std::pair<std::string_view, std::string_view>>& htmlAssets() { return opscopeHtmlAssets(); }

void HtmlRenderer::render(const Report& report, std::ostream& out) const {
  Digest d = html::digest(report, options_.sourceText);

  HtmlWriter body;
  renderGate(body, report);
  html::renderPlan(body, report, [](const std::string& path, unsigned line) { return sourceHref(path, line); });
  renderSummary(body, d);
  html::renderMinimumSdk(body, report);
  renderMatrix(body, report, d);
  renderGaps(body, d);
  renderHazards(body, report, d);
  renderKernels(body, report, d);
  renderOnnx(body, report, d);
  renderFiles(body, d);
  std::string sections = body.take();

  HtmlWriter nav;
  renderNav(nav, sections, d, report);

  std::size_t apiSymbols = d.matrix.size();
  HtmlWriter meta;
  meta.text(plural(report.inputs.size(), "file", "files") + " scanned \xC2\xB7 " +
            plural(report.findings.size(), "finding", "findings") + " \xC2\xB7 " +
            plural(apiSymbols, "distinct API symbol", "distinct API symbols") + " \xC2\xB7 " +
            plural(report.suggestions.size(), "suggested edit", "suggested edits") + " \xC2\xB7 targets: ");
  for (std::size_t p = 0; p < d.platforms.size(); ++p) meta.text((p ? ", " : "") + d.platforms[p].name);

  HtmlWriter footer;
  footer.text("Generated by opscope " + report.toolVersion + " with opdb " + report.opdbVersion +
              ". Paths are relative to the scan root. The page is self-contained and works offline.");

  std::string_view css = asset("report.css");
  std::string_view js = asset("report.js");
  std::string csp = "default-src 'none'; script-src " + cspHash(js) + "; style-src " + cspHash(css) +
                    "; img-src 'none'; base-uri 'none'; form-action 'none'";

  std::map<std::string, std::string> values{
      {"CSP", escapeHtml(csp)},
      {"GENERATOR", escapeHtml("opscope " + report.toolVersion)},
      {"TITLE", escapeHtml("opscope report \xE2\x80\x94 " + report.root)},
      {"ROOT", escapeHtml(report.root)},
      {"META", meta.take()},
      {"NAV", nav.take()},
      {"SECTIONS", std::move(sections)},
      {"FOOTER", footer.take()},
      {"DATA", dataJson(report, d)},
      // The assets are our own files, inlined verbatim (tests check they cannot close their element).
      {"STYLE", std::string(css)},
      {"SCRIPT", std::string(js)},
  };
  out << fillTemplate(asset("report.html"), values);
}

}  // namespace opscope::reports
