#include "onnx/FileKind.h"

#include <cstring>
#include <string_view>

namespace opscope::onnx {
namespace {

bool startsWith(Bytes b, std::string_view magic, std::uint64_t at = 0) {
  return b.size >= at + magic.size() && std::memcmp(b.data + at, magic.data(), magic.size()) == 0;
}

}  // namespace

std::string describeForeignFile(Bytes b) {
  // A ModelProto starts with a field tag; none of these first bytes is a tag ONNX writers emit
  // (they would be fields 9-15 of ModelProto, which do not exist or are not first).
  if (startsWith(b, "PK\x03\x04") || startsWith(b, "PK\x05\x06"))
    return "a ZIP archive (PyTorch .pt/.pth checkpoints and NumPy .npz files are ZIP archives)";
  if (startsWith(b, "\x89HDF\r\n\x1a\n")) return "an HDF5 file (e.g. a Keras .h5 model)";
  if (startsWith(b, "GGUF")) return "a GGUF model (llama.cpp)";
  if (startsWith(b,
                 "\x7f"
                 "ELF"))
    return "an ELF executable or shared library";
  if (startsWith(b, "\x1f\x8b")) return "a gzip-compressed file (decompress it first)";
  if (startsWith(b, "\x89PNG")) return "a PNG image";
  if (startsWith(b, "\xff\xd8\xff")) return "a JPEG image";
  if (startsWith(b, "TFL3", 4)) return "a TensorFlow Lite model";
  if (b.size >= 2 && b.data[0] == 0x80 && b.data[1] >= 2 && b.data[1] <= 5)
    return "a Python pickle (e.g. a legacy PyTorch checkpoint)";
  // safetensors: an 8-byte little-endian header length, then a JSON header.
  if (b.size >= 10 && b.data[8] == '{') {
    std::uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= static_cast<std::uint64_t>(b.data[i]) << (8 * i);
    if (n >= 2 && n <= b.size - 8) return "a safetensors file";
  }
  return "";
}

std::string describeTextFile(Bytes b) {
  std::uint64_t n = b.size < 256 ? b.size : 256;
  if (n == 0) return "";
  for (std::uint64_t i = 0; i < n; ++i) {
    unsigned char c = b.data[i];
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return "";
    if (c == 0x7f) return "";
  }
  std::uint64_t i = 0;
  while (i < n && (b.data[i] == ' ' || b.data[i] == '\n' || b.data[i] == '\r' || b.data[i] == '\t')) ++i;
  std::string_view head(reinterpret_cast<const char*>(b.data + i), n - i);
  if (head.rfind("ir_version", 0) == 0 || head.rfind("<", 0) == 0)
    return "ONNX's text format (convert it to binary protobuf)";
  if (head.rfind("{", 0) == 0 || head.rfind("[", 0) == 0) return "a JSON document";
  return "a text file";
}

}  // namespace opscope::onnx
