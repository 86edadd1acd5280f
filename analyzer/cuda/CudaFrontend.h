// The C/C++/CUDA frontend: parses translation units with Clang (no CUDA toolkit needed: bundled
// declaration shims stand in for it), finds CUDA API uses, kernels, launches, device intrinsics,
// the PyTorch extension surface and porting hazards, and falls back to a lexical scan wherever
// parsing cannot vouch for the code.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/Model.h"
#include "core/SymbolCatalog.h"
#include "core/Tasks.h"

namespace opscope::cuda {

/// One file to scan and the compiler arguments to use for it (empty: inferred). Arguments are a
/// full command line (argv[0] first, no input file), already translated for Clang (see
/// CompileCommands.h).
/// Language of a C/C++/CUDA file by extension: "cuda", "c++", "c", or "" if not ours.
std::string languageOf(const std::string& path);

struct TranslationUnit {
  std::string file;  // absolute path
  std::vector<std::string> args;
  std::string language;  // "cuda", "c++" or "c" when not the file's extension's (languageOf)
};

/// The language a unit is parsed as: its own, else its file's.
inline std::string unitLanguage(const TranslationUnit& unit) {
  return unit.language.empty() ? languageOf(unit.file) : unit.language;
}

/// A symbol whose use raises a hazard: `pattern` is an exact symbol name or a prefix ending in '*'.
struct HazardTrigger {
  std::string hazard;
  std::string pattern;
};

/// A CUDA toolkit Clang can parse (see probeToolkit in Toolkit.h).
struct Toolkit {
  std::string path;         // the toolkit root (holds include/)
  std::string includeDir;   // its include directory
};

struct ScanOptions {
  std::string root;                      // absolute; findings outside it are not reported
  std::vector<std::string> includeDirs;  // absolute; added as -I to inferred arguments
  unsigned jobs = 0;                     // 0: all cores
  /// Headers never to parse on their own even when no unit of this run includes them (a sharded
  /// scan: another shard's units include them, or another shard owns them).
  std::set<std::string> headersNotAlone;
  /// Hazards raised by the use of symbols (from the rules data).
  std::vector<HazardTrigger> hazardTriggers;
  /// The code checks to run (ids from hazardChecks()) and the hazard each one raises. A check
  /// missing here does not run.
  std::map<std::string, std::string> checkHazards;
  /// Parse against this toolkit instead of the bundled shims (empty path: shims).
  Toolkit toolkit;
  /// Called once per unit when it is done (parsed, or a header found included by another unit),
  /// from any thread: units.size() calls in all.
  std::function<void()> onUnitDone;
  /// Files that exist only in memory (absolute path -> content), laid over the real file system
  /// for every parse and read (load_inline code strings).
  std::map<std::string, std::string> overlayFiles;
  /// Runs the parses (one task per unit; nullptr: threads of this process, no deadline). A unit
  /// whose task times out or crashes gets that status and its findings from the lexical scan.
  TaskRunner* runner = nullptr;
  /// Keeps each unit's result between runs (nullptr: none). An entry is keyed by the unit, its
  /// arguments, `cacheSalt` and the shims' version, and is used only while every file the unit
  /// read still has the content it had.
  ResultStore* cache = nullptr;
  /// What else the results depend on (opscope and opdb versions, rules): part of every cache key.
  std::string cacheSalt;
};

/// What scanning produced: one InputFile per unit (paths relative to root) and the findings,
/// de-duplicated across units (a header is reported once) and in canonical order.
struct ScanResult {
  std::vector<InputFile> inputs;
  std::vector<Finding> findings;
  /// The units Clang parsed in this run (absolute paths, sorted); the others came from the cache.
  std::vector<std::string> parsed;
  size_t fromCache = 0;
};

/// Scans the units in parallel; the result does not depend on `jobs`.
ScanResult scan(const std::vector<TranslationUnit>& units, const SymbolCatalog& catalog,
                const ScanOptions& options);

/// Writes what lets a plain `clang -fsyntax-only` repeat the semantic pass's parses: each unit's
/// exact clang arguments in DIR/compile_commands.json and, unless a toolkit is in use, the bundled
/// shims under DIR/shims (the arguments point there). The shims' on-demand forwarders for library
/// directories (thrust/..., cub/...) are not written. Returns "" on success, else what failed.
/// `opscope scan --export-clang-commands DIR` calls it before the scan.
std::string exportClangCommands(const std::vector<TranslationUnit>& units, const ScanOptions& options,
                                const std::string& dir);

/// A code check of the frontend: its id (the key of ScanOptions::checkHazards) and what it looks for.
struct HazardCheck {
  std::string id;
  std::string description;
};

/// Every code check the frontend has, in id order.
const std::vector<HazardCheck>& hazardChecks();


/// The bundled declaration shims, as (path relative to the shim root, content).
const std::vector<std::pair<std::string, std::string>>& shimFiles();

}  // namespace opscope::cuda
