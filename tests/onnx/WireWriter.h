// A small protobuf encoder for tests, benchmarks and fuzz seeds: builds ONNX messages field by
// field, including fields newer than the libonnx classes know (IR 10-13) and shapes the classes
// cannot build cheaply (thousands of nesting levels, gigabyte payloads written as file holes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace opscope::onnx::testing {

inline void putVarint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

inline std::string varintBytes(std::uint64_t v) {
  std::string s;
  putVarint(s, v);
  return s;
}

/// One message under construction.
class Msg {
 public:
  Msg& varint(std::uint32_t field, std::uint64_t v) {
    putVarint(bytes_, (static_cast<std::uint64_t>(field) << 3) | 0);
    putVarint(bytes_, v);
    return *this;
  }
  Msg& fixed32(std::uint32_t field, std::uint32_t v) {
    putVarint(bytes_, (static_cast<std::uint64_t>(field) << 3) | 5);
    for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    return *this;
  }
  Msg& str(std::uint32_t field, std::string_view s) {
    putVarint(bytes_, (static_cast<std::uint64_t>(field) << 3) | 2);
    putVarint(bytes_, s.size());
    bytes_.append(s);
    return *this;
  }
  Msg& msg(std::uint32_t field, const Msg& m) { return str(field, m.bytes_); }
  /// A length-delimited field header whose payload the caller writes separately.
  Msg& lenHeader(std::uint32_t field, std::uint64_t length) {
    putVarint(bytes_, (static_cast<std::uint64_t>(field) << 3) | 2);
    putVarint(bytes_, length);
    return *this;
  }
  Msg& raw(std::string_view b) {
    bytes_.append(b);
    return *this;
  }
  const std::string& bytes() const { return bytes_; }
  size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
};

// ONNX helpers (field numbers of onnx.proto).

inline Msg opset(std::string_view domain, std::int64_t version) {
  return Msg().str(1, domain).varint(2, static_cast<std::uint64_t>(version));
}

inline Msg node(std::string_view op, std::vector<std::string> inputs, std::vector<std::string> outputs,
                std::string_view name = "", std::string_view domain = "") {
  Msg m;
  for (const std::string& i : inputs) m.str(1, i);
  for (const std::string& o : outputs) m.str(2, o);
  if (!name.empty()) m.str(3, name);
  m.str(4, op);
  if (!domain.empty()) m.str(7, domain);
  return m;
}

inline Msg intAttr(std::string_view name, std::int64_t v) {
  return Msg().str(1, name).varint(20, 2).varint(3, static_cast<std::uint64_t>(v));
}

inline Msg graphAttr(std::string_view name, const Msg& graph) { return Msg().str(1, name).varint(20, 5).msg(6, graph); }

inline Msg tensorAttr(std::string_view name, const Msg& tensor) {
  return Msg().str(1, name).varint(20, 4).msg(5, tensor);
}

inline Msg tensorType(std::int32_t elemType, std::vector<std::int64_t> dims) {
  Msg shape;
  for (std::int64_t d : dims) shape.msg(1, Msg().varint(1, static_cast<std::uint64_t>(d)));
  return Msg().msg(1, Msg().varint(1, static_cast<std::uint64_t>(elemType)).msg(2, shape));
}

inline Msg valueInfo(std::string_view name, std::int32_t elemType, std::vector<std::int64_t> dims = {}) {
  return Msg().str(1, name).msg(2, tensorType(elemType, dims));
}

/// A tensor with raw data of `rawBytes` zero bytes (written inline).
inline Msg rawTensor(std::string_view name, std::int32_t dataType, std::vector<std::int64_t> dims,
                     std::uint64_t rawBytes) {
  Msg m;
  for (std::int64_t d : dims) m.varint(1, static_cast<std::uint64_t>(d));
  m.varint(2, static_cast<std::uint64_t>(dataType)).str(8, name);
  m.str(9, std::string(rawBytes, '\0'));
  return m;
}

inline Msg externalTensor(std::string_view name, std::int32_t dataType, std::vector<std::int64_t> dims,
                          std::string_view location, std::uint64_t offset, std::uint64_t length) {
  Msg m;
  for (std::int64_t d : dims) m.varint(1, static_cast<std::uint64_t>(d));
  m.varint(2, static_cast<std::uint64_t>(dataType)).str(8, name);
  m.msg(13, Msg().str(1, "location").str(2, location));
  m.msg(13, Msg().str(1, "offset").str(2, std::to_string(offset)));
  m.msg(13, Msg().str(1, "length").str(2, std::to_string(length)));
  m.varint(14, 1);
  return m;
}

inline Msg model(const Msg& graph, std::int64_t opsetVersion = 17, std::int64_t irVersion = 8) {
  return Msg()
      .varint(1, static_cast<std::uint64_t>(irVersion))
      .str(2, "opscope-tests")
      .msg(8, opset("", opsetVersion))
      .msg(7, graph);
}

/// A model whose main graph holds an If whose then_branch holds an If ... `levels` deep.
/// Built outside-in in linear time: every level's small fields come before its nested graph, so
/// the file is the levels' headers in order followed by the innermost graph.
inline std::string nestedIfModel(unsigned levels) {
  Msg innermost = Msg().msg(1, node("Identity", {"x"}, {"y"}, "leaf")).str(2, "leaf_graph");
  // Per level (outermost first): graph{ node{ op_type If, input c, output y, attribute{ name, type, g{...} } } }
  std::vector<std::string> prefixes(levels);
  std::uint64_t inner = innermost.size();
  for (unsigned k = levels; k-- > 0;) {
    Msg attrHead;
    attrHead.str(1, "then_branch").varint(20, 5).lenHeader(6, inner);
    std::uint64_t attrLen = attrHead.size() + inner;
    Msg nodeHead;
    nodeHead.str(1, "c").str(2, "y").str(3, "if_" + std::to_string(k)).str(4, "If").lenHeader(5, attrLen);
    std::uint64_t nodeLen = nodeHead.size() + attrLen;
    Msg graphHead;
    graphHead.lenHeader(1, nodeLen);
    inner = graphHead.size() + nodeLen;
    prefixes[k] = graphHead.bytes() + nodeHead.bytes() + attrHead.bytes();
  }
  Msg head;
  head.varint(1, 8).msg(8, opset("", 17)).lenHeader(7, inner);
  std::string out = head.bytes();
  for (const std::string& p : prefixes) out += p;
  out += innermost.bytes();
  return out;
}

}  // namespace opscope::onnx::testing
