// The model summary: node counts, the op histogram (subgraphs and functions included),
// parameters and bytes per dtype, subgraphs and external files.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "onnx/ModelInfo.h"

namespace opscope::onnx {

/// Parameters of one element type.
struct DtypeTotals {
  std::uint64_t tensors = 0;
  std::uint64_t elements = 0;
  std::uint64_t bytes = 0;
};

/// One subgraph or function body, for the summary's list.
struct GraphSummary {
  std::string path;
  GraphKind kind = GraphKind::Subgraph;
  unsigned depth = 0;
  std::uint64_t nodes = 0;  // its own nodes, not those of its nested subgraphs
};

struct ModelSummary {
  std::uint64_t nodes = 0;          // every node walked: main graph, subgraphs, functions, training
  std::uint64_t mainNodes = 0;      // the main graph's own nodes
  std::uint64_t subgraphNodes = 0;  // nodes in If/Loop/Scan (or other) bodies at any depth
  std::uint64_t functionNodes = 0;  // nodes in local function bodies (and their subgraphs)
  std::uint64_t trainingNodes = 0;  // nodes in training-info graphs
  /// "domain:op_type" → count, over every node walked. The default domain is "ai.onnx".
  std::map<std::string, std::uint64_t> opHistogram;
  /// Parameters by ONNX dtype name: initializers, sparse initializers and Constant values.
  std::map<std::string, DtypeTotals> parameters;
  std::uint64_t parameterCount = 0;
  std::uint64_t parameterBytes = 0;
  std::uint64_t embeddedBytes = 0;   // weight payload bytes inside the model file
  std::uint64_t externalBytes = 0;   // weight bytes in external files
  unsigned maxDepth = 0;             // deepest subgraph nesting
  std::vector<GraphSummary> graphs;  // every graph but the main one
};

ModelSummary summarize(const ModelInfo& model);

/// True for tensors that count as parameters (initializers, sparse initializers, Constants).
bool isParameter(const TensorInfo& t);

}  // namespace opscope::onnx
