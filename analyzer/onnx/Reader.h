// The streaming ONNX reader: decodes a ModelProto's wire format directly from a read-only
// mapping of the file, walks the main graph, every subgraph at any depth, local functions and
// training graphs, and records tensors' metadata without reading their payloads. External data
// is checked (the file exists and is long enough) but never opened.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "onnx/ModelInfo.h"
#include "onnx/Wire.h"

namespace opscope::onnx {

/// Why a model could not be read: the file, the absolute byte offset of the problem, what was
/// wrong there, and where in the model the reader was ("graph 'main' › node 'If_3' (If) › ...").
struct ReadError {
  std::string file;
  std::uint64_t offset = 0;
  std::string message;
  std::string context;

  /// "FILE: byte OFFSET: MESSAGE (in CONTEXT)", the one-line form the CLI prints.
  std::string str() const;
};

struct ReadOptions {
  /// Subgraphs nested deeper than this are refused: protobuf's own parser stops at 100 nested
  /// messages (about 33 levels of If/Loop), so no real exporter writes deeper models.
  unsigned maxSubgraphDepth = 64;
  /// Any other message nesting (TypeProto inside TypeProto, ...) deeper than this is refused.
  unsigned maxMessageDepth = 256;
  /// The size of an external-data file, or nullopt when it does not exist or cannot be read.
  /// Empty means "ask the file system" (stat).
  std::function<std::optional<std::uint64_t>(const std::string& path)> fileSize;
};

/// A model, or why it could not be read.
using ReadResult = std::variant<ModelInfo, ReadError>;

/// Reads a model from bytes in memory. `path` names it in errors and in ModelInfo; external data
/// locations are resolved against `directory`.
ReadResult readModel(Bytes bytes, const std::string& path, const std::string& directory,
                     const ReadOptions& options = {});

/// Maps `path` read-only and reads it. A file that cannot be opened is a ReadError at byte 0.
ReadResult readModelFile(const std::string& path, const ReadOptions& options = {});

}  // namespace opscope::onnx
