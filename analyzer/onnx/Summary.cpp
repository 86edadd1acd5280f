#include "onnx/Summary.h"

#include <limits>

#include "onnx/DataTypes.h"
#include "onnx/Opset.h"

namespace opscope::onnx {
namespace {

std::uint64_t add(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

}  // namespace

bool isParameter(const TensorInfo& t) {
  return t.role == TensorRole::Initializer || t.role == TensorRole::SparseInitializer || t.role == TensorRole::Constant;
}

ModelSummary summarize(const ModelInfo& model) {
  ModelSummary s;
  for (const NodeInfo& n : model.nodes) {
    ++s.nodes;
    ++s.opHistogram[histogramKey(n.domain, n.opType)];
    const GraphInfo& g = model.graphs[n.graph];
    if (g.function)
      ++s.functionNodes;
    else if (g.kind == GraphKind::Main)
      ++s.mainNodes;
    else if (g.kind == GraphKind::Training)
      ++s.trainingNodes;
    else {
      // A subgraph of a training graph still counts as a subgraph.
      ++s.subgraphNodes;
    }
  }
  for (size_t i = 1; i < model.graphs.size(); ++i) {
    const GraphInfo& g = model.graphs[i];
    s.graphs.push_back(GraphSummary{g.path, g.kind, g.depth, g.nodes.size()});
    if (g.depth > s.maxDepth) s.maxDepth = g.depth;
  }
  for (const TensorInfo& t : model.tensors) {
    if (!isParameter(t)) continue;
    DtypeTotals& d = s.parameters[dataTypeName(t.dataType)];
    ++d.tensors;
    d.elements = add(d.elements, t.elements);
    d.bytes = add(d.bytes, t.bytes);
    s.parameterCount = add(s.parameterCount, t.elements);
    s.parameterBytes = add(s.parameterBytes, t.bytes);
    if (t.storage == TensorStorage::External)
      s.externalBytes = add(s.externalBytes, t.externalLength.value_or(t.bytes));
    else
      s.embeddedBytes = add(s.embeddedBytes, t.payloadBytes);
  }
  return s;
}

}  // namespace opscope::onnx
