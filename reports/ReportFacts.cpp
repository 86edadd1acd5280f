#include "reports/ReportFacts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace opscope::reports {

CoverageStatus worstStatus(const ReportFinding& rf) {
  if (rf.coverage.empty()) return CoverageStatus::Unknown;
  CoverageStatus worst = CoverageStatus::Native;
  for (const auto& [p, c] : rf.coverage) worst = std::max(worst, c.status);  // enum order: best first
  return worst;
}

std::vector<SymbolGap> topGaps(const Report& report, size_t limit) {
  std::map<std::pair<std::string, SymbolKind>, SymbolGap> bySymbol;
  for (const ReportFinding& rf : report.findings) {
    if (rf.suppressed || isInventoryKind(rf.finding.symbol.kind)) continue;
    CoverageStatus worst = worstStatus(rf);
    if (worst != CoverageStatus::Missing && worst != CoverageStatus::Unknown) continue;
    SymbolGap& g = bySymbol[{rf.finding.symbol.name, rf.finding.symbol.kind}];
    g.name = rf.finding.symbol.name;
    g.kind = rf.finding.symbol.kind;
    g.library = rf.finding.symbol.library;
    g.worst = worst;
    ++g.occurrences;
    for (const auto& [p, c] : rf.coverage) g.status[p] = c.status;
  }
  std::vector<SymbolGap> out;
  for (auto& [key, g] : bySymbol) out.push_back(std::move(g));
  std::stable_sort(out.begin(), out.end(), [](const SymbolGap& a, const SymbolGap& b) {
    return a.occurrences != b.occurrences ? a.occurrences > b.occurrences : a.name < b.name;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::string where(const Finding& f) {
  return f.location.file + ":" + std::to_string(f.location.line) + ":" + std::to_string(f.location.column);
}

ModelFacts modelFacts(const ModelReport& m) {
  ModelFacts out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%llu nodes, %.0f floating-point parameters at %s",
                static_cast<unsigned long long>(m.nodes), m.parameters, m.precision.c_str());
  out.headline = buf;
  for (const auto& [platform, g] : m.partitions) {
    std::snprintf(buf, sizeof buf,
                  "%s: %llu of %llu main-graph nodes on the accelerator (%.1f%%), %u accelerator and %u fallback "
                  "segments, %u transitions",
                  platform.c_str(), static_cast<unsigned long long>(g.acceleratorNodes),
                  static_cast<unsigned long long>(g.nodes), g.nodes ? 100.0 * g.acceleratorNodes / g.nodes : 0.0,
                  g.acceleratorSegments, g.fallbackSegments, g.transitions);
    std::string line = buf;
    if (g.foldedNodes) line += "; " + std::to_string(g.foldedNodes) + " more folded at conversion";
    if (g.unknownNodes) {
      std::snprintf(buf, sizeof buf, "; %.1f%% with %u fallback segments if the %llu unknown nodes run there",
                    g.nodes ? 100.0 * g.acceleratorNodesIfUnknownRun / g.nodes : 0.0, g.fallbackSegmentsIfUnknownRun,
                    static_cast<unsigned long long>(g.unknownNodes));
      line += buf;
    }
    out.partitions.push_back(line);
  }
  for (const SizingRow& r : m.sizing) {
    if (r.precision != m.precision) continue;
    std::string n = r.available ? std::to_string(r.cardsLow) : "cannot run " + r.precision;
    if (r.available && r.cardsHigh != r.cardsLow) n += "-" + std::to_string(r.cardsHigh);
    out.cards.push_back(r.name + " " + n);
  }
  return out;
}

std::string oneDecimal(double v) {
  char buf[48];
  double r = std::round(v * 10.0) / 10.0;
  if (r == std::floor(r)) std::snprintf(buf, sizeof buf, "%.0f", r);
  else std::snprintf(buf, sizeof buf, "%.1f", r);
  return buf;
}

PlanFacts planFacts(const PortingPlan& plan, const EffortModel* model) {
  PlanFacts f;
  auto tally = [&](PlanClass c) {
    auto it = plan.classes.find(c);
    return it == plan.classes.end() ? PlanTally{} : it->second;
  };
  f.headline = std::to_string(static_cast<int>(std::round(plan.automaticShare * 100))) + "% of " +
               std::to_string(plan.sites.size()) + " sites automatic; manual " +
               std::to_string(tally(PlanClass::Manual).sites) + " sites";
  if (!plan.manualBySubclass.empty()) {
    f.headline += " (";
    bool first = true;
    for (const auto& [sub, t] : plan.manualBySubclass) {
      f.headline += (first ? "" : ", ") + sub + " " + std::to_string(t.sites);
      first = false;
    }
    f.headline += ")";
  }
  f.headline += "; " + std::to_string(tally(PlanClass::Assisted).sites) + " assisted; " +
                std::to_string(tally(PlanClass::Blocked).sites) + " blocked; " +
                std::to_string(tally(PlanClass::Unknown).sites) + " unknown (not costed)";
  f.effort = "manual_lines " + oneDecimal(plan.manualLines) + " (setup " + oneDecimal(plan.setupLines) +
             " + assisted " + oneDecimal(tally(PlanClass::Assisted).estimatedLines) + " + manual " +
             oneDecimal(tally(PlanClass::Manual).estimatedLines) + "); effort " + oneDecimal(plan.effortDaysLow) +
             "-" + oneDecimal(plan.effortDaysHigh) + " engineer-days";
  const EffortProfile* profile = nullptr;
  if (model)
    for (const EffortProfile& p : model->profiles)
      if (p.id == plan.profile) profile = &p;
  auto w = [&](const char* id) {
    if (!profile) return std::string("?");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", profile->weight(id));
    return std::string(buf);
  };
  f.formula = "manual_lines = setup_lines (" + w("setup_lines") + ") + assisted_lines_per_line (" +
              w("assisted_lines_per_line") + ") x distinct assisted lines + partial_lines_per_site (" + w("partial_lines_per_site") +
              ") x constraint checks + kernel lines x " +
              w("kernel_rewrite_lines_per_kernel_line") + " (unsized kernel " + w("kernel_rewrite_lines_unsized") +
              ", launch " + w("launch_lines_per_site") + ") + library-redesign sites x " +
              w("library_redesign_lines_per_site") + " + hazard-review sites x " + w("hazard_review_lines_per_site") +
              " + compat-shim names x " + w("shim_lines_per_symbol") + " + build files x " + w("build_lines_per_file") +
              " + distinct build-setting lines x " + w("build_lines_per_site") +
              "; effort_days = manual_lines / " + oneDecimal(plan.linesPerDayHigh) + " .. manual_lines / " +
              oneDecimal(plan.linesPerDayLow) + " lines per day; blocked and unknown sites are not costed (profile " +
              plan.profile + ", " + (model ? model->file : std::string("rules/effort.yaml")) + ")";
  return f;
}

MinimumSdkFacts minimumSdkFacts(const MinimumSdk& m, size_t limit) {
  MinimumSdkFacts f;
  unsigned undated = m.ops - m.dated;
  if (m.minimum.empty()) {
    f.headline = "no op in use states a " + m.sdk + " range (" + std::to_string(m.ops) + " ops)";
    return f;
  }
  f.headline = m.sdk + " " + m.minimum + " or newer: " + std::to_string(m.newer.size()) + " of " +
               std::to_string(m.dated) + " dated ops need newer than " + (m.oldest.empty() ? "the oldest level" : m.oldest);
  if (undated) f.headline += "; " + std::to_string(undated) + " ops state no " + m.sdk + " range";
  if (!m.removed.empty()) f.headline += "; " + std::to_string(m.removed.size()) + " gone by " + m.minimum;
  auto list = [&](const std::vector<SdkNeed>& needs, const std::string& prefix, std::vector<std::string>& out) {
    for (size_t i = 0; i < needs.size() && i < limit; ++i) out.push_back(needs[i].symbol + " (" + prefix + needs[i].version + ")");
    if (needs.size() > limit) out.push_back("... and " + std::to_string(needs.size() - limit) + " more");
  };
  list(m.newer, "", f.newer);
  list(m.removed, "removed in ", f.removed);
  return f;
}

}  // namespace opscope::reports
