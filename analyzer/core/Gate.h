// The CI gate: conditions evaluated on the report model only, so `opscope scan` and
// `opscope report results.json` gate the same way. A baseline lists known gaps; only gaps
// beyond it count.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/Model.h"

namespace opscope {

/// What makes the gate fail; everything off by default.
struct GatePolicy {
  std::vector<std::pair<PlatformId, double>> failUnder;  // coverage percent floors
  bool failOnMissing = false;
  bool failOnUnknown = false;
  bool failOnAnyHazard = false;
  std::vector<std::string> failOnHazards;  // hazard ids

  bool empty() const {
    return failUnder.empty() && !failOnMissing && !failOnUnknown && !failOnAnyHazard && failOnHazards.empty();
  }
};

/// One gap: a symbol a platform lacks (missing) or that no source covers (unknown), or a
/// hazard (platform "*"), in one file. Lines are left out so that edits elsewhere in a file do
/// not turn known gaps into new ones.
struct Gap {
  std::string file, symbol;
  SymbolKind kind = SymbolKind::Function;
  PlatformId platform;
  std::string status;  // "missing", "unknown" or "hazard"

  friend auto operator<=>(const Gap&, const Gap&) = default;
};

/// Known gaps with their number of occurrences.
using Baseline = std::map<Gap, unsigned>;

/// Every gap of the report's unsuppressed findings, with occurrence counts.
Baseline collectGaps(const Report& report);

/// Evaluates `policy` on `report`; with a baseline, only gaps beyond it count. The conditions
/// come in policy order: floors, then missing, unknown, hazards.
std::vector<GateCondition> evaluateGate(const Report& report, const GatePolicy& policy, const Baseline* baseline);

}  // namespace opscope
