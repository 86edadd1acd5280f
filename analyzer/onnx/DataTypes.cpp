#include "onnx/DataTypes.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace opscope::onnx {
namespace {

struct TypeRow {
  std::int32_t code;
  const char* name;       // ONNX's name
  const char* shortName;  // opdb constraint name
  unsigned bits;
  bool floating;
};

// TensorProto.DataType of onnx.proto (IR version 13).
constexpr TypeRow kTypes[] = {
    {dtype::kUndefined, "undefined", "undefined", 0, false},
    {dtype::kFloat, "float", "fp32", 32, true},
    {dtype::kUint8, "uint8", "uint8", 8, false},
    {dtype::kInt8, "int8", "int8", 8, false},
    {dtype::kUint16, "uint16", "uint16", 16, false},
    {dtype::kInt16, "int16", "int16", 16, false},
    {dtype::kInt32, "int32", "int32", 32, false},
    {dtype::kInt64, "int64", "int64", 64, false},
    {dtype::kString, "string", "string", 0, false},
    {dtype::kBool, "bool", "bool", 8, false},
    {dtype::kFloat16, "float16", "fp16", 16, true},
    {dtype::kDouble, "double", "fp64", 64, true},
    {dtype::kUint32, "uint32", "uint32", 32, false},
    {dtype::kUint64, "uint64", "uint64", 64, false},
    {dtype::kComplex64, "complex64", "complex64", 64, false},
    {dtype::kComplex128, "complex128", "complex128", 128, false},
    {dtype::kBfloat16, "bfloat16", "bf16", 16, true},
    {dtype::kFloat8E4M3FN, "float8e4m3fn", "fp8e4m3fn", 8, true},
    {dtype::kFloat8E4M3FNUZ, "float8e4m3fnuz", "fp8e4m3fnuz", 8, true},
    {dtype::kFloat8E5M2, "float8e5m2", "fp8e5m2", 8, true},
    {dtype::kFloat8E5M2FNUZ, "float8e5m2fnuz", "fp8e5m2fnuz", 8, true},
    {dtype::kUint4, "uint4", "uint4", 4, false},
    {dtype::kInt4, "int4", "int4", 4, false},
    {dtype::kFloat4E2M1, "float4e2m1", "fp4e2m1", 4, true},
    {dtype::kFloat8E8M0, "float8e8m0", "fp8e8m0", 8, true},
    {dtype::kUint2, "uint2", "uint2", 2, false},
    {dtype::kInt2, "int2", "int2", 2, false},
};

const TypeRow* row(std::int32_t code) {
  if (code < 0 || static_cast<size_t>(code) >= std::size(kTypes)) return nullptr;
  return &kTypes[code];
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string dataTypeName(std::int32_t code) {
  if (const TypeRow* r = row(code)) return r->name;
  return "dtype(" + std::to_string(code) + ")";
}

std::string shortDataTypeName(std::int32_t code) {
  if (const TypeRow* r = row(code)) return r->shortName;
  return "dtype(" + std::to_string(code) + ")";
}

unsigned dataTypeBits(std::int32_t code) {
  const TypeRow* r = row(code);
  return r ? r->bits : 0;
}

bool isFloatingType(std::int32_t code) {
  const TypeRow* r = row(code);
  return r && r->floating;
}

bool isFloat8Type(std::int32_t code) {
  return code == dtype::kFloat8E4M3FN || code == dtype::kFloat8E4M3FNUZ || code == dtype::kFloat8E5M2 ||
         code == dtype::kFloat8E5M2FNUZ || code == dtype::kFloat8E8M0;
}

std::uint64_t dataTypeBytes(std::int32_t code, std::uint64_t elements) {
  unsigned bits = dataTypeBits(code);
  if (bits == 0) return 0;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  if (elements > kMax / bits) return kMax / 8;
  return (elements * bits + 7) / 8;
}

bool dataTypeMatches(std::string_view constraintName, std::int32_t code) {
  const TypeRow* r = row(code);
  if (!r) return false;
  std::string want = lower(constraintName);
  if (want.rfind("tensor(", 0) == 0 && want.back() == ')') want = want.substr(7, want.size() - 8);
  if (want == r->name || want == r->shortName) return true;
  // Common spellings in vendor tables.
  if (want == "fp8" || want == "float8") return isFloat8Type(code) && code != dtype::kFloat8E8M0;
  if (want == "float32" || want == "f32") return code == dtype::kFloat;
  if (want == "half" || want == "f16") return code == dtype::kFloat16;
  if (want == "bfloat" || want == "bf16") return code == dtype::kBfloat16;
  if (want == "float64" || want == "f64") return code == dtype::kDouble;
  if (want == "fp4" || want == "float4") return code == dtype::kFloat4E2M1;
  return false;
}

}  // namespace opscope::onnx
