// Finding the files to scan under the paths the user gave.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/Model.h"

namespace opscope::scan {

struct DiscoveredInputs {
  std::string root;                      // absolute: the paths' common directory
  std::vector<std::string> sources;      // absolute C/C++/CUDA files (headers too), sorted
  std::vector<std::string> python;       // absolute .py files, sorted
  std::vector<std::string> onnx;         // absolute .onnx files, sorted
  /// Absolute build files by name (CMakeLists.txt, *.cmake, Makefiles, *.mk, *.sh; see
  /// scan/BuildFiles.h), sorted. Python builds (setup.py) are in `python`.
  std::vector<std::string> buildFiles;
  std::vector<std::string> includeDirs;  // absolute directories holding headers, sorted
  std::vector<InputFile> problems;       // files or directories that could not be read
  /// Headers this run must not parse on their own (only with --shard): they are reached through
  /// the units that include them, in whichever shard those are, or they belong to another shard.
  std::set<std::string> headersNotAlone;
  /// Files another shard reports (only with --shard), absolute. Python files stay in `python`
  /// all the same, because names resolve across the modules of the whole tree.
  std::set<std::string> notOwned;
};

/// Bounds on what one input may cost (README, "Limits").
struct InputLimits {
  /// C/C++/CUDA and Python files larger than this are not scanned (ONNX models are streamed and
  /// have their own bounds). 16 MiB is several times the largest hand-written or generated
  /// source file in big projects; a larger "source" is almost always data.
  std::uint64_t maxFileSize = std::uint64_t{16} << 20;
};

/// Walks `paths` (files or directories), leaving out files whose path relative to the root
/// matches one of `excludes` (glob: `*` and `?` cross directories, `[...]` and `{a,b}` work).
/// A path that does not exist or cannot be read throws UsageError naming it; problems deeper in
/// a tree (a directory that cannot be read, a symbolic-link loop, a file over the size limit)
/// are recorded in `problems`, paths relative to the root, and the walk goes on. Symbolic links
/// to files are followed, links to directories are not (so the walk always ends).
/// `onFile` (may be empty) is called for every file found, for progress reports.
DiscoveredInputs discoverInputs(const std::vector<std::string>& paths, const std::vector<std::string>& excludes = {},
                                const InputLimits& limits = {}, const std::function<void()>& onFile = {});

/// Keeps shard `k` of `n` (1-based): a deterministic share of the inputs chosen by a stable hash
/// of each path relative to the root, so a CI matrix can split a tree and merge the results.
/// Headers stay with the units that include them (found from #include lines); the rest are
/// sharded like any file. Throws UsageError unless 1 <= k <= n.
void keepShard(DiscoveredInputs& inputs, unsigned k, unsigned n);

}  // namespace opscope::scan
