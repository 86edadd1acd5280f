#include "onnx/Split.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
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
/// element type (a graph input or output needs a type for the checker).
std::string synthesizedValueInfo(const std::string& name, std::int32_t elemType) {
  std::string tensorType, type, out;
  if (elemType) putInt(tensorType, 1, elemType);
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
    auto valueInfo = [&](const std::string& name) {
      if (auto it = declared.find(name); it != declared.end() && it->second->size)
        return std::string(file.slice(it->second->offset, it->second->size));
      auto t = inferredType.find(name);
      return synthesizedValueInfo(name, t == inferredType.end() ? 0 : t->second);
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
