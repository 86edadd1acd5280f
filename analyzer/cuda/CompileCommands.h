// Compile commands for the frontend: read from a compilation database (compile_commands.json,
// as CMake and bear write it) and translated for a Clang parse. nvcc-only flags are translated
// (-x cu, -Xcompiler, --default-stream per-thread, -isystem=DIR) or dropped (-gencode, -arch,
// --expt-extended-lambda, -rdc, --use_fast_math, ...); flags Clang does not know are dropped; what
// was done is counted so the user gets one note, not one per file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cuda/CudaFrontend.h"

namespace opscope::cuda {

/// What translating command lines changed, flag by flag ("-gencode" -> times dropped).
struct FlagNotes {
  std::map<std::string, unsigned> translated;  // "-Xcompiler -fPIC -> -fPIC"
  std::map<std::string, unsigned> dropped;     // "-gencode (nvcc: GPU code generation)"
  /// One line for the user, or "" when nothing was changed.
  std::string summary() const;
};

struct TranslateOptions {
  /// Drop include directories of a CUDA toolkit (the bundled shims stand in for it).
  bool dropToolkitIncludes = true;
};

/// A command line (compiler first, as the database has it) made into Clang arguments for parsing
/// `file`: compiler replaced by clang/clang++, output, -c and input files removed, relative paths
/// made absolute against `directory`.
std::vector<std::string> translateCommand(const std::vector<std::string>& commandLine, const std::string& file,
                                          const std::string& directory, const TranslateOptions& options,
                                          FlagNotes& notes);

/// The compile commands of a database, by absolute source path (the first command of a file
/// wins). `path` is the JSON file or the directory holding compile_commands.json.
struct CompileDatabase {
  std::map<std::string, std::vector<std::string>> commands;  // file -> translated arguments
  FlagNotes notes;
};
std::optional<CompileDatabase> loadCompileDatabase(const std::string& path, const TranslateOptions& options,
                                                   std::string& error);

/// The common directory of the database's source files (the natural scan root).
std::string databaseRoot(const CompileDatabase& db);

}  // namespace opscope::cuda
