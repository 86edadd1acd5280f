// Facts several renderers derive from the report model, computed one way for all of them.
#pragma once

#include <string>
#include <vector>

#include "core/Model.h"

namespace opscope::reports {

/// The least covered status of a finding over the report's targets (Unknown when it has none).
CoverageStatus worstStatus(const ReportFinding& rf);

/// A symbol with occurrences and its answer on each target, for "top gaps" lists.
struct SymbolGap {
  std::string name;
  SymbolKind kind = SymbolKind::Function;
  std::string library;
  unsigned occurrences = 0;
  CoverageStatus worst = CoverageStatus::Native;
  std::map<PlatformId, CoverageStatus> status;
};

/// Symbols that are missing or unknown on at least one target, most frequent first (then by
/// name), at most `limit` of them; suppressed findings are left out.
std::vector<SymbolGap> topGaps(const Report& report, size_t limit);

/// Human-readable location "file:line:column".
std::string where(const Finding& f);

}  // namespace opscope::reports
