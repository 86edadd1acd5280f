// Helpers shared by the ONNX tests: reading models from bytes in memory.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <variant>

#include "onnx/Reader.h"

namespace opscope::onnx::testing {

inline Bytes bytesOf(const std::string& s) {
  return Bytes{reinterpret_cast<const std::uint8_t*>(s.data()), s.size(), 0};
}

/// External-data files that exist, by full path, and their sizes.
inline ReadOptions withFiles(std::map<std::string, std::uint64_t> files) {
  ReadOptions o;
  o.fileSize = [files](const std::string& path) -> std::optional<std::uint64_t> {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  return o;
}

inline ReadResult read(const std::string& bytes, const ReadOptions& options = withFiles({})) {
  return readModel(bytesOf(bytes), "m.onnx", "/models", options);
}

inline ModelInfo readOk(const std::string& bytes, const ReadOptions& options = withFiles({})) {
  ReadResult r = read(bytes, options);
  if (const ReadError* e = std::get_if<ReadError>(&r)) {
    ADD_FAILURE() << e->str();
    return {};
  }
  return std::get<ModelInfo>(std::move(r));
}

inline ReadError readFails(const std::string& bytes, const ReadOptions& options = withFiles({})) {
  ReadResult r = read(bytes, options);
  if (const ReadError* e = std::get_if<ReadError>(&r)) return *e;
  ADD_FAILURE() << "expected a read error";
  return {};
}

}  // namespace opscope::onnx::testing
