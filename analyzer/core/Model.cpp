#include "core/Model.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace opscope {

std::string_view toString(InputStatus s) {
  switch (s) {
    case InputStatus::Semantic: return "semantic";
    case InputStatus::Lexical: return "lexical";
    case InputStatus::Graph: return "graph";
    case InputStatus::Error: return "error";
  }
  return "?";
}

std::optional<InputStatus> parseInputStatus(std::string_view s) {
  for (InputStatus st : {InputStatus::Semantic, InputStatus::Lexical, InputStatus::Graph, InputStatus::Error})
    if (toString(st) == s) return st;
  return std::nullopt;
}

PlatformSummary summarize(const std::vector<ReportFinding>& findings, const PlatformId& platform,
                          const std::vector<KernelReport>& kernels) {
  PlatformSummary summary;
  summary.platform = platform;
  for (CoverageStatus s : kAllStatuses) {
    summary.symbolsByStatus[s] = 0;
    summary.findingsByStatus[s] = 0;
  }
  std::set<std::pair<std::string, SymbolKind>> seen;
  unsigned covered = 0;
  for (const ReportFinding& rf : findings) {
    if (isInventoryKind(rf.finding.symbol.kind) || !rf.deviceCode.empty()) continue;
    auto it = rf.coverage.find(platform);
    CoverageStatus status = it == rf.coverage.end() ? CoverageStatus::Unknown : it->second.status;
    ++summary.findingsByStatus[status];
    if (!seen.emplace(rf.finding.symbol.name, rf.finding.symbol.kind).second) continue;
    ++summary.symbolsByStatus[status];
    ++summary.symbols;
    if (isCovered(status)) ++covered;
  }
  for (const KernelReport& k : kernels) {
    auto it = k.verdicts.find(platform);
    if (it == k.verdicts.end()) continue;
    ++summary.findingsByStatus[it->second.status];
    // Kernels of one name in several files are one symbol, as other symbols are.
    if (!seen.emplace(k.name, SymbolKind::Kernel).second) continue;
    ++summary.symbolsByStatus[it->second.status];
    ++summary.symbols;
    if (isCovered(it->second.status)) ++covered;
  }
  summary.coveragePercent = summary.symbols == 0 ? 100.0 : 100.0 * covered / summary.symbols;
  return summary;
}

void Report::finalize() {
  std::sort(inputs.begin(), inputs.end(),
            [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  std::sort(findings.begin(), findings.end(), [](const ReportFinding& a, const ReportFinding& b) {
    const Finding& x = a.finding;
    const Finding& y = b.finding;
    return std::tie(x.location.file, x.location.line, x.location.column, x.symbol, x.evidence,
                    x.location.endLine, x.location.endColumn, x.context) <
           std::tie(y.location.file, y.location.line, y.location.column, y.symbol, y.evidence,
                    y.location.endLine, y.location.endColumn, y.context);
  });
  std::sort(suggestions.begin(), suggestions.end(), [](const Suggestion& a, const Suggestion& b) {
    return std::tie(a.platform, a.file, a.offset, a.length) <
           std::tie(b.platform, b.file, b.offset, b.length);
  });
  std::sort(models.begin(), models.end(), [](const ModelReport& a, const ModelReport& b) { return a.file < b.file; });
  std::sort(kernels.begin(), kernels.end(), [](const KernelReport& a, const KernelReport& b) {
    return std::tie(a.location.file, a.location.line, a.location.column, a.name) <
           std::tie(b.location.file, b.location.line, b.location.column, b.name);
  });
  summaries.clear();
  for (const Platform& p : targets) summaries[p.id] = summarize(findings, p.id, kernels);
}

}  // namespace opscope
