// What a model converter knows before it runs anything: which tensors are constant at
// conversion time (initializers, Constant outputs, and the outputs of nodes whose inputs are all
// constant, which every converter folds: CANN ATC's graph engine, MIGraphX's propagate_constant
// pass, ONNX Runtime's constant-folding optimizer ahead of its CANN and MIGraphX EPs), and the
// ranks the model declares. Shape and Size fold when their input's shape is fully static.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "onnx/ModelInfo.h"

namespace opscope::onnx {

/// Constant-ness and declared ranks of a model's tensors, and the nodes a converter folds.
struct ConstantFacts {
  std::unordered_set<std::string> constants;           // tensors known at conversion time
  std::unordered_map<std::string, std::size_t> ranks;  // tensors whose rank is declared
  std::unordered_map<std::string, bool> staticShape;   // declared shape with every dim a number
  std::vector<bool> folded;                            // per node: computed at conversion time
  std::uint64_t foldedNodes = 0;

  bool isConstant(const std::string& tensor) const { return constants.count(tensor) > 0; }
  std::optional<std::size_t> rank(const std::string& tensor) const;
};

/// Operators whose output differs run to run: never folded even with constant inputs.
bool isNondeterministic(std::string_view domain, std::string_view opType);

/// How the converter is run.
struct FoldOptions {
  /// The converters compile for concrete input shapes: ATC takes them from --input_shape,
  /// MIGraphX fixes symbolic dims before parsing (default_dim_value, map_input_dims), and ONNX
  /// Runtime's CANN and MIGraphX EPs compile for the shapes of the inputs they are given. So a
  /// symbolic dim of a main-graph input is a fixed number at conversion, and shapes derived
  /// from the inputs' shapes fold. False keeps symbolic dims dynamic (dynamic-shape conversion).
  bool fixedInputShapes = true;
};

/// Folds constants through every graph of `model` (subgraph bodies see their parents' constants;
/// nodes that hold subgraphs are never folded). Graph inputs are never constant, even when an
/// initializer of the same name gives them a default.
ConstantFacts foldConstants(const ModelInfo& model, const FoldOptions& options = {});

}  // namespace opscope::onnx
