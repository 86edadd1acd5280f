// Runs the semantic pass over a batch of units: the largest first, through the scan's TaskRunner
// (worker processes with a deadline and a memory cap, or threads), each result kept in and taken
// from the ResultStore when every file it read is unchanged.
#pragma once

#include <string>
#include <vector>

#include "cuda/Passes.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace opscope::cuda {

class UnitScheduler {
 public:
  UnitScheduler(const SymbolCatalog& catalog, const ScanOptions& options, llvm::vfs::FileSystem& fs)
      : catalog_(catalog), options_(options), fs_(fs) {}

  /// One result per unit, in the batch's order. A unit whose parse timed out or crashed gets
  /// that status, and its whole file goes to the lexical pass.
  std::vector<UnitResult> run(const std::vector<const TranslationUnit*>& batch);

  std::vector<std::string> parsed;  // units parsed by Clang in this run
  size_t fromCache = 0;             // units whose result came from the cache

 private:
  std::string keyOf(const TranslationUnit& unit) const;
  /// The content hash of a file as the scan sees it ("" when it cannot be read), once per run.
  const std::string& fileHash(const std::string& path);
  std::optional<UnitResult> cached(const std::string& key);
  void keep(const std::string& key, const UnitResult& result);

  const SymbolCatalog& catalog_;
  const ScanOptions& options_;
  llvm::vfs::FileSystem& fs_;
  std::map<std::string, std::string> hashes_;
};

/// A hash of the bundled shims' content (part of every cache key).
const std::string& shimVersion();

}  // namespace opscope::cuda
