// `opscope onnx --split`: the accelerator and fallback parts of a partition estimate written as
// two ONNX models (as Polygraphy does for TensorRT), so that each part can be converted on its
// own. Nodes, initializers and declared value infos are copied byte for byte from the original
// file; the tensors that cross between the parts become graph inputs and outputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "onnx/Coverage.h"
#include "onnx/ModelInfo.h"

namespace opscope::onnx {

/// One written part.
struct SplitPart {
  std::string path;
  std::uint64_t nodes = 0;  // main-graph nodes
  std::uint64_t initializers = 0;
  std::vector<std::string> inputs, outputs;  // graph inputs and outputs (names)
  /// Inputs and outputs whose rank neither the model nor the producer tells: written without a
  /// shape, which onnx.checker refuses (run ONNX shape inference on the model first).
  std::uint64_t unshaped = 0;
};

/// What --split wrote, or why it could not.
struct SplitResult {
  SplitPart accelerator, fallback;
  std::string error;  // empty on success
};

/// Which part each main-graph node goes to: true for the accelerator. A node folded at
/// conversion goes with its consumers (the accelerator when any consumer is there, or when it has
/// none); the other nodes follow placedOnAccelerator (unknown operators fall back).
std::vector<bool> splitAssignment(const ModelInfo& model, const PlatformCoverage& coverage);

/// Writes `<prefix>.accelerator.onnx` and `<prefix>.fallback.onnx` from the model file at
/// `model.path`. External-data locations are kept as written, so write the parts beside the
/// original (or copy its data files) for them to load.
SplitResult writeSplit(const ModelInfo& model, const PlatformCoverage& coverage, const std::string& prefix);

}  // namespace opscope::onnx
