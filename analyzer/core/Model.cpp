#include "core/Model.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace opscope {

std::string_view toString(InputStatus s) {
  switch (s) {
    case InputStatus::Semantic: return "semantic";
    case InputStatus::Lexical: return "lexical";
    case InputStatus::Graph: return "graph";
    case InputStatus::Error: return "error";
    case InputStatus::Timeout: return "timeout";
    case InputStatus::Crashed: return "crashed";
  }
  return "?";
}

std::optional<InputStatus> parseInputStatus(std::string_view s) {
  for (InputStatus st : {InputStatus::Semantic, InputStatus::Lexical, InputStatus::Graph, InputStatus::Error,
                         InputStatus::Timeout, InputStatus::Crashed})
    if (toString(st) == s) return st;
  return std::nullopt;
}

std::string_view toString(LexicalReason r) {
  switch (r) {
    case LexicalReason::None: return "";
    case LexicalReason::MissingHeader: return "missing-header";
    case LexicalReason::ShimGap: return "shim-gap";
    case LexicalReason::CodeError: return "code-error";
    case LexicalReason::Timeout: return "timeout";
  }
  return "?";
}

std::optional<LexicalReason> parseLexicalReason(std::string_view s) {
  for (LexicalReason r : {LexicalReason::None, LexicalReason::MissingHeader, LexicalReason::ShimGap,
                          LexicalReason::CodeError, LexicalReason::Timeout})
    if (toString(r) == s) return r;
  return std::nullopt;
}

std::vector<std::string> lexicalReasonSummary(const std::vector<InputFile>& inputs) {
  std::map<std::string, unsigned> groups;
  for (const InputFile& in : inputs) {
    std::string what;
    if (in.status == InputStatus::Crashed) {
      ++groups["the parse crashed"];
      continue;
    }
    bool lexical = in.status == InputStatus::Lexical || in.status == InputStatus::Timeout;
    if (!lexical || in.lexicalReason == LexicalReason::None) continue;
    switch (in.lexicalReason) {
      case LexicalReason::MissingHeader:
        what = (in.missingHeader.empty() ? std::string("a header") : in.missingHeader) + " missing";
        if (!in.package.empty()) what += " (apt install " + in.package + ")";
        break;
      case LexicalReason::ShimGap: what = "a gap in opscope's CUDA shims"; break;
      case LexicalReason::CodeError: what = "errors in the code as Clang reads it"; break;
      case LexicalReason::Timeout: what = "the parse ran out of time"; break;
      case LexicalReason::None: break;
    }
    ++groups[what];
  }
  std::vector<std::pair<std::string, unsigned>> sorted(groups.begin(), groups.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> lines;
  for (const auto& [what, n] : sorted)
    lines.push_back(std::to_string(n) + (n == 1 ? " unit: " : " units: ") + what);
  return lines;
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
  if (effort) computePlans(*this, *effort);
  else plans.clear();
}

}  // namespace opscope
