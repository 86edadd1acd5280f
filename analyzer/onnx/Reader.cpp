// Field numbers are those of onnx.proto (IR version 13). Unknown fields are skipped, as protobuf
// does; a known field with the wrong wire type is an error.
#include "onnx/Reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>
#include <limits>
#include <map>

#include "onnx/DataTypes.h"
#include "onnx/FileKind.h"

namespace opscope::onnx {
namespace {

constexpr std::uint64_t kMaxU64 = std::numeric_limits<std::uint64_t>::max();
constexpr unsigned kMaxRank = 1024;
/// The newest IR version whose fields this reader knows (onnx.proto of ONNX 1.20 to 1.23).
constexpr std::int64_t kNewestIrVersion = 13;

std::string quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s.substr(0, 80)) out += (static_cast<unsigned char>(c) < 0x20 ? '?' : c);
  if (s.size() > 80) out += "...";
  return out + "'";
}

/// One level of "where the reader is", formatted only when an error needs it.
struct Frame {
  const char* what;  // "graph", "node", "attribute", "initializer", "function", ...
  std::string name;
  std::int64_t index = -1;
  std::string extra;  // op_type of a node
};

class Parser {
 public:
  Parser(ModelInfo& model, const ReadOptions& options) : model_(model), options_(options) {}

  void parseModel(Bytes bytes);
  std::string context() const;

 private:
  // Message parsers. Each takes the message's bytes; `depth` counts nested messages.
  void parseGraph(Bytes bytes, std::uint32_t graph, unsigned depth);
  void parseNode(Bytes bytes, std::uint32_t graph, std::int64_t indexInGraph, unsigned depth);
  void parseAttribute(Bytes bytes, std::uint32_t node, unsigned depth);
  std::uint32_t parseTensor(Bytes bytes, TensorRole role, std::uint32_t graph, std::optional<std::uint32_t> node,
                            unsigned depth);
  std::uint32_t parseSparseTensor(Bytes bytes, TensorRole role, std::uint32_t graph, std::optional<std::uint32_t> node,
                                  unsigned depth);
  void parseTensorFields(Bytes bytes, TensorInfo& t, unsigned depth);
  ValueInfo parseValueInfo(Bytes bytes, unsigned depth);
  void parseType(Bytes bytes, ValueInfo& v, unsigned depth, bool outermost);
  void parseShape(Bytes bytes, ValueInfo& v, unsigned depth);
  OpsetImport parseOpset(Bytes bytes, unsigned depth);
  std::pair<std::string, std::string> parseStringPair(Bytes bytes, unsigned depth);
  void parseFunction(Bytes bytes, unsigned depth);
  void parseTrainingInfo(Bytes bytes, std::int64_t index, unsigned depth);
  std::uint32_t newGraph(GraphKind kind, std::string path, std::optional<std::uint32_t> parent,
                         std::optional<std::uint32_t> owner, std::string attribute, std::uint64_t offset);

  void enter(unsigned depth, std::uint64_t offset) const {
    if (depth > options_.maxMessageDepth)
      throw WireError{offset, "messages nested deeper than " + std::to_string(options_.maxMessageDepth) +
                                  " levels (corrupted or hostile file)"};
  }
  static void expect(const Field& f, WireType type, const char* message, const char* field) {
    if (f.type != type)
      throw WireError{f.offset, std::string(message) + "." + field + " (field " + std::to_string(f.number) +
                                    ") has wire type " + std::string(toString(f.type)) + ", expected " +
                                    std::string(toString(type)),
                      true};
  }
  static std::int64_t asInt(const Field& f, const char* message, const char* field) {
    expect(f, WireType::Varint, message, field);
    return static_cast<std::int64_t>(f.value);
  }
  static std::string asString(const Field& f, const char* message, const char* field) {
    expect(f, WireType::Len, message, field);
    return std::string(f.bytes.view());
  }

  /// Pushes a frame for the duration of a scope. When an error unwinds through it, the
  /// innermost guard records the full context before the frames go.
  struct FrameGuard {
    Parser& p;
    int exceptions;
    FrameGuard(Parser& parser, Frame frame) : p(parser), exceptions(std::uncaught_exceptions()) {
      p.frames_.push_back(std::move(frame));
    }
    ~FrameGuard() {
      if (std::uncaught_exceptions() > exceptions && !p.contextCaptured_) {
        p.captured_ = p.context();
        p.contextCaptured_ = true;
      }
      p.frames_.pop_back();
    }
  };

  ModelInfo& model_;
  const ReadOptions& options_;
  std::vector<Frame> frames_;
  std::string captured_;
  bool contextCaptured_ = false;
  bool sawIrVersion_ = false;

 public:
  /// The context recorded when the last error unwound the parser.
  const std::string& errorContext() const { return captured_; }
  /// True once the file has shown a ModelProto's ir_version: from then on it is a model, maybe a
  /// broken one, not some other kind of file.
  bool lookedLikeAModel() const { return sawIrVersion_; }
};

std::string Parser::context() const {
  std::string out;
  for (const Frame& f : frames_) {
    if (!out.empty()) out += kPathSeparator;
    out += f.what;
    if (!f.name.empty())
      out += " " + quoted(f.name);
    else if (f.index >= 0)
      out += " #" + std::to_string(f.index);
    if (!f.extra.empty()) out += " (" + std::string(f.extra.substr(0, 80)) + ")";
  }
  return out;
}

std::uint32_t Parser::newGraph(GraphKind kind, std::string path, std::optional<std::uint32_t> parent,
                               std::optional<std::uint32_t> owner, std::string attribute, std::uint64_t offset) {
  GraphInfo g;
  g.kind = kind;
  g.path = std::move(path);
  g.parentGraph = parent;
  g.ownerNode = owner;
  g.attribute = std::move(attribute);
  g.offset = offset;
  if (parent) {
    g.depth = model_.graphs[*parent].depth + 1;
    g.function = model_.graphs[*parent].function;
  }
  model_.graphs.push_back(std::move(g));
  return static_cast<std::uint32_t>(model_.graphs.size() - 1);
}

void Parser::parseModel(Bytes bytes) {
  FrameGuard guard(*this, Frame{"model", {}, -1, {}});
  // The main graph's path uses its name, which the encoding puts after its nodes: look first.
  std::optional<Bytes> graphBytes;
  std::vector<Bytes> functions, training;
  bool& sawIrVersion = sawIrVersion_;
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    switch (f.number) {
      case 1:
        model_.irVersion = asInt(f, "ModelProto", "ir_version");
        sawIrVersion = true;
        break;
      case 2: model_.producerName = asString(f, "ModelProto", "producer_name"); break;
      case 3: model_.producerVersion = asString(f, "ModelProto", "producer_version"); break;
      case 4: model_.domain = asString(f, "ModelProto", "domain"); break;
      case 5: model_.modelVersion = asInt(f, "ModelProto", "model_version"); break;
      case 6: model_.docString = asString(f, "ModelProto", "doc_string"); break;
      case 7:
        expect(f, WireType::Len, "ModelProto", "graph");
        // Protobuf merges repeated occurrences of a message field; so do we (nodes append).
        if (!graphBytes) {
          graphBytes = f.bytes;
          model_.graphs.clear();
          newGraph(GraphKind::Main, "main", std::nullopt, std::nullopt, "", f.offset);
        }
        parseGraph(f.bytes, 0, 1);
        break;
      case 8:
        expect(f, WireType::Len, "ModelProto", "opset_import");
        model_.opsets.push_back(parseOpset(f.bytes, 1));
        break;
      case 14:
        expect(f, WireType::Len, "ModelProto", "metadata_props");
        model_.metadata.push_back(parseStringPair(f.bytes, 1));
        break;
      case 20:
        expect(f, WireType::Len, "ModelProto", "training_info");
        training.push_back(f.bytes);
        break;
      case 25:
        expect(f, WireType::Len, "ModelProto", "functions");
        functions.push_back(f.bytes);
        break;
      default: break;  // configuration (26) and future fields
    }
  }
  if (!graphBytes)
    throw WireError{0, sawIrVersion ? "not an ONNX model: it has no graph (ModelProto field 7)"
                                    : "not an ONNX model: no ir_version and no graph (ModelProto fields 1 and 7)"};
  for (Bytes fb : functions) parseFunction(fb, 1);
  for (size_t i = 0; i < training.size(); ++i) parseTrainingInfo(training[i], static_cast<std::int64_t>(i), 1);
  if (sawIrVersion && (model_.irVersion < 3 || model_.irVersion > kNewestIrVersion))
    model_.warnings.push_back("IR version " + std::to_string(model_.irVersion) +
                              " is outside the versions this reader knows (3 to " + std::to_string(kNewestIrVersion) +
                              "); fields it does not know are skipped");
  if (model_.opsets.empty() && model_.irVersion >= 3)
    model_.warnings.push_back("the model has no opset_import; the default domain's opset is unknown");
}

void Parser::parseGraph(Bytes bytes, std::uint32_t graph, unsigned depth) {
  enter(depth, bytes.offset);
  // Pass 1: the name (field 2), which the encoding places after the nodes.
  {
    WireReader r(bytes);
    while (!r.atEnd()) {
      Field f = r.next();
      if (f.number == 2) model_.graphs[graph].name = asString(f, "GraphProto", "name");
    }
  }
  GraphInfo& g0 = model_.graphs[graph];
  if (g0.kind == GraphKind::Main && !g0.name.empty()) g0.path = g0.name;
  FrameGuard guard(*this, Frame{"graph", model_.graphs[graph].name, -1, {}});
  std::int64_t nodeIndex = static_cast<std::int64_t>(model_.graphs[graph].nodes.size());
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    switch (f.number) {
      case 1:
        expect(f, WireType::Len, "GraphProto", "node");
        parseNode(f.bytes, graph, nodeIndex++, depth + 1);
        break;
      case 5: {
        expect(f, WireType::Len, "GraphProto", "initializer");
        std::uint32_t t = parseTensor(f.bytes, TensorRole::Initializer, graph, std::nullopt, depth + 1);
        model_.graphs[graph].initializers.push_back(t);
        break;
      }
      case 15: {
        expect(f, WireType::Len, "GraphProto", "sparse_initializer");
        std::uint32_t t = parseSparseTensor(f.bytes, TensorRole::SparseInitializer, graph, std::nullopt, depth + 1);
        model_.graphs[graph].initializers.push_back(t);
        break;
      }
      case 11:
        expect(f, WireType::Len, "GraphProto", "input");
        model_.graphs[graph].inputs.push_back(parseValueInfo(f.bytes, depth + 1));
        break;
      case 12:
        expect(f, WireType::Len, "GraphProto", "output");
        model_.graphs[graph].outputs.push_back(parseValueInfo(f.bytes, depth + 1));
        break;
      case 13:
        expect(f, WireType::Len, "GraphProto", "value_info");
        model_.graphs[graph].valueInfo.push_back(parseValueInfo(f.bytes, depth + 1));
        break;
      case 2: expect(f, WireType::Len, "GraphProto", "name"); break;
      default: break;  // doc_string, quantization_annotation, metadata_props
    }
  }
}

void Parser::parseNode(Bytes bytes, std::uint32_t graph, std::int64_t indexInGraph, unsigned depth) {
  enter(depth, bytes.offset);
  const std::uint32_t index = static_cast<std::uint32_t>(model_.nodes.size());
  model_.nodes.emplace_back();
  model_.graphs[graph].nodes.push_back(index);
  {
    NodeInfo& n = model_.nodes.back();
    n.graph = graph;
    n.offset = bytes.offset;
    n.size = bytes.size;
  }
  FrameGuard guard(*this, Frame{"node", {}, indexInGraph, {}});
  // Pass 1: the scalar fields (domain comes after the attributes in the encoding).
  std::vector<Bytes> attributes;
  {
    WireReader r(bytes);
    while (!r.atEnd()) {
      Field f = r.next();
      NodeInfo& n = model_.nodes[index];
      switch (f.number) {
        case 1: n.inputs.push_back(asString(f, "NodeProto", "input")); break;
        case 2: n.outputs.push_back(asString(f, "NodeProto", "output")); break;
        case 3:
          n.name = asString(f, "NodeProto", "name");
          frames_.back().name = n.name;
          break;
        case 4:
          n.opType = asString(f, "NodeProto", "op_type");
          frames_.back().extra = n.opType;
          break;
        case 7: n.domain = asString(f, "NodeProto", "domain"); break;
        case 8: n.overload = asString(f, "NodeProto", "overload"); break;
        case 5:
          expect(f, WireType::Len, "NodeProto", "attribute");
          attributes.push_back(f.bytes);
          break;
        default: break;  // doc_string, metadata_props, device_configurations
      }
    }
  }
  {
    NodeInfo& n = model_.nodes[index];
    const GraphInfo& g = model_.graphs[graph];
    std::string label = !n.name.empty() ? n.name : "#" + std::to_string(indexInGraph) + " (" + n.opType + ")";
    n.path = g.path + kPathSeparator + label;
  }
  for (Bytes a : attributes) parseAttribute(a, index, depth + 1);
}

void Parser::parseAttribute(Bytes bytes, std::uint32_t node, unsigned depth) {
  enter(depth, bytes.offset);
  std::string name;
  {
    WireReader r(bytes);
    while (!r.atEnd()) {
      Field f = r.next();
      if (f.number == 1) name = asString(f, "AttributeProto", "name");
    }
  }
  FrameGuard guard(*this, Frame{"attribute", {}, -1, {}});
  frames_.back().name = name;
  const bool isConstant = model_.nodes[node].opType == "Constant";
  auto tensorRole = isConstant ? TensorRole::Constant : TensorRole::Attribute;
  const std::uint32_t graph = model_.nodes[node].graph;
  std::int64_t graphIndex = 0;
  std::uint64_t floats = 0, ints = 0, strings = 0;
  NodeAttribute attr;
  attr.name = name;
  using AK = NodeAttribute::Kind;
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    switch (f.number) {
      case 3: {  // i
        std::int64_t v = asInt(f, "AttributeProto", "i");
        attr.kind = AK::Int;
        attr.i = v;
        NodeInfo& n = model_.nodes[node];
        if (name == "to") {
          n.toType = v;
        } else if (name == "dtype") {
          n.dtypeAttr = v;
        } else if (name == "output_dtype" || name == "output_datatype") {
          n.outputDtypeAttr = v;
        } else if (name == "value_int") {
          n.valueType = dtype::kInt64;
          ++ints;
        }
        break;
      }
      case 2:  // f
        expect(f, WireType::Fixed32, "AttributeProto", "f");
        attr.kind = AK::Float;
        {
          std::uint32_t bits = static_cast<std::uint32_t>(f.value);
          std::memcpy(&attr.f, &bits, sizeof bits);
        }
        if (name == "value_float") {
          model_.nodes[node].valueType = dtype::kFloat;
          ++floats;
        }
        break;
      case 4:  // s
        expect(f, WireType::Len, "AttributeProto", "s");
        attr.kind = AK::String;
        attr.s = std::string(f.bytes.view().substr(0, 64));
        if (name == "value_string") model_.nodes[node].valueType = dtype::kString, ++strings;
        break;
      case 7:  // floats, packed or not
        attr.kind = AK::Floats;
        if (f.type == WireType::Len) {
          floats += f.bytes.size / 4;
        } else {
          expect(f, WireType::Fixed32, "AttributeProto", "floats");
          ++floats;
        }
        if (name == "value_floats") model_.nodes[node].valueType = dtype::kFloat;
        break;
      case 8:  // ints, packed or not
        attr.kind = AK::Ints;
        if (f.type == WireType::Len) {
          if (name == "value_ints") ints += countPackedVarints(f.bytes);
          std::uint64_t pos = 0, v = 0;
          while (pos < f.bytes.size && attr.ints.size() < NodeAttribute::kMaxInts) {
            unsigned used = decodeVarint(f.bytes.data + pos, f.bytes.size - pos, v);
            if (used == 0) break;  // countPackedVarints reports malformed lists
            attr.ints.push_back(static_cast<std::int64_t>(v));
            pos += used;
          }
        } else {
          expect(f, WireType::Varint, "AttributeProto", "ints");
          ++ints;
          if (attr.ints.size() < NodeAttribute::kMaxInts) attr.ints.push_back(static_cast<std::int64_t>(f.value));
        }
        if (name == "value_ints") model_.nodes[node].valueType = dtype::kInt64;
        break;
      case 9:
        expect(f, WireType::Len, "AttributeProto", "strings");
        attr.kind = AK::Strings;
        if (attr.strings.size() < NodeAttribute::kMaxInts) attr.strings.emplace_back(f.bytes.view().substr(0, 64));
        ++strings;
        if (name == "value_strings") model_.nodes[node].valueType = dtype::kString;
        break;
      case 5:
      case 10: {  // t, tensors
        expect(f, WireType::Len, "AttributeProto", f.number == 5 ? "t" : "tensors");
        attr.kind = AK::Tensor;
        std::uint32_t t = parseTensor(f.bytes, tensorRole, graph, node, depth + 1);
        if (name == "value") model_.nodes[node].valueType = model_.tensors[t].dataType;
        break;
      }
      case 22:
      case 23: {  // sparse_tensor, sparse_tensors
        expect(f, WireType::Len, "AttributeProto", f.number == 22 ? "sparse_tensor" : "sparse_tensors");
        std::uint32_t t = parseSparseTensor(f.bytes, tensorRole, graph, node, depth + 1);
        if (name == "sparse_value") model_.nodes[node].valueType = model_.tensors[t].dataType;
        break;
      }
      case 6:
      case 11: {  // g, graphs
        expect(f, WireType::Len, "AttributeProto", f.number == 6 ? "g" : "graphs");
        attr.kind = AK::Graph;
        const GraphInfo& parent = model_.graphs[graph];
        if (parent.depth + 1 > options_.maxSubgraphDepth)
          throw WireError{f.offset, "subgraphs nested deeper than " + std::to_string(options_.maxSubgraphDepth) +
                                        " levels (protobuf itself refuses about 33; corrupted or hostile file?)"};
        std::string attr = f.number == 6 ? name : name + "[" + std::to_string(graphIndex++) + "]";
        std::string path = model_.nodes[node].path + kPathSeparator + attr;
        std::uint32_t sub = newGraph(GraphKind::Subgraph, std::move(path), graph, node, attr, f.offset);
        model_.nodes[node].subgraphs.push_back(sub);
        parseGraph(f.bytes, sub, depth + 1);
        break;
      }
      case 1: break;
      default: break;  // type, ref_attr_name, doc_string, tp, type_protos
    }
  }
  model_.nodes[node].attributes.push_back(std::move(attr));
  // A Constant given as value_float(s)/value_int(s) is a small tensor of its own.
  if (isConstant && (floats || ints) &&
      (name == "value_float" || name == "value_floats" || name == "value_int" || name == "value_ints")) {
    TensorInfo t;
    t.name = model_.nodes[node].outputs.empty() ? "" : model_.nodes[node].outputs.front();
    t.dataType = floats ? dtype::kFloat : dtype::kInt64;
    t.elements = floats ? floats : ints;
    if (name == "value_floats" || name == "value_ints") t.dims = {static_cast<std::int64_t>(t.elements)};
    t.bytes = dataTypeBytes(t.dataType, t.elements);
    t.role = TensorRole::Constant;
    t.storage = TensorStorage::Typed;
    t.offset = bytes.offset;
    t.payloadOffset = bytes.offset;
    t.payloadBytes = bytes.size;
    t.graph = graph;
    t.node = node;
    model_.tensors.push_back(std::move(t));
  }
}

void Parser::parseTensorFields(Bytes bytes, TensorInfo& t, unsigned depth) {
  enter(depth, bytes.offset);
  std::uint64_t typedPayload = 0;
  std::vector<std::pair<std::string, std::pair<std::string, std::uint64_t>>> external;
  std::int64_t location = 0;
  std::uint64_t firstPayload = 0;
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    switch (f.number) {
      case 1:  // dims: unpacked in proto2, but accept packed
        if (f.type == WireType::Len) {
          std::uint64_t pos = 0, v = 0;
          while (pos < f.bytes.size) {
            unsigned used = decodeVarint(f.bytes.data + pos, f.bytes.size - pos, v);
            if (used == 0) throw WireError{f.bytes.offset + pos, "malformed varint in TensorProto.dims"};
            if (t.dims.size() >= kMaxRank)
              throw WireError{f.offset, "tensor declares more than " + std::to_string(kMaxRank) + " dimensions"};
            t.dims.push_back(static_cast<std::int64_t>(v));
            pos += used;
          }
        } else {
          if (t.dims.size() >= kMaxRank)
            throw WireError{f.offset, "tensor declares more than " + std::to_string(kMaxRank) + " dimensions"};
          t.dims.push_back(asInt(f, "TensorProto", "dims"));
        }
        if (!t.dims.empty() && t.dims.back() < 0)
          throw WireError{f.offset, "negative dimension " + std::to_string(t.dims.back()) + " in a tensor"};
        break;
      case 2: t.dataType = static_cast<std::int32_t>(asInt(f, "TensorProto", "data_type")); break;
      case 8: t.name = asString(f, "TensorProto", "name"); break;
      case 9:  // raw_data: the weight bytes. Skipped, never read.
        expect(f, WireType::Len, "TensorProto", "raw_data");
        t.storage = TensorStorage::Raw;
        if (!firstPayload) firstPayload = f.bytes.offset;
        typedPayload += f.bytes.size;
        break;
      case 4:
      case 5:
      case 6:
      case 7:
      case 10:
      case 11:  // float/int32/string/int64/double/uint64 data
        if (t.storage != TensorStorage::Raw) t.storage = TensorStorage::Typed;
        if (!firstPayload) firstPayload = f.type == WireType::Len ? f.bytes.offset : f.offset;
        // Packed: the payload's length; unpacked (one field per value): the field as encoded.
        typedPayload += f.type == WireType::Len ? f.bytes.size : r.offset() - f.offset;
        break;
      case 13: {  // external_data
        expect(f, WireType::Len, "TensorProto", "external_data");
        auto kv = parseStringPair(f.bytes, depth + 1);
        external.push_back({kv.first, {kv.second, f.offset}});
        break;
      }
      case 14: location = asInt(f, "TensorProto", "data_location"); break;
      default: break;  // segment, doc_string, metadata_props
    }
  }
  t.payloadOffset = firstPayload;
  t.payloadBytes = typedPayload;
  if (location == 1 || !external.empty()) {
    t.storage = TensorStorage::External;
    for (const auto& [key, value] : external) {
      auto number = [&](const char* what) {
        std::uint64_t v = 0;
        auto [end, ec] = std::from_chars(value.first.data(), value.first.data() + value.first.size(), v);
        if (ec != std::errc() || end != value.first.data() + value.first.size() || value.first.empty())
          throw WireError{value.second, std::string("external data ") + what + " " + quoted(value.first) +
                                            " is not a non-negative integer"};
        return v;
      };
      if (key == "location")
        t.externalLocation = value.first;
      else if (key == "offset")
        t.externalOffset = number("offset");
      else if (key == "length")
        t.externalLength = number("length");
    }
    if (t.externalLocation.empty())
      throw WireError{bytes.offset, "tensor " + quoted(t.name) + " stores its data externally but names no location"};
  }
  std::uint64_t elements = 1;
  for (std::int64_t d : t.dims) {
    std::uint64_t u = static_cast<std::uint64_t>(d);
    elements = (u != 0 && elements > kMaxU64 / u) ? kMaxU64 : elements * u;
  }
  t.elements = elements;
  t.bytes = dataTypeBytes(t.dataType, elements);
  if (t.dataType == dtype::kString)
    t.bytes = t.storage == TensorStorage::External ? t.externalLength.value_or(0) : typedPayload;
}

std::uint32_t Parser::parseTensor(Bytes bytes, TensorRole role, std::uint32_t graph, std::optional<std::uint32_t> node,
                                  unsigned depth) {
  FrameGuard guard(*this, Frame{role == TensorRole::Initializer ? "initializer" : "tensor", {}, -1, {}});
  TensorInfo t;
  t.role = role;
  t.graph = graph;
  t.node = node;
  t.offset = bytes.offset;
  t.size = bytes.size;
  parseTensorFields(bytes, t, depth);
  model_.tensors.push_back(std::move(t));
  return static_cast<std::uint32_t>(model_.tensors.size() - 1);
}

std::uint32_t Parser::parseSparseTensor(Bytes bytes, TensorRole role, std::uint32_t graph,
                                        std::optional<std::uint32_t> node, unsigned depth) {
  enter(depth, bytes.offset);
  FrameGuard guard(*this, Frame{"sparse tensor", {}, -1, {}});
  TensorInfo values, indices;
  std::vector<std::int64_t> dims;
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    if (f.number == 1) {
      expect(f, WireType::Len, "SparseTensorProto", "values");
      parseTensorFields(f.bytes, values, depth + 1);
    } else if (f.number == 2) {
      expect(f, WireType::Len, "SparseTensorProto", "indices");
      parseTensorFields(f.bytes, indices, depth + 1);
    } else if (f.number == 3) {
      if (f.type == WireType::Len) {
        std::uint64_t pos = 0, v = 0;
        while (pos < f.bytes.size) {
          unsigned used = decodeVarint(f.bytes.data + pos, f.bytes.size - pos, v);
          if (used == 0) throw WireError{f.bytes.offset + pos, "malformed varint in SparseTensorProto.dims"};
          dims.push_back(static_cast<std::int64_t>(v));
          pos += used;
          if (dims.size() > kMaxRank)
            throw WireError{f.offset, "sparse tensor declares more than " + std::to_string(kMaxRank) + " dimensions"};
        }
      } else {
        dims.push_back(asInt(f, "SparseTensorProto", "dims"));
        if (dims.size() > kMaxRank)
          throw WireError{f.offset, "sparse tensor declares more than " + std::to_string(kMaxRank) + " dimensions"};
      }
    }
  }
  TensorInfo t = std::move(values);
  t.role = role;
  t.graph = graph;
  t.node = node;
  t.offset = bytes.offset;
  t.dims = std::move(dims);
  // Parameters of a sparse tensor: its stored (non-zero) values; bytes: values plus indices.
  t.bytes = (t.bytes > kMaxU64 - indices.bytes) ? kMaxU64 : t.bytes + indices.bytes;
  t.payloadBytes += indices.payloadBytes;
  model_.tensors.push_back(std::move(t));
  return static_cast<std::uint32_t>(model_.tensors.size() - 1);
}

ValueInfo Parser::parseValueInfo(Bytes bytes, unsigned depth) {
  enter(depth, bytes.offset);
  ValueInfo v;
  v.offset = bytes.offset;
  v.size = bytes.size;
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    if (f.number == 1)
      v.name = asString(f, "ValueInfoProto", "name");
    else if (f.number == 2) {
      expect(f, WireType::Len, "ValueInfoProto", "type");
      parseType(f.bytes, v, depth + 1, true);
    }
  }
  return v;
}

void Parser::parseType(Bytes bytes, ValueInfo& v, unsigned depth, bool outermost) {
  enter(depth, bytes.offset);
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    const char* kind = nullptr;
    switch (f.number) {
      case 1: kind = "tensor"; break;
      case 8: kind = "sparse_tensor"; break;
      case 4: kind = "sequence"; break;
      case 9: kind = "optional"; break;
      case 5: kind = "map"; break;
      case 7: kind = "opaque"; break;
      default: continue;  // denotation
    }
    expect(f, WireType::Len, "TypeProto", kind);
    if (outermost) v.typeKind = kind;
    WireReader inner(f.bytes);
    while (!inner.atEnd()) {
      Field g = inner.next();
      if ((f.number == 1 || f.number == 8) && g.number == 1) {
        v.elemType = static_cast<std::int32_t>(asInt(g, "TypeProto.Tensor", "elem_type"));
      } else if ((f.number == 1 || f.number == 8) && g.number == 2 && outermost) {
        expect(g, WireType::Len, "TypeProto.Tensor", "shape");
        v.hasShape = true;
        parseShape(g.bytes, v, depth + 2);
      } else if ((f.number == 4 || f.number == 9) && g.number == 1) {
        expect(g, WireType::Len, "TypeProto.Sequence", "elem_type");
        parseType(g.bytes, v, depth + 2, false);
      } else if (f.number == 5 && g.number == 2) {
        expect(g, WireType::Len, "TypeProto.Map", "value_type");
        parseType(g.bytes, v, depth + 2, false);
      }
    }
  }
}

void Parser::parseShape(Bytes bytes, ValueInfo& v, unsigned depth) {
  enter(depth, bytes.offset);
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    if (f.number != 1) continue;
    expect(f, WireType::Len, "TensorShapeProto", "dim");
    Dim d;
    WireReader dr(f.bytes);
    while (!dr.atEnd()) {
      Field g = dr.next();
      if (g.number == 1)
        d.value = asInt(g, "TensorShapeProto.Dimension", "dim_value");
      else if (g.number == 2)
        d.param = asString(g, "TensorShapeProto.Dimension", "dim_param");
    }
    if (v.shape.size() < kMaxRank) v.shape.push_back(std::move(d));
  }
}

OpsetImport Parser::parseOpset(Bytes bytes, unsigned depth) {
  enter(depth, bytes.offset);
  OpsetImport o;
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    if (f.number == 1)
      o.domain = asString(f, "OperatorSetIdProto", "domain");
    else if (f.number == 2)
      o.version = asInt(f, "OperatorSetIdProto", "version");
  }
  return o;
}

std::pair<std::string, std::string> Parser::parseStringPair(Bytes bytes, unsigned depth) {
  enter(depth, bytes.offset);
  std::pair<std::string, std::string> kv;
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    if (f.number == 1)
      kv.first = asString(f, "StringStringEntryProto", "key");
    else if (f.number == 2)
      kv.second = asString(f, "StringStringEntryProto", "value");
  }
  return kv;
}

void Parser::parseFunction(Bytes bytes, unsigned depth) {
  enter(depth, bytes.offset);
  FunctionInfo fn;
  fn.offset = bytes.offset;
  std::vector<Bytes> nodes, valueInfos;
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    switch (f.number) {
      case 1: fn.name = asString(f, "FunctionProto", "name"); break;
      case 4: fn.inputs.push_back(asString(f, "FunctionProto", "input")); break;
      case 5: fn.outputs.push_back(asString(f, "FunctionProto", "output")); break;
      case 6: fn.attributes.push_back(asString(f, "FunctionProto", "attribute")); break;
      case 7:
        expect(f, WireType::Len, "FunctionProto", "node");
        nodes.push_back(f.bytes);
        break;
      case 9:
        expect(f, WireType::Len, "FunctionProto", "opset_import");
        fn.opsets.push_back(parseOpset(f.bytes, depth + 1));
        break;
      case 10: fn.domain = asString(f, "FunctionProto", "domain"); break;
      case 13: fn.overload = asString(f, "FunctionProto", "overload"); break;
      case 12:
        expect(f, WireType::Len, "FunctionProto", "value_info");
        valueInfos.push_back(f.bytes);
        break;
      default: break;  // doc_string, attribute_proto, metadata_props
    }
  }
  std::string label = fn.domain + ":" + fn.name + (fn.overload.empty() ? "" : ":" + fn.overload);
  FrameGuard guard(*this, Frame{"function", label, static_cast<std::int64_t>(model_.functions.size()), {}});
  const std::uint32_t fnIndex = static_cast<std::uint32_t>(model_.functions.size());
  std::uint32_t g = newGraph(GraphKind::Function, "function " + label, std::nullopt, std::nullopt, "", bytes.offset);
  model_.graphs[g].name = fn.name;
  model_.graphs[g].function = fnIndex;
  for (const std::string& in : fn.inputs) model_.graphs[g].inputs.push_back(ValueInfo{in, 0, "", {}, false});
  for (const std::string& out : fn.outputs) model_.graphs[g].outputs.push_back(ValueInfo{out, 0, "", {}, false});
  fn.graph = g;
  model_.functions.push_back(std::move(fn));
  for (Bytes vb : valueInfos) model_.graphs[g].valueInfo.push_back(parseValueInfo(vb, depth + 1));
  std::int64_t i = 0;
  for (Bytes nb : nodes) parseNode(nb, g, i++, depth + 1);
}

void Parser::parseTrainingInfo(Bytes bytes, std::int64_t index, unsigned depth) {
  enter(depth, bytes.offset);
  FrameGuard guard(*this, Frame{"training_info", {}, index, {}});
  WireReader r(bytes);
  while (!r.atEnd()) {
    Field f = r.next();
    if (f.number != 1 && f.number != 2) continue;
    const char* what = f.number == 1 ? "initialization" : "algorithm";
    expect(f, WireType::Len, "TrainingInfoProto", what);
    std::string path = "training[" + std::to_string(index) + "]." + what;
    std::uint32_t g = newGraph(GraphKind::Training, path, std::nullopt, std::nullopt, what, f.offset);
    parseGraph(f.bytes, g, depth + 1);
  }
}

std::string joinPath(const std::string& directory, const std::string& location) {
  if (directory.empty()) return location;
  return directory.back() == '/' ? directory + location : directory + "/" + location;
}

/// Why an external-data location may not be followed, or "" when it may.
std::string unsafeLocation(const std::string& location) {
  if (location.empty()) return "an empty location";
  if (location.front() == '/' || location.front() == '\\') return "an absolute path";
  if (location.find('\0') != std::string::npos) return "a NUL character";
  size_t start = 0;
  while (start <= location.size()) {
    size_t end = location.find_first_of("/\\", start);
    if (end == std::string::npos) end = location.size();
    if (location.compare(start, end - start, "..") == 0) return "'..', which leaves the model's directory";
    start = end + 1;
  }
  return "";
}

void checkExternalFiles(ModelInfo& model, const std::string& directory, const ReadOptions& options) {
  std::map<std::string, size_t> byLocation;
  for (const TensorInfo& t : model.tensors) {
    if (t.storage != TensorStorage::External) continue;
    auto [it, added] = byLocation.emplace(t.externalLocation, model.externalFiles.size());
    if (added) {
      ExternalFile e;
      e.location = t.externalLocation;
      e.firstOffset = t.offset;
      model.externalFiles.push_back(std::move(e));
    }
    ExternalFile& e = model.externalFiles[it->second];
    ++e.tensors;
    std::uint64_t length = t.externalLength.value_or(t.bytes);
    std::uint64_t end = t.externalOffset > kMaxU64 - length ? kMaxU64 : t.externalOffset + length;
    e.requiredBytes = std::max(e.requiredBytes, end);
  }
  for (ExternalFile& e : model.externalFiles) {
    std::string why = unsafeLocation(e.location);
    if (!why.empty()) {
      e.problem = "external data location " + quoted(e.location) + " is " + why + "; not followed";
      continue;
    }
    std::string full = joinPath(directory, e.location);
    std::optional<std::uint64_t> size;
    if (options.fileSize) {
      size = options.fileSize(full);
    } else {
      struct stat st;
      if (::stat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode)) size = static_cast<std::uint64_t>(st.st_size);
    }
    e.actualBytes = size;
    if (!size)
      e.problem = "external data file " + quoted(full) + " does not exist or is not a readable file";
    else if (*size < e.requiredBytes)
      e.problem = "external data file " + quoted(full) + " has " + std::to_string(*size) + " bytes but its " +
                  std::to_string(e.tensors) + " tensor(s) need " + std::to_string(e.requiredBytes);
  }
}

}  // namespace

std::string ReadError::str() const {
  std::string out = file + ": byte " + std::to_string(offset) + ": " + message;
  if (!context.empty()) out += " (in " + context + ")";
  return out;
}

ReadResult readModel(Bytes bytes, const std::string& path, const std::string& directory, const ReadOptions& options) {
  if (bytes.size == 0) return ReadError{path, 0, "empty file (0 bytes): not an ONNX model", ""};
  if (std::string kind = describeForeignFile(bytes); !kind.empty())
    return ReadError{path, 0, "not an ONNX model: this is " + kind, ""};
  ModelInfo model;
  model.path = path;
  model.fileBytes = bytes.size;
  Parser parser(model, options);
  try {
    parser.parseModel(bytes);
  } catch (const WireError& e) {
    std::string message = e.message;
    // An error in the outermost message, before the file showed an ir_version or where a model
    // field has the wrong type, means the file is not a ModelProto at all (a truncated model
    // keeps its name).
    bool notAModel = parser.errorContext() == "model" && (!parser.lookedLikeAModel() || e.wrongType);
    if (notAModel && message.rfind("not an ONNX model", 0) != 0)
      message = "not an ONNX model: " + message;
    if (std::string guess = describeTextFile(bytes); !guess.empty()) message += "; the file looks like " + guess;
    return ReadError{path, e.offset, std::move(message), parser.errorContext()};
  }
  checkExternalFiles(model, directory, options);
  return model;
}

ReadResult readModelFile(const std::string& path, const ReadOptions& options) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ReadError{path, 0, std::string("cannot open: ") + std::strerror(errno), ""};
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return ReadError{path, 0, std::string("cannot stat: ") + std::strerror(e), ""};
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return ReadError{path, 0, S_ISDIR(st.st_mode) ? "is a directory, not a model file" : "not a regular file", ""};
  }
  std::string directory;
  if (size_t slash = path.rfind('/'); slash != std::string::npos) directory = path.substr(0, slash == 0 ? 1 : slash);
  std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return readModel(Bytes{nullptr, 0, 0}, path, directory, options);
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  int mapErrno = errno;
  ::close(fd);
  if (map == MAP_FAILED) return ReadError{path, 0, std::string("cannot map: ") + std::strerror(mapErrno), ""};
  // Only the metadata between payloads is read, so read-ahead would only waste memory.
  ::madvise(map, size, MADV_RANDOM);
  ReadResult result = readModel(Bytes{static_cast<const std::uint8_t*>(map), size, 0}, path, directory, options);
  ::munmap(map, size);
  return result;
}

}  // namespace opscope::onnx
