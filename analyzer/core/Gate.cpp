#include "core/Gate.h"

#include <cstdio>
#include <functional>

namespace opscope {
namespace {

std::string formatPercent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}

void forEachGap(const Report& report, const std::function<void(const Gap&, const ReportFinding&)>& each) {
  for (const ReportFinding& rf : report.findings) {
    if (rf.suppressed) continue;
    const Finding& f = rf.finding;
    if (f.symbol.kind == SymbolKind::Hazard) {
      each(Gap{f.location.file, f.symbol.name, f.symbol.kind, "*", "hazard"}, rf);
      continue;
    }
    if (!rf.deviceCode.empty()) continue;  // device code takes its kernel's verdict
    for (const auto& [platform, c] : rf.coverage)
      if (c.status == CoverageStatus::Missing || c.status == CoverageStatus::Unknown)
        each(Gap{f.location.file, f.symbol.name, f.symbol.kind, platform, std::string(toString(c.status))}, rf);
  }
}

}  // namespace

Baseline collectGaps(const Report& report) {
  Baseline out;
  forEachGap(report, [&](const Gap& g, const ReportFinding&) { ++out[g]; });
  return out;
}

std::vector<GateCondition> evaluateGate(const Report& report, const GatePolicy& policy, const Baseline* baseline) {
  std::vector<GateCondition> out;
  for (const auto& [platform, floor] : policy.failUnder) {
    GateCondition c;
    c.name = "fail-under " + platform + "=" + formatPercent(floor);
    auto it = report.summaries.find(platform);
    if (it == report.summaries.end()) {
      c.failed = true;
      c.message = platform + " is not among the scan's targets";
    } else {
      double pct = it->second.coveragePercent;
      c.failed = pct < floor;
      c.message = platform + " coverage " + formatPercent(pct) + (c.failed ? " is below " : " meets ") + formatPercent(floor);
    }
    out.push_back(std::move(c));
  }

  // New gaps per status: occurrences beyond what the baseline allows.
  std::map<std::string, std::vector<std::string>> fresh;  // status or hazard id -> "file:line symbol (platform)"
  std::map<Gap, unsigned> budget = baseline ? *baseline : Baseline{};
  forEachGap(report, [&](const Gap& g, const ReportFinding& rf) {
    auto it = budget.find(g);
    if (it != budget.end() && it->second > 0) {
      --it->second;
      return;
    }
    const Location& l = rf.finding.location;
    std::string where = l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + " " + g.symbol;
    if (g.status == "hazard") fresh["hazard:" + g.symbol].push_back(where);
    else fresh[g.status].push_back(where + " (" + g.platform + ")");
  });
  auto condition = [&](const std::string& name, const std::vector<std::string>& gaps, const std::string& what) {
    GateCondition c;
    c.name = name;
    c.failed = !gaps.empty();
    if (gaps.empty()) {
      c.message = "no new " + what;
    } else {
      c.message = std::to_string(gaps.size()) + " new " + what + ":";
      for (size_t i = 0; i < gaps.size() && i < 5; ++i) c.message += (i ? ", " : " ") + gaps[i];
      if (gaps.size() > 5) c.message += ", ...";
    }
    out.push_back(std::move(c));
  };
  if (policy.failOnMissing) condition("fail-on missing", fresh["missing"], "symbol(s) a target platform lacks");
  if (policy.failOnUnknown) condition("fail-on unknown", fresh["unknown"], "symbol(s) no public source covers");
  if (policy.failOnAnyHazard) {
    std::vector<std::string> all;
    for (const auto& [key, gaps] : fresh)
      if (key.rfind("hazard:", 0) == 0)
        for (const std::string& g : gaps) all.push_back(g);
    condition("fail-on hazard", all, "porting hazard(s)");
  }
  for (const std::string& id : policy.failOnHazards) condition("fail-on hazard:" + id, fresh["hazard:" + id], "'" + id + "' hazard(s)");
  return out;
}

}  // namespace opscope
