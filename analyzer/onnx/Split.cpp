#include "onnx/Split.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <algorithm>
#include <fstream>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "onnx/Wire.h"

namespace opscope::onnx {
namespace {

void putVarint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void putLen(std::string& out, std::uint32_t field, std::string_view payload) {
  putVarint(out, (static_cast<std::uint64_t>(field) << 3) | 2);
  putVarint(out, payload.size());
  out.append(payload);
}

void putInt(std::string& out, std::uint32_t field, std::int64_t v) {
  putVarint(out, static_cast<std::uint64_t>(field) << 3);
  putVarint(out, static_cast<std::uint64_t>(v));
}

/// A read-only mapping of a file.
class Mapping {
 public:
  explicit Mapping(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error_ = path + ": cannot open: " + std::strerror(errno);
      return;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      size_ = static_cast<std::uint64_t>(st.st_size);
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        error_ = path + ": cannot map: " + std::strerror(errno);
        size_ = 0;
      } else {
        data_ = static_cast<const char*>(p);
      }
    } else {
      error_ = path + ": empty or unreadable";
    }
    ::close(fd);
  }
  ~Mapping() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  const std::string& error() const { return error_; }
  std::string_view slice(std::uint64_t offset, std::uint64_t size) const {
    if (!data_ || offset > size_ || size > size_ - offset) return {};
    return {data_ + offset, static_cast<size_t>(size)};
  }
  Bytes bytes() const { return Bytes{reinterpret_cast<const std::uint8_t*>(data_), size_, 0}; }

 private:
  const char* data_ = nullptr;
  std::uint64_t size_ = 0;
  std::string error_;
};

/// A ValueInfoProto for a tensor the original declares nowhere: its name and, when known, its
/// element type and rank (a graph input or output needs both for the checker); the dims are
/// left unknown.
std::string synthesizedValueInfo(const std::string& name, std::int32_t elemType, std::optional<std::size_t> rank) {
  std::string tensorType, type, out;
  if (elemType) putInt(tensorType, 1, elemType);
  if (rank) {
    std::string shape;
    for (std::size_t d = 0; d < *rank; ++d) putLen(shape, 1, "");
    putLen(tensorType, 2, shape);
  }
  putLen(type, 1, tensorType);  // TypeProto.tensor_type
  putLen(out, 1, name);
  putLen(out, 2, type);
  return out;
}

/// Every name a node reads, its subgraphs' references to enclosing scopes included.
void collectReads(const ModelInfo& model, std::uint32_t node, std::vector<std::string>& out) {
  const NodeInfo& n = model.nodes[node];
  for (const std::string& in : n.inputs)
    if (!in.empty()) out.push_back(in);
  for (std::uint32_t g : n.subgraphs)
    for (std::uint32_t inner : model.graphs[g].nodes) collectReads(model, inner, out);
}

/// Ranks of undeclared values, from their producers: the ranks the model declares, the length of
/// a constant or declared 1-D shape input (Reshape, Expand, ConstantOfShape), and the operators
/// that keep their input's rank.
class Ranks {
 public:
  explicit Ranks(const ModelInfo& model) : model_(model) {
    for (const GraphInfo& g : model.graphs)
      for (const std::vector<ValueInfo>* list : {&g.inputs, &g.valueInfo, &g.outputs})
        for (const ValueInfo& v : *list)
          if (v.hasShape) shapes_[v.name] = v.shape;
    for (const TensorInfo& t : model.tensors) {
      std::string name = t.name;
      if (t.role == TensorRole::Constant && t.node && !model.nodes[*t.node].outputs.empty())
        name = model.nodes[*t.node].outputs[0];
      if (name.empty() || shapes_.count(name)) continue;
      std::vector<Dim> dims;
      for (std::int64_t d : t.dims) dims.push_back(Dim{d, {}});
      shapes_[name] = dims;
    }
    for (std::uint32_t i = 0; i < model.nodes.size(); ++i)
      for (const std::string& out : model.nodes[i].outputs) producer_.emplace(out, i);
  }

  std::optional<std::size_t> rank(const std::string& name, int depth = 0) {
    if (auto it = shapes_.find(name); it != shapes_.end()) return it->second.size();
    auto p = producer_.find(name);
    if (p == producer_.end() || depth > 64) return std::nullopt;
    const NodeInfo& n = model_.nodes[p->second];
    auto in = [&](std::size_t k) -> std::optional<std::size_t> {
      if (k >= n.inputs.size() || n.inputs[k].empty()) return std::nullopt;
      return rank(n.inputs[k], depth + 1);
    };
    auto length = [&](std::size_t k) -> std::optional<std::size_t> {
      if (k >= n.inputs.size() || n.inputs[k].empty()) return std::nullopt;
      return lengthOf(n.inputs[k], depth + 1);
    };
    const std::string& op = n.opType;
    std::optional<std::size_t> r;
    if (op == "Reshape" || op == "ConstantOfShape") {
      r = length(op == "Reshape" ? 1 : 0);
    } else if (op == "Unsqueeze" || op == "Squeeze") {
      auto a = in(0);
      auto axes = n.inputs.size() > 1 ? length(1) : std::nullopt;
      if (const NodeAttribute* at = n.attribute("axes"); at && !axes) axes = at->ints.size();
      if (a && axes) r = op == "Unsqueeze" ? *a + *axes : (*a >= *axes ? *a - *axes : 0);
    } else if (op == "Gather") {
      auto a = in(0), b = in(1);
      if (a && b && *a >= 1) r = *a - 1 + *b;
    } else if (op == "Flatten") {
      r = 2;
    } else if (op == "NonZero") {
      r = 2;
    } else if (op == "TopK" || op == "GatherElements") {
      r = in(0);
    } else if (op == "Expand") {
      auto a = in(0), b = length(1);
      if (a && b) r = std::max(*a, *b);
    } else if (op == "Shape") {
      r = 1;
    } else if (op == "Cast" || op == "Relu" || op == "Sigmoid" || op == "Tanh" || op == "Exp" || op == "Log" ||
               op == "Sqrt" || op == "Neg" || op == "Abs" || op == "Floor" || op == "Ceil" || op == "Round" ||
               op == "Clip" || op == "Softmax" || op == "Identity" || op == "Tile" || op == "Transpose" ||
               op == "Not" || op == "Erf" || op == "LeakyRelu" || op == "HardSigmoid" || op == "HardSwish" ||
               op == "Slice" || op == "Pad" || op == "Resize" || op == "ScatterElements" || op == "ScatterND" ||
               op == "Concat" || op == "Split" || op == "Reciprocal" || op == "CumSum" || op == "Trilu") {
      r = in(0);
    } else if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div" || op == "Pow" || op == "Where" ||
               op == "Equal" || op == "Less" || op == "Greater" || op == "LessOrEqual" || op == "GreaterOrEqual" ||
               op == "And" || op == "Or" || op == "Max" || op == "Min" || op == "Mod") {
      for (std::size_t k = 0; k < n.inputs.size(); ++k) {
        auto a = in(k);
        if (!a) return std::nullopt;
        r = std::max(r.value_or(0), *a);
      }
    }
    if (r) shapes_[name] = std::vector<Dim>(*r);
    return r;
  }

  /// The number of elements of a 1-D value (a shape or axes list), when it can be told.
  std::optional<std::size_t> lengthOf(const std::string& name, int depth) {
    if (auto it = shapes_.find(name); it != shapes_.end()) {
      if (it->second.size() == 1 && it->second[0].value) return static_cast<std::size_t>(*it->second[0].value);
      if (it->second.empty()) return 1;  // a scalar
    }
    auto p = producer_.find(name);
    if (p == producer_.end() || depth > 64) return std::nullopt;
    const NodeInfo& n = model_.nodes[p->second];
    const std::string& op = n.opType;
    if (op == "Shape" && !n.attribute("start") && !n.attribute("end")) return rank(n.inputs[0], depth + 1);
    if (op == "Concat") {
      std::size_t total = 0;
      for (const std::string& in : n.inputs) {
        auto l = lengthOf(in, depth + 1);
        if (!l) return std::nullopt;
        total += *l;
      }
      return total;
    }
    if (op == "Unsqueeze") {
      auto r = rank(n.inputs[0], depth + 1);
      if (r && *r == 0) return 1;
      return r && *r == 1 ? lengthOf(n.inputs[0], depth + 1) : std::nullopt;
    }
    if (op == "Cast" || op == "Identity" || op == "Abs" || op == "Neg" || op == "Floor" || op == "Ceil" ||
        op == "Add" || op == "Sub" || op == "Mul" || op == "Div" || op == "Max" || op == "Min")
      return lengthOf(n.inputs[0], depth + 1);
    return std::nullopt;
  }

 private:
  const ModelInfo& model_;
  std::unordered_map<std::string, std::vector<Dim>> shapes_;
  std::unordered_map<std::string, std::uint32_t> producer_;
};

}  // namespace

std::vector<bool> splitAssignment(const ModelInfo& model, const PlatformCoverage& coverage) {
  std::vector<bool> on;
  if (model.graphs.empty()) return on;
  const std::vector<std::uint32_t>& main = model.graphs[0].nodes;
  on.resize(main.size());
  std::unordered_map<std::string, std::vector<size_t>> consumers;
  for (size_t k = 0; k < main.size(); ++k) {
    std::vector<std::string> reads;
    collectReads(model, main[k], reads);
    for (const std::string& r : reads) consumers[r].push_back(k);
  }
  for (size_t k = 0; k < main.size(); ++k)
    if (!coverage.nodes[main[k]].folded) on[k] = placedOnAccelerator(model, coverage, main[k]);
  // Folded nodes, last consumer first: with the accelerator when any consumer is there.
  for (size_t k = main.size(); k-- > 0;) {
    if (!coverage.nodes[main[k]].folded) continue;
    bool any = false, accel = false;
    for (const std::string& out : model.nodes[main[k]].outputs)
      if (auto it = consumers.find(out); it != consumers.end())
        for (size_t c : it->second) {
          any = true;
          accel = accel || on[c];
        }
    on[k] = accel || !any;
  }
  return on;
}

SplitResult writeSplit(const ModelInfo& model, const PlatformCoverage& coverage, const std::string& prefix) {
  SplitResult result;
  if (model.graphs.empty()) {
    result.error = model.path + ": no main graph";
    return result;
  }
  Mapping file(model.path);
  if (!file.error().empty()) {
    result.error = file.error();
    return result;
  }
  const GraphInfo& g = model.graphs[0];
  const std::vector<std::uint32_t>& main = g.nodes;
  std::vector<bool> on = splitAssignment(model, coverage);

  // Where each main-graph value comes from.
  std::unordered_map<std::string, size_t> producer;
  for (size_t k = 0; k < main.size(); ++k)
    for (const std::string& out : model.nodes[main[k]].outputs)
      if (!out.empty()) producer.emplace(out, k);
  std::unordered_map<std::string, std::uint32_t> initializer;
  for (std::uint32_t t : g.initializers) initializer.emplace(model.tensors[t].name, t);
  std::unordered_map<std::string, const ValueInfo*> declared;
  for (const std::vector<ValueInfo>* list : {&g.valueInfo, &g.outputs, &g.inputs})
    for (const ValueInfo& v : *list) declared[v.name] = &v;
  std::unordered_set<std::string> graphOutputs;
  for (const ValueInfo& v : g.outputs) graphOutputs.insert(v.name);
  std::unordered_map<std::string, std::int32_t> inferredType;
  for (std::uint32_t n : main)
    for (size_t i = 0; i < model.nodes[n].outputs.size() && i < model.nodes[n].outputTypes.size(); ++i)
      inferredType[model.nodes[n].outputs[i]] = model.nodes[n].outputTypes[i];
  std::unordered_set<std::string> graphInputNames;
  for (const ValueInfo& v : g.inputs) graphInputNames.insert(v.name);
  Ranks ranks(model);

  // The top-level fields of the original ModelProto other than the graph, byte for byte.
  std::string header;
  try {
    WireReader r(file.bytes());
    while (!r.atEnd()) {
      std::uint64_t start = r.offset();
      Field f = r.next();
      if (f.number == 7) continue;
      header.append(file.slice(start, r.offset() - start));
    }
  } catch (const WireError& e) {
    result.error = model.path + ": byte " + std::to_string(e.offset) + ": " + e.message;
    return result;
  }

  auto build = [&](bool accel, SplitPart& part) -> std::string {
    std::string graph;
    putLen(graph, 2, (g.name.empty() ? std::string("main") : g.name) + (accel ? "_accelerator" : "_fallback"));
    std::set<std::uint32_t> usedInitializers;
    std::vector<std::string> inputs;
    std::unordered_set<std::string> seenInputs;
    for (size_t k = 0; k < main.size(); ++k) {
      if (on[k] != accel) continue;
      const NodeInfo& n = model.nodes[main[k]];
      putLen(graph, 1, file.slice(n.offset, n.size));
      ++part.nodes;
      std::vector<std::string> reads;
      collectReads(model, main[k], reads);
      for (const std::string& name : reads) {
        if (auto it = initializer.find(name); it != initializer.end() && !graphInputNames.count(name)) {
          usedInitializers.insert(it->second);
          continue;
        }
        auto p = producer.find(name);
        bool fromOther = p != producer.end() && on[p->second] != accel;
        bool fromOutside = p == producer.end() && graphInputNames.count(name);
        if ((fromOther || fromOutside) && seenInputs.insert(name).second) inputs.push_back(name);
      }
    }
    for (std::uint32_t t : usedInitializers) {
      putLen(graph, 5, file.slice(model.tensors[t].offset, model.tensors[t].size));
      ++part.initializers;
    }
    // A declared value info with a shape is copied; otherwise one is written from the declared or
    // inferred element type and the rank Ranks tells.
    auto valueInfo = [&](const std::string& name) {
      auto it = declared.find(name);
      std::int32_t elemType = 0;
      if (it != declared.end()) {
        const ValueInfo& v = *it->second;
        if (v.size && (v.hasShape || v.typeKind != "tensor")) return std::string(file.slice(v.offset, v.size));
        elemType = v.elemType;
      }
      if (auto t = inferredType.find(name); !elemType && t != inferredType.end()) elemType = t->second;
      std::optional<std::size_t> rank = ranks.rank(name);
      if (!rank) ++part.unshaped;
      return synthesizedValueInfo(name, elemType, rank);
    };
    for (const std::string& name : inputs) {
      putLen(graph, 11, valueInfo(name));
      part.inputs.push_back(name);
    }
    // Outputs: the original's outputs made here, then what the other part reads from here.
    std::unordered_set<std::string> seenOutputs;
    for (const ValueInfo& v : g.outputs) {
      auto p = producer.find(v.name);
      if (p != producer.end() && on[p->second] == accel && seenOutputs.insert(v.name).second) {
        putLen(graph, 12, valueInfo(v.name));
        part.outputs.push_back(v.name);
      }
    }
    for (size_t k = 0; k < main.size(); ++k) {
      if (on[k] == accel) continue;
      std::vector<std::string> reads;
      collectReads(model, main[k], reads);
      for (const std::string& name : reads) {
        auto p = producer.find(name);
        if (p != producer.end() && on[p->second] == accel && seenOutputs.insert(name).second) {
          putLen(graph, 12, valueInfo(name));
          part.outputs.push_back(name);
        }
      }
    }
    for (const ValueInfo& v : g.valueInfo) {
      auto p = producer.find(v.name);
      if (p != producer.end() && on[p->second] == accel && !seenOutputs.count(v.name) && v.size)
        putLen(graph, 13, file.slice(v.offset, v.size));
    }
    std::string modelBytes = header;
    putLen(modelBytes, 7, graph);
    return modelBytes;
  };

  result.accelerator.path = prefix + ".accelerator.onnx";
  result.fallback.path = prefix + ".fallback.onnx";
  for (auto [accel, part] : {std::pair{true, &result.accelerator}, std::pair{false, &result.fallback}}) {
    std::string bytes = build(accel, *part);
    std::ofstream out(part->path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      result.error = part->path + ": cannot write: " + std::strerror(errno);
      return result;
    }
  }
  return result;
}

}  // namespace opscope::onnx
