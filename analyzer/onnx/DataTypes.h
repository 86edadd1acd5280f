// ONNX tensor element types (TensorProto.DataType codes of onnx.proto) and their sizes and names.
// Codes stay plain integers so a model written by a newer ONNX (a code this table does not know)
// is still read; such a type prints as "dtype(N)" and has no known width.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace opscope::onnx {

/// TensorProto.DataType codes used in type rules; the full list lives in DataTypes.cpp.
namespace dtype {
inline constexpr std::int32_t kUndefined = 0, kFloat = 1, kUint8 = 2, kInt8 = 3, kUint16 = 4, kInt16 = 5, kInt32 = 6,
                              kInt64 = 7, kString = 8, kBool = 9, kFloat16 = 10, kDouble = 11, kUint32 = 12,
                              kUint64 = 13, kComplex64 = 14, kComplex128 = 15, kBfloat16 = 16, kFloat8E4M3FN = 17,
                              kFloat8E4M3FNUZ = 18, kFloat8E5M2 = 19, kFloat8E5M2FNUZ = 20, kUint4 = 21, kInt4 = 22,
                              kFloat4E2M1 = 23, kFloat8E8M0 = 24, kUint2 = 25, kInt2 = 26;
}  // namespace dtype

/// ONNX's lower-case name ("float", "bfloat16", "float8e4m3fn"); "dtype(N)" for unknown codes.
std::string dataTypeName(std::int32_t code);

/// The short name the opdb uses in constraints ("fp32", "bf16", "fp8e4m3fn", "int64").
std::string shortDataTypeName(std::int32_t code);

/// Bits per element; 0 for strings, undefined and unknown codes.
unsigned dataTypeBits(std::int32_t code);

/// True for the floating-point element types (every float, bfloat and float8/float4 variant).
bool isFloatingType(std::int32_t code);

/// True for the 8-bit float variants (float8e4m3fn, ...e5m2, ...fnuz, e8m0).
bool isFloat8Type(std::int32_t code);

/// Bytes that `elements` values of the type occupy (sub-byte types rounded up); 0 when the width
/// is unknown. Saturates instead of overflowing.
std::uint64_t dataTypeBytes(std::int32_t code, std::uint64_t elements);

/// True when an opdb constraint's dtype name (fp16, bf16, float16, FP8, int8, ...) admits `code`.
/// Names compare case-insensitively; "fp8" admits every 8-bit float variant.
bool dataTypeMatches(std::string_view constraintName, std::int32_t code);

}  // namespace opscope::onnx
