#include "onnx/Folding.h"

#include <algorithm>

#include "onnx/Opset.h"

namespace opscope::onnx {

std::optional<std::size_t> ConstantFacts::rank(const std::string& tensor) const {
  auto it = ranks.find(tensor);
  if (it == ranks.end()) return std::nullopt;
  return it->second;
}

bool isNondeterministic(std::string_view domain, std::string_view opType) {
  if (canonicalDomain(domain) != "ai.onnx") return true;  // other domains: unknown semantics
  static const char* const kOps[] = {"RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike",
                                     "Multinomial", "Bernoulli"};
  return std::any_of(std::begin(kOps), std::end(kOps), [&](const char* op) { return opType == op; });
}

namespace {

void declare(ConstantFacts& facts, const ValueInfo& v, bool fixedDims = false) {
  if (v.name.empty() || !v.hasShape) return;
  facts.ranks[v.name] = v.shape.size();
  bool fixed = fixedDims || std::all_of(v.shape.begin(), v.shape.end(), [](const Dim& d) { return d.value.has_value(); });
  facts.staticShape[v.name] = fixed;
}

/// Operators whose output shape depends on input values beyond those listed in shapeInputs.
bool dataDependentShape(std::string_view op) {
  static const char* const kOps[] = {"NonZero", "NonMaxSuppression", "Unique", "Compress", "If", "Loop", "Scan",
                                     "StringSplit", "RegexFullMatch"};
  return std::any_of(std::begin(kOps), std::end(kOps), [&](const char* o) { return op == o; });
}

/// The inputs whose values decide an operator's output shape (ONNX operator signatures).
std::vector<std::size_t> shapeInputs(std::string_view op) {
  if (op == "ConstantOfShape") return {0};
  if (op == "Range") return {0, 1, 2};
  if (op == "Slice") return {1, 2, 3, 4};
  if (op == "Pad") return {1, 3};
  if (op == "MaxUnpool") return {2};
  if (op == "Col2Im") return {1, 2};
  if (op == "DFT") return {1};
  if (op == "Resize") return {1, 2, 3};
  if (op == "Reshape" || op == "Expand" || op == "Tile" || op == "Upsample" || op == "OneHot" ||
      op == "TopK" || op == "Split" || op == "Squeeze" || op == "Unsqueeze" || op == "CenterCropPad" ||
      op.substr(0, 6) == "Reduce")
    return {1};
  return {};
}

}  // namespace

ConstantFacts foldConstants(const ModelInfo& model, const FoldOptions& options) {
  ConstantFacts facts;
  facts.folded.assign(model.nodes.size(), false);
  std::unordered_set<std::string> graphInputs;
  for (const GraphInfo& g : model.graphs) {
    for (const ValueInfo& v : g.valueInfo) declare(facts, v);
    for (const ValueInfo& v : g.outputs) declare(facts, v);
  }
  for (const GraphInfo& g : model.graphs)
    for (const ValueInfo& v : g.inputs) {
      graphInputs.insert(v.name);
      declare(facts, v, options.fixedInputShapes && g.kind == GraphKind::Main);
    }
  for (const TensorInfo& t : model.tensors) {
    if (t.name.empty()) continue;
    if (t.role == TensorRole::Initializer || t.role == TensorRole::SparseInitializer) {
      facts.ranks.emplace(t.name, t.dims.size());
      facts.staticShape.emplace(t.name, true);
      if (!graphInputs.count(t.name)) facts.constants.insert(t.name);
    }
  }
  // Nodes are in file order: a graph's nodes are topologically sorted, and a subgraph's nodes
  // come after every node of its parents that precedes the node holding it.
  for (std::uint32_t i = 0; i < model.nodes.size(); ++i) {
    const NodeInfo& n = model.nodes[i];
    const GraphInfo& g = model.graphs[n.graph];
    if (g.function) continue;  // a function body's inputs are its caller's
    // Static shapes flow where no value decides a shape at run time (a model exported with fixed
    // input shapes, undeclared intermediate shapes): converters infer them, and Shape folds.
    if (canonicalDomain(n.domain) == "ai.onnx" && n.subgraphs.empty() && !dataDependentShape(n.opType)) {
      bool fixed = true;
      for (const std::string& in : n.inputs) {
        if (in.empty()) continue;
        auto it = facts.staticShape.find(in);
        fixed = fixed && (facts.isConstant(in) || (it != facts.staticShape.end() && it->second));
      }
      for (std::size_t k : shapeInputs(n.opType))
        fixed = fixed && (k >= n.inputs.size() || n.inputs[k].empty() || facts.isConstant(n.inputs[k]));
      // A declared symbolic dim may only mean that ONNX shape inference did not propagate the
      // constants this pass folds (a Reshape to a computed shape): the static flow wins.
      if (fixed)
        for (const std::string& out : n.outputs)
          if (!out.empty()) facts.staticShape[out] = true;
    }
    if (!n.subgraphs.empty() || isNondeterministic(n.domain, n.opType)) continue;
    bool fold = false;
    if (n.opType == "Constant") {
      fold = true;
    } else if ((n.opType == "Shape" || n.opType == "Size") && !n.inputs.empty()) {
      auto it = facts.staticShape.find(n.inputs[0]);
      fold = facts.isConstant(n.inputs[0]) || (it != facts.staticShape.end() && it->second);
    } else {
      bool any = false, all = true;
      for (const std::string& in : n.inputs) {
        if (in.empty()) continue;
        any = true;
        all = all && facts.isConstant(in);
      }
      fold = any && all;
    }
    if (!fold) continue;
    facts.folded[i] = true;
    ++facts.foldedNodes;
    for (const std::string& out : n.outputs)
      if (!out.empty()) facts.constants.insert(out);
  }
  return facts;
}

}  // namespace opscope::onnx
