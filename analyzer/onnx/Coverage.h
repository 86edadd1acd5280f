// Per-platform operator coverage of a model: each node's status after the opdb entry's opset
// and dtype constraints, unsupported nodes grouped by operator, and an estimate of how the graph
// would partition between the accelerator and a fallback. The opdb answers arrive through
// OperatorCoverage, which the CLI implements over analyzer/db.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"
#include "onnx/Folding.h"
#include "onnx/ModelInfo.h"
#include "onnx/Opset.h"

namespace opscope::onnx {

/// One platform's answer for one operator, with the constraints under which it holds.
struct OperatorAnswer {
  Coverage coverage;
  std::optional<int> opsetMin, opsetMax;  // the model opsets the answer holds for
  std::vector<std::string> dtypes;        // the element types it holds for; empty: any
  std::vector<std::string> nodeRules;     // per-node limitations, "CHECK | REASON" (onnx/NodeRules.h)
};

/// Where coverage answers come from.
class OperatorCoverage {
 public:
  virtual ~OperatorCoverage() = default;
  /// The answer of `platform` for operator `opType` of `domain` (canonical), or nullopt when no
  /// entry says anything (the answer is then plain `unknown`).
  virtual std::optional<OperatorAnswer> find(std::string_view platform, std::string_view domain,
                                             std::string_view opType) const = 0;
};

/// The opdb symbol of an ONNX operator: "onnx::Add" for the default domain,
/// "<domain>::<op>" for the others ("ai.onnx.ml::LabelEncoder", "com.microsoft::Attention").
std::string operatorSymbol(std::string_view domain, std::string_view opType);

/// The element type that decides a node's dtype constraints: its first floating-point input's,
/// else its first typed input's, else its first output's; 0 when unknown.
std::int32_t nodeDataType(const NodeInfo& node);

/// One node's verdict on one platform.
struct NodeCoverage {
  CoverageStatus status = CoverageStatus::Unknown;
  std::string reason;  // why the status differs from the entry's, or what decided it
  Coverage answer;     // the entry's answer as the opdb gives it (plain unknown when none)
  /// Computed at conversion time (every input constant): the converter folds it away, so it is
  /// in no partition segment and no node rule applies.
  bool folded = false;
  /// This node hits a documented limitation (opset, node rule): it falls back in the estimate.
  bool constrained = false;
};

/// Unsupported nodes of one operator that share a status and a reason.
struct OperatorGroup {
  std::string key;  // "ai.onnx:Attention"
  CoverageStatus status = CoverageStatus::Unknown;
  std::string reason;
  std::uint64_t count = 0;
  std::vector<std::string> paths;  // the first kMaxPaths node paths
  static constexpr size_t kMaxPaths = 5;
};

/// How the main graph would split between the accelerator and a fallback device, estimated the
/// way ONNX Runtime's usability checker does, after constant folding: folded nodes are in no
/// segment; covered nodes that hit no documented limitation, joined by data edges, form one
/// accelerator segment; a control-flow node is on the accelerator only if all of its bodies are.
/// Unknown operators (no source speaks) are a band of their own: the figures without a suffix
/// assume they fall back, the `IfUnknownRun` ones that they run on the accelerator.
struct PartitionEstimate {
  std::uint64_t nodes = 0;  // main-graph nodes left after constant folding
  std::uint64_t foldedNodes = 0;   // main-graph nodes folded at conversion time
  std::uint64_t unknownNodes = 0;  // of `nodes`, those whose placement no source decides
  std::uint64_t acceleratorNodes = 0;
  unsigned acceleratorSegments = 0;
  unsigned fallbackSegments = 0;
  unsigned transitions = 0;     // data edges that cross between the two
  double acceleratorShare = 0;  // acceleratorNodes / nodes, 0..1
  // The same if unknown operators run on the accelerator (the optimistic end of the range).
  std::uint64_t acceleratorNodesIfUnknownRun = 0;
  unsigned acceleratorSegmentsIfUnknownRun = 0, fallbackSegmentsIfUnknownRun = 0, transitionsIfUnknownRun = 0;
  double acceleratorShareIfUnknownRun = 0;
};

/// The estimate in the report model's terms (core/Model.h).
GraphPartition toGraphPartition(const PartitionEstimate& e);

/// Everything about one platform.
struct PlatformCoverage {
  PlatformId platform;
  std::vector<NodeCoverage> nodes;                        // index-aligned with ModelInfo::nodes
  std::map<CoverageStatus, std::uint64_t> nodesByStatus;  // function-call nodes excluded
  std::vector<OperatorGroup> unsupported;                 // sorted by count, then key
  PartitionEstimate partition;
};

/// Evaluates every node of `model` on `platform`, folding constants first.
PlatformCoverage evaluateCoverage(const ModelInfo& model, const std::vector<ResolvedOp>& ops,
                                  const OperatorCoverage& source, const PlatformId& platform);
/// The same with the model's constants already folded (foldConstants), for several platforms.
PlatformCoverage evaluateCoverage(const ModelInfo& model, const std::vector<ResolvedOp>& ops,
                                  const OperatorCoverage& source, const PlatformId& platform,
                                  const ConstantFacts& facts);

/// Whether `node` (an index into ModelInfo::nodes) runs on the accelerator in the estimate
/// (unknown operators counted as falling back unless `unknownRun`); folded nodes do not run.
bool placedOnAccelerator(const ModelInfo& model, const PlatformCoverage& coverage, std::uint32_t node,
                         bool unknownRun = false);

}  // namespace opscope::onnx
