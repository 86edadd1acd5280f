// A cursor over protobuf wire-format bytes held in memory (usually a read-only mapping of the
// model file). It reads tags, varints, fixed-width values and the extent of length-delimited
// fields, and never touches a payload it is asked to skip, so weight bytes stay on disk. Every
// read is bounds-checked; a failure throws WireError with the absolute byte offset.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace opscope::onnx {

/// A malformed or truncated encoding at `offset` (absolute, from the start of the file).
struct WireError {
  std::uint64_t offset = 0;
  std::string message;
  /// A known field had the wrong wire type: the bytes are protobuf, but not this message.
  bool wrongType = false;
};

/// The six wire types of the protobuf encoding.
enum class WireType : std::uint8_t { Varint = 0, Fixed64 = 1, Len = 2, StartGroup = 3, EndGroup = 4, Fixed32 = 5 };

std::string_view toString(WireType t);

/// A run of bytes and where it starts in the file.
struct Bytes {
  const std::uint8_t* data = nullptr;
  std::uint64_t size = 0;
  std::uint64_t offset = 0;  // absolute offset of data[0]

  std::string_view view() const { return {reinterpret_cast<const char*>(data), static_cast<size_t>(size)}; }
};

/// One decoded field. For Len fields `bytes` spans the payload (not read); for the other types
/// `value` holds the integer (fixed32/fixed64 bits as they are).
struct Field {
  std::uint32_t number = 0;
  WireType type = WireType::Varint;
  std::uint64_t offset = 0;  // absolute offset of the tag
  std::uint64_t value = 0;
  Bytes bytes;
};

/// Reads the fields of one message in order.
class WireReader {
 public:
  explicit WireReader(Bytes message) : message_(message) {}

  bool atEnd() const { return pos_ >= message_.size; }
  /// Absolute offset of the next byte to read.
  std::uint64_t offset() const { return message_.offset + pos_; }

  /// Reads the next field. Throws WireError for a bad tag, an overlong varint, a group, or a
  /// length or fixed value running past the end of the message.
  Field next();

 private:
  std::uint64_t readVarint(const char* what);

  Bytes message_;
  std::uint64_t pos_ = 0;
};

/// Decodes one varint at the start of `b` into `out`; returns the bytes consumed, 0 when the
/// varint is truncated or longer than 10 bytes.
unsigned decodeVarint(const std::uint8_t* p, std::uint64_t available, std::uint64_t& out);

/// Counts the varints in a packed repeated field; throws WireError when one is truncated.
std::uint64_t countPackedVarints(Bytes packed);

}  // namespace opscope::onnx
