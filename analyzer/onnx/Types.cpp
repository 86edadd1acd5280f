#include "onnx/Types.h"

#include <string_view>
#include <unordered_map>

#include "onnx/DataTypes.h"
#include "onnx/Opset.h"

namespace opscope::onnx {
namespace {

/// The values a graph defines, with a link to the enclosing graph's scope.
struct Scope {
  std::unordered_map<std::string, std::int32_t> types;
  const Scope* parent = nullptr;

  std::int32_t find(const std::string& name) const {
    for (const Scope* s = this; s; s = s->parent)
      if (auto it = s->types.find(name); it != s->types.end()) return it->second;
    return 0;
  }
  void declare(const std::string& name, std::int32_t type) {
    if (!name.empty() && type != 0) types.emplace(name, type);  // the first declaration wins
  }
};

bool isOneOf(std::string_view op, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (op == n) return true;
  return false;
}

class Inference {
 public:
  explicit Inference(ModelInfo& model) : model_(model) {}

  /// Infers one graph's nodes; returns its outputs' element types.
  std::vector<std::int32_t> graph(std::uint32_t index, const Scope* outer) {
    Scope scope;
    scope.parent = outer;
    const GraphInfo& g = model_.graphs[index];
    // Declarations first: the exporter's word beats any rule.
    for (const ValueInfo& v : g.inputs) scope.declare(v.name, v.elemType);
    for (std::uint32_t t : g.initializers) scope.declare(model_.tensors[t].name, model_.tensors[t].dataType);
    for (const ValueInfo& v : g.valueInfo) scope.declare(v.name, v.elemType);
    for (const ValueInfo& v : g.outputs) scope.declare(v.name, v.elemType);
    for (std::uint32_t n : g.nodes) node(n, scope);
    std::vector<std::int32_t> out;
    for (const ValueInfo& v : model_.graphs[index].outputs) out.push_back(v.elemType ? v.elemType : scope.find(v.name));
    return out;
  }

 private:
  void node(std::uint32_t index, Scope& scope) {
    NodeInfo& n = model_.nodes[index];
    n.inputTypes.clear();
    for (const std::string& in : n.inputs) n.inputTypes.push_back(in.empty() ? 0 : scope.find(in));
    std::vector<std::vector<std::int32_t>> bodies;
    for (std::uint32_t sub : std::vector<std::uint32_t>(n.subgraphs)) bodies.push_back(graph(sub, &scope));
    NodeInfo& m = model_.nodes[index];  // graph() may not reallocate nodes, but stay safe
    std::vector<std::int32_t> rule = outputs(m, bodies);
    m.outputTypes.assign(m.outputs.size(), 0);
    for (size_t k = 0; k < m.outputs.size(); ++k) {
      std::int32_t declared = scope.find(m.outputs[k]);
      m.outputTypes[k] = declared ? declared : (k < rule.size() ? rule[k] : 0);
      scope.declare(m.outputs[k], m.outputTypes[k]);
    }
  }

  static std::int32_t in(const NodeInfo& n, size_t k) { return k < n.inputTypes.size() ? n.inputTypes[k] : 0; }

  static std::int32_t firstKnown(const NodeInfo& n) {
    for (std::int32_t t : n.inputTypes)
      if (t) return t;
    return 0;
  }

  /// The type rules of common operators: what each output's element type is.
  std::vector<std::int32_t> outputs(const NodeInfo& n, const std::vector<std::vector<std::int32_t>>& bodies) const {
    const size_t count = n.outputs.size();
    std::string domain = canonicalDomain(n.domain);
    const std::string& op = n.opType;
    auto all = [&](std::int32_t t) { return std::vector<std::int32_t>(count, t); };
    auto attr = [](const std::optional<std::int64_t>& a) { return a && *a > 0 ? static_cast<std::int32_t>(*a) : 0; };
    if (domain == "ai.onnx") {
      if (op == "Cast") return all(attr(n.toType));
      if (op == "CastLike") return all(in(n, 1));
      if (op == "Constant") return all(n.valueType);
      if (op == "ConstantOfShape") return all(n.valueType ? n.valueType : dtype::kFloat);
      if (isOneOf(op, {"Shape", "Size", "NonZero", "ArgMax", "ArgMin", "NonMaxSuppression"})) return all(dtype::kInt64);
      if (isOneOf(op, {"Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "Not", "And", "Or", "Xor", "IsNaN",
                       "IsInf", "OptionalHasElement", "RegexFullMatch"}))
        return all(dtype::kBool);
      if (op == "SequenceLength") return all(dtype::kInt64);
      if (op == "SequenceEmpty") return all(attr(n.dtypeAttr) ? attr(n.dtypeAttr) : dtype::kFloat);
      if (op == "MaxPool") return {in(n, 0), dtype::kInt64};
      if (isOneOf(op, {"HannWindow", "HammingWindow", "BlackmanWindow", "MelWeightMatrix"}))
        return all(attr(n.outputDtypeAttr) ? attr(n.outputDtypeAttr) : dtype::kFloat);
      if (op == "StringSplit") return {dtype::kString, dtype::kInt64};
      if (isOneOf(op, {"StringConcat", "StringNormalizer"})) return all(dtype::kString);
      if (op == "ImageDecoder") return all(dtype::kUint8);
      if (op == "TfIdfVectorizer") return all(dtype::kFloat);
      if (op == "TopK") return {in(n, 0), dtype::kInt64};
      if (op == "Unique") return {in(n, 0), dtype::kInt64, dtype::kInt64, dtype::kInt64};
      if (op == "QuantizeLinear")
        return all(attr(n.outputDtypeAttr) ? attr(n.outputDtypeAttr) : in(n, 2) ? in(n, 2) : dtype::kUint8);
      if (op == "DequantizeLinear")
        return all(attr(n.outputDtypeAttr) ? attr(n.outputDtypeAttr) : in(n, 1) ? in(n, 1) : dtype::kFloat);
      if (op == "DynamicQuantizeLinear") return {dtype::kUint8, dtype::kFloat, dtype::kUint8};
      if (isOneOf(op, {"MatMulInteger", "ConvInteger"})) return all(dtype::kInt32);
      if (isOneOf(op, {"QLinearMatMul", "QLinearConv"})) return all(in(n, 7));
      if (isOneOf(op, {"EyeLike", "RandomNormalLike", "RandomUniformLike", "Bernoulli"}))
        return all(attr(n.dtypeAttr) ? attr(n.dtypeAttr) : in(n, 0));
      if (isOneOf(op, {"RandomNormal", "RandomUniform"}))
        return all(attr(n.dtypeAttr) ? attr(n.dtypeAttr) : dtype::kFloat);
      if (op == "Multinomial") return all(attr(n.dtypeAttr) ? attr(n.dtypeAttr) : dtype::kInt32);
      if (op == "Where") return all(in(n, 1));
      if (op == "OneHot") return all(in(n, 2));
      if (isOneOf(op, {"LayerNormalization", "RMSNormalization"})) {
        std::vector<std::int32_t> out = all(dtype::kFloat);
        if (count) out[0] = in(n, 0);
        return out;
      }
      if (op == "If" && !bodies.empty()) return bodies.front();
      if (op == "Loop" && !bodies.empty()) {
        // Body outputs: condition, then the loop-carried values and scan outputs.
        const auto& b = bodies.front();
        return b.size() > 1 ? std::vector<std::int32_t>(b.begin() + 1, b.end()) : std::vector<std::int32_t>{};
      }
      if (op == "Scan" && !bodies.empty()) return bodies.front();
      if (isOneOf(op, {"Split", "SplitToSequence", "Identity", "Dropout"})) {
        std::vector<std::int32_t> out = all(in(n, 0));
        if (op == "Dropout" && count > 1) out[1] = dtype::kBool;
        return out;
      }
      return all(firstKnown(n));
    }
    if (domain == "com.microsoft") return all(firstKnown(n));
    return {};
  }

  ModelInfo& model_;
};

}  // namespace

void inferTypes(ModelInfo& model) {
  Inference inference(model);
  for (std::uint32_t g = 0; g < model.graphs.size(); ++g) {
    // Roots only; subgraphs are inferred through the nodes that hold them.
    if (model.graphs[g].kind == GraphKind::Subgraph) continue;
    inference.graph(g, nullptr);
  }
}

}  // namespace opscope::onnx
