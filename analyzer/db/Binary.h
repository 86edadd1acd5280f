// The compiled form of a Database: what the build makes of the built-in opdb YAML so that
// start-up reads it in milliseconds instead of parsing megabytes of YAML.
//
// Layout (little-endian, version kBinaryVersion): "OPDB" magic, u32 version, u32 string-pool
// size, the pool (every string once), then the tables, each a u32 count followed by records whose
// strings are (u32 offset, u32 length) references into the pool. The format is private to one
// build: the compiler and the reader are the same code, and a version mismatch is an error.
#pragma once

#include <string>
#include <string_view>

#include "db/Database.h"

namespace opscope::db {

inline constexpr unsigned kBinaryVersion = 4;

/// Writes `db` (every layer flattened into one, named after layer 0) in the compiled form.
std::string compileDatabase(const Database& db);

/// Reads a compiled database into an empty `db`: only the symbols and entries of `kinds` (an entry
/// of no kind of its own goes with its symbol), and always the platforms, ONNX opset tables and
/// hardware. On a malformed or foreign blob it returns false and says why in `error`; `db` is
/// then unspecified.
bool loadCompiled(std::string_view blob, Database& db, std::string& error, KindMask kinds = kAllKinds);

}  // namespace opscope::db
