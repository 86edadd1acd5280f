// What the streaming reader keeps of an ONNX model: its header, every graph (main graph,
// If/Loop/Scan bodies at any depth, local function bodies, training graphs), every node with its
// path, and every weight tensor's dtype, dims and size — never the weight bytes themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opscope::onnx {

/// One entry of a model's or function's opset_import.
struct OpsetImport {
  std::string domain;  // as written: "" and "ai.onnx" both name the default domain
  std::int64_t version = 0;
};

/// One dimension of a declared shape: a number, a symbolic name, or nothing.
struct Dim {
  std::optional<std::int64_t> value;
  std::string param;  // dim_param, e.g. "batch_size"
};

/// A graph input, output or value_info entry.
struct ValueInfo {
  std::string name;
  /// Element type of a tensor (or of the tensor inside a sequence/optional); 0 when unknown.
  std::int32_t elemType = 0;
  /// "tensor", "sparse_tensor", "sequence", "map", "optional", "opaque" or "" (no type).
  std::string typeKind;
  std::vector<Dim> shape;
  bool hasShape = false;
  std::uint64_t offset = 0, size = 0;  // of the ValueInfoProto's payload in the file
};

/// Where a tensor came from, for parameter accounting.
enum class TensorRole {
  Initializer,        // GraphProto.initializer
  SparseInitializer,  // GraphProto.sparse_initializer (values and indices counted)
  Constant,           // the value of a Constant node
  Attribute,          // a tensor-valued attribute of another node (ConstantOfShape value, ...)
};

/// How a tensor's payload is stored.
enum class TensorStorage { Empty, Raw, Typed, External };

/// A tensor's metadata; its payload is skipped, only its extent recorded.
struct TensorInfo {
  std::string name;
  std::int32_t dataType = 0;
  std::vector<std::int64_t> dims;
  std::uint64_t elements = 0;  // product of dims (1 for a scalar), saturating
  std::uint64_t bytes = 0;     // elements × element width (sub-byte types rounded up)
  TensorRole role = TensorRole::Initializer;
  TensorStorage storage = TensorStorage::Empty;
  std::uint64_t offset = 0;         // of the TensorProto's payload in the file
  std::uint64_t size = 0;           // of that payload (0 for tensors made from value_float(s)/int(s))
  std::uint64_t payloadOffset = 0;  // of the embedded payload (raw or typed data)
  std::uint64_t payloadBytes = 0;   // embedded bytes on disk
  std::string externalLocation;     // external data: file relative to the model's directory
  std::uint64_t externalOffset = 0;
  std::optional<std::uint64_t> externalLength;
  std::uint32_t graph = 0;            // the graph that holds it
  std::optional<std::uint32_t> node;  // the Constant (or other) node, for node tensors
};

/// One attribute of a node as far as coverage checks need it: scalars and short int lists keep
/// their values; tensors, graphs and long lists only their kind.
struct NodeAttribute {
  enum class Kind : std::uint8_t { Int, Float, String, Ints, Floats, Strings, Tensor, Graph, Other };
  std::string name;
  Kind kind = Kind::Other;
  std::int64_t i = 0;
  float f = 0;
  std::string s;                  // String: the value (first 64 bytes)
  std::vector<std::int64_t> ints;  // Ints: the first kMaxInts values
  std::vector<std::string> strings;  // Strings: the first kMaxInts values (64 bytes each)
  static constexpr size_t kMaxInts = 16;
};

/// A node of some graph. Its attributes are read only for what type inference and the
/// summary need; tensor and graph attributes are recorded in `ModelInfo::tensors`/`graphs`.
struct NodeInfo {
  std::string name, opType, domain, overload;
  std::vector<std::string> inputs, outputs;
  std::uint32_t graph = 0;               // index into ModelInfo::graphs
  std::uint64_t offset = 0;              // of the NodeProto's payload in the file
  std::uint64_t size = 0;                // of that payload
  std::string path;                      // "main › If_0/then_branch › Add_3"
  std::vector<std::uint32_t> subgraphs;  // graphs held by its attributes, in attribute order
  // Attribute facts used by type inference (absent when the node lacks the attribute).
  std::optional<std::int64_t> toType;           // Cast.to
  std::optional<std::int64_t> dtypeAttr;        // dtype (EyeLike, Random*, ...)
  std::optional<std::int64_t> outputDtypeAttr;  // output_dtype (QuantizeLinear, ...), output_datatype (windows)
  std::int32_t valueType = 0;                   // element type of a tensor-valued `value` attribute
  std::vector<NodeAttribute> attributes;        // in file order
  /// The attribute called `name`, or nullptr.
  const NodeAttribute* attribute(std::string_view name) const {
    for (const NodeAttribute& a : attributes)
      if (a.name == name) return &a;
    return nullptr;
  }
  // Filled by type inference: element types of inputs and outputs, 0 when unknown.
  std::vector<std::int32_t> inputTypes, outputTypes;
};

/// What a graph is.
enum class GraphKind { Main, Subgraph, Function, Training };

/// One graph: the main graph, a subgraph held by a node attribute, a function body, or a
/// training-info graph.
struct GraphInfo {
  std::string name;
  GraphKind kind = GraphKind::Main;
  std::string path;  // "main", "main › Loop_2/body", "function com.acme:Gelu"
  std::optional<std::uint32_t> parentGraph;
  std::optional<std::uint32_t> ownerNode;  // the node whose attribute holds it
  std::string attribute;                   // then_branch, else_branch, body, ...
  std::optional<std::uint32_t> function;   // the function it belongs to, if any
  unsigned depth = 0;                      // subgraph nesting depth (0 for roots)
  std::uint64_t offset = 0;
  std::vector<ValueInfo> inputs, outputs, valueInfo;
  std::vector<std::uint32_t> nodes;         // in file order
  std::vector<std::uint32_t> initializers;  // indices into ModelInfo::tensors
};

/// A model-local function (FunctionProto); (domain, name, overload) identifies it.
struct FunctionInfo {
  std::string name, domain, overload;
  std::vector<std::string> inputs, outputs, attributes;
  std::vector<OpsetImport> opsets;
  std::uint32_t graph = 0;  // its body
  std::uint64_t offset = 0;
};

/// One external-data file a model refers to, and what the reader found on disk.
struct ExternalFile {
  std::string location;                      // as written in the model
  std::uint64_t tensors = 0;                 // tensors stored in it
  std::uint64_t requiredBytes = 0;           // the highest offset + length any tensor needs
  std::optional<std::uint64_t> actualBytes;  // file size on disk, when it exists
  std::string problem;                       // empty when the file exists and is long enough
  std::uint64_t firstOffset = 0;             // offset in the model of the first tensor naming it
};

/// The reader's account of a whole model.
struct ModelInfo {
  std::string path;
  std::uint64_t fileBytes = 0;
  std::int64_t irVersion = 0;
  std::string producerName, producerVersion, domain, docString;
  std::int64_t modelVersion = 0;
  std::vector<OpsetImport> opsets;
  std::vector<std::pair<std::string, std::string>> metadata;
  std::vector<GraphInfo> graphs;  // graphs[0] is the main graph
  std::vector<NodeInfo> nodes;
  std::vector<TensorInfo> tensors;
  std::vector<FunctionInfo> functions;
  std::vector<ExternalFile> externalFiles;
  /// Oddities that do not stop the read (unknown wire types of known fields are errors, not these).
  std::vector<std::string> warnings;
};

/// The path separator used in node and graph paths.
inline constexpr const char* kPathSeparator = " \xE2\x80\xBA ";  // " › "

}  // namespace opscope::onnx
