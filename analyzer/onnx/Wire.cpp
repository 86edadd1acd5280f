#include "onnx/Wire.h"

namespace opscope::onnx {

std::string_view toString(WireType t) {
  switch (t) {
    case WireType::Varint: return "varint";
    case WireType::Fixed64: return "fixed64";
    case WireType::Len: return "length-delimited";
    case WireType::StartGroup: return "start-group";
    case WireType::EndGroup: return "end-group";
    case WireType::Fixed32: return "fixed32";
  }
  return "?";
}

unsigned decodeVarint(const std::uint8_t* p, std::uint64_t available, std::uint64_t& out) {
  std::uint64_t v = 0;
  for (unsigned i = 0; i < 10 && i < available; ++i) {
    std::uint8_t b = p[i];
    // The tenth byte may only carry the top bit of a 64-bit value.
    if (i == 9 && b > 1) return 0;
    v |= static_cast<std::uint64_t>(b & 0x7f) << (7 * i);
    if (!(b & 0x80)) {
      out = v;
      return i + 1;
    }
  }
  return 0;
}

std::uint64_t WireReader::readVarint(const char* what) {
  std::uint64_t v = 0;
  std::uint64_t left = message_.size - pos_;
  unsigned n = decodeVarint(message_.data + pos_, left, v);
  if (n == 0) {
    bool truncated = left < 10;
    for (std::uint64_t i = 0; i < left && i < 10; ++i)
      if (!(message_.data[pos_ + i] & 0x80)) truncated = false;
    throw WireError{offset(), std::string(truncated ? "truncated " : "malformed ") + what +
                                  (truncated ? ": the data ends inside it" : ": longer than 10 bytes")};
  }
  pos_ += n;
  return v;
}

Field WireReader::next() {
  Field f;
  f.offset = offset();
  std::uint64_t tag = readVarint("field tag");
  std::uint64_t number = tag >> 3;
  unsigned type = static_cast<unsigned>(tag & 7);
  if (number == 0 || number > 0x1fffffff)
    throw WireError{f.offset, "invalid field number " + std::to_string(number) + " (not protobuf data?)"};
  if (type > 5) throw WireError{f.offset, "invalid wire type " + std::to_string(type) + " (not protobuf data?)"};
  f.number = static_cast<std::uint32_t>(number);
  f.type = static_cast<WireType>(type);
  std::uint64_t left = 0;
  switch (f.type) {
    case WireType::Varint: f.value = readVarint("varint value"); break;
    case WireType::Fixed64:
    case WireType::Fixed32: {
      unsigned width = f.type == WireType::Fixed64 ? 8 : 4;
      left = message_.size - pos_;
      if (left < width)
        throw WireError{offset(), "truncated " + std::string(toString(f.type)) + " value of field " +
                                      std::to_string(f.number) + ": " + std::to_string(left) + " byte(s) left"};
      std::uint64_t v = 0;
      for (unsigned i = 0; i < width; ++i) v |= static_cast<std::uint64_t>(message_.data[pos_ + i]) << (8 * i);
      f.value = v;
      pos_ += width;
      break;
    }
    case WireType::Len: {
      std::uint64_t lengthAt = offset();
      std::uint64_t length = readVarint("length");
      left = message_.size - pos_;
      if (length > left)
        throw WireError{lengthAt, "field " + std::to_string(f.number) + " declares " + std::to_string(length) +
                                      " bytes but only " + std::to_string(left) +
                                      " remain in its enclosing message (truncated or corrupted file)"};
      f.bytes = Bytes{message_.data + pos_, length, message_.offset + pos_};
      pos_ += length;
      break;
    }
    case WireType::StartGroup:
    case WireType::EndGroup:
      throw WireError{f.offset, "field " + std::to_string(f.number) +
                                    " uses the group wire type, which ONNX never uses (corrupted file?)"};
  }
  return f;
}

std::uint64_t countPackedVarints(Bytes packed) {
  std::uint64_t n = 0, pos = 0, v = 0;
  while (pos < packed.size) {
    unsigned used = decodeVarint(packed.data + pos, packed.size - pos, v);
    if (used == 0) throw WireError{packed.offset + pos, "truncated or malformed varint in a packed field"};
    pos += used;
    ++n;
  }
  return n;
}

}  // namespace opscope::onnx
