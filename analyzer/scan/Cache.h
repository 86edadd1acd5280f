// The result cache on disk: one file per entry under a directory, written atomically, checked
// on every read (a corrupt or truncated entry is ignored and rebuilt), bounded in size with the
// least recently used entries evicted first.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "core/Tasks.h"

namespace opscope::scan {

class DiskCache : public ResultStore {
 public:
  /// `dir` is created when the first entry is stored. `maxBytes` bounds the entries' total size.
  DiskCache(std::string dir, std::uint64_t maxBytes) : dir_(std::move(dir)), maxBytes_(maxBytes) {}
  /// Evicts least recently used entries until the total fits the bound again.
  ~DiskCache() override;

  std::optional<std::string> load(std::string_view key) override;
  void store(std::string_view key, std::string_view value) override;

  /// Removes entries, oldest use first, until they take at most `maxBytes`; returns how many.
  size_t trim();

 private:
  std::string pathOf(std::string_view key) const;
  std::string dir_;
  std::uint64_t maxBytes_;
  std::mutex mutex_;
  bool stored_ = false;
};

}  // namespace opscope::scan
