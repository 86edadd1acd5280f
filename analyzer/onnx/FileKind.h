// Recognising files that are not ONNX models, so that a wrong input gets a useful error
// ("this is a ZIP archive") instead of a wire-format complaint deep inside it.
#pragma once

#include <string>

#include "onnx/Wire.h"

namespace opscope::onnx {

/// A description such as "a ZIP archive (PyTorch .pt/.pth checkpoints are ZIP archives)" when
/// the bytes start with the signature of a known non-ONNX format; "" otherwise. Only signatures
/// that no ModelProto can start with are used.
std::string describeForeignFile(Bytes bytes);

/// "a text file", "a JSON document" or "ONNX's text format" when the first bytes are printable
/// text; "" otherwise. Used to explain a parse error, never to reject a file by itself.
std::string describeTextFile(Bytes bytes);

}  // namespace opscope::onnx
