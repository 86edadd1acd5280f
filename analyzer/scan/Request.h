// A scan request: everything one scan needs to know, built once from the command line and the
// project's `.opscope.yaml` (the file first, the command line on top). `scan`, `rewrite` and the
// tests build one and hand it to the pipeline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scan/Config.h"
#include "python/Rules.h"
#include "scan/Inputs.h"

namespace opscope::scan {

struct ScanRequest {
  std::vector<std::string> paths;        // files or directories to scan
  std::string targets;                   // "ascend,dcu"; "" or "all": every platform
  std::vector<std::string> overlays;     // opdb overlay files, in layer order
  std::vector<std::string> ruleFiles;    // hazard, python and rewrite rule files over the built-in ones
  std::vector<std::string> excludes;     // globs on paths relative to the scan root
  unsigned jobs = 0;                     // parallel parses; 0: all cores
  std::string shard;                     // "K/N", or "" for the whole tree
  std::string compileCommands;           // -p: compile_commands.json or its directory
  std::string cudaPath;                  // --cuda-path
  std::string exportClangCommands;       // --export-clang-commands DIR
  InputLimits inputLimits;
  unsigned maxSyntaxDepth = 1000;        // Python syntax trees
  unsigned maxOnnxDepth = 64;            // ONNX subgraph nesting
  /// Each C/C++/CUDA parse runs in a worker process with this deadline (seconds; 0: none) and
  /// address-space cap (bytes; 0: none). A unit past either gets status timeout or crashed.
  double unitTimeoutSeconds = 60;
  std::uint64_t unitMemoryBytes = std::uint64_t{8} << 30;
  /// The result cache: off with --no-cache; its directory ("" : $OPSCOPE_CACHE/results, else
  /// ~/.cache/opscope/results) and its size bound (least recently used entries go first).
  bool cache = true;
  std::string cacheDir;
  std::uint64_t cacheMaxBytes = std::uint64_t{2} << 30;
  /// How ported scripts get the vendor's names: explicit renames (.npu(), 'npu') or the vendor's
  /// run-time migration import (transfer_to_npu); one per run.
  python::PortStrategy importStrategy = python::PortStrategy::Explicit;
  bool noConfig = false;                 // ignore .opscope.yaml
  // The gate settings the project file gives (the CLI adds its own options to these).
  std::vector<std::string> failUnder, failOn;
  std::string baseline;
  std::optional<ProjectConfig> config;   // the .opscope.yaml that applied, if any
};

/// Finds the nearest `.opscope.yaml` above the first path (unless noConfig) and puts its
/// settings under the request's: targets when none were given, overlays, excludes, rules and
/// gate conditions before the command line's, the baseline when none was given. Throws
/// UsageError for a config file with errors.
void applyProjectConfig(ScanRequest& request);

/// "16M" -> 16777216: a positive byte count with an optional K, M or G (powers of 1024) suffix.
/// Throws UsageError naming `option` otherwise.
std::uint64_t parseByteSize(const std::string& option, const std::string& text);

/// The directory of the result cache for a request.
std::string cacheDirectory(const ScanRequest& request);

}  // namespace opscope::scan
