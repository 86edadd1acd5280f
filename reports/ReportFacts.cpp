#include "reports/ReportFacts.h"

#include <algorithm>
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

}  // namespace opscope::reports
