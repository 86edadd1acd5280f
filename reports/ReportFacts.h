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

/// What a text summary says of one ONNX model: its partition on each target, one line each
/// ("ascend: 52 of 54 main-graph nodes on the accelerator (96.3%), 2 accelerator and 2 fallback
/// segments, 4 transitions"), and the fewest cards per accelerator at the model's own precision
/// ("Huawei Ascend 910B (64 GB) 1", ranges where sources disagree).
struct ModelFacts {
  std::string headline;  // "58 nodes, 132,096 floating-point parameters at fp16"
  std::vector<std::string> partitions;
  std::vector<std::string> cards;
};
ModelFacts modelFacts(const ModelReport& m);

/// What every format says first of one platform's porting plan.
struct PlanFacts {
  /// "83% of 412 sites automatic; manual 14 sites (hazard-review 14); 3 assisted; 0 blocked;
  /// 36 unknown (not costed)"
  std::string headline;
  /// "manual_lines 118 (setup 45 + assisted 3 + manual 70); effort 1.2-4.7 engineer-days"
  std::string effort;
  /// How the numbers follow from the weights, with the weights' values.
  std::string formula;
};
PlanFacts planFacts(const PortingPlan& plan, const EffortModel* model);

/// What every format says of one platform's minimum SDK (Report::minimumSdk): the headline
/// ("torch_npu 2.9 or newer: 8 of 130 ops in use need newer than 2.1; 122 undated") and the ops
/// that need newer ("aten::_chunk_cat (2.9)", newest first, at most `limit`, "... and N more").
struct MinimumSdkFacts {
  std::string headline;
  std::vector<std::string> newer;
  std::vector<std::string> removed;  // "aten::x (removed in 2.13)"
};
MinimumSdkFacts minimumSdkFacts(const MinimumSdk& m, size_t limit = 10);

/// A number with at most one decimal ("4.7", "12").
std::string oneDecimal(double v);

/// Human-readable location "file:line:column".
std::string where(const Finding& f);

}  // namespace opscope::reports
