#include "scan/Cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "llvm/ADT/StringExtras.h"
#include "core/Serialize.h"
#include "llvm/Support/BLAKE3.h"

namespace opscope::scan {
namespace fs = std::filesystem;
namespace {

// An entry: this tag, the record format (core/Serialize.h), the payload's BLAKE3 digest (32 hex
// digits), its length, a newline, the payload. A file that does not have exactly this shape, or
// was written in another record format, is not read (and is replaced).
constexpr std::string_view kTag = "opscope-cache-1 ";


std::string digest(std::string_view payload) {
  llvm::BLAKE3 h;
  h.update(llvm::StringRef(payload.data(), payload.size()));
  return llvm::toHex(h.final<16>(), /*LowerCase=*/true);
}

std::string header(std::string_view payload) {
  static const std::string format = recordFormat();
  return format + " " + digest(payload) + " " + std::to_string(payload.size());
}

bool validKey(std::string_view key) {
  return !key.empty() && key.size() < 200 &&
         std::all_of(key.begin(), key.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

}  // namespace

DiskCache::~DiskCache() {
  if (stored_) trim();
}

std::string DiskCache::pathOf(std::string_view key) const {
  std::string k(key);
  return dir_ + "/" + k.substr(k.size() > 2 ? k.size() - 2 : 0) + "/" + k;
}

std::optional<std::string> DiskCache::load(std::string_view key) {
  if (!validKey(key)) return std::nullopt;
  std::string path = pathOf(key);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  std::string entry = text.str();
  size_t newline = entry.find('\n');
  std::string expected;
  if (newline != std::string::npos && entry.compare(0, kTag.size(), kTag) == 0) {
    std::string_view payload = std::string_view(entry).substr(newline + 1);
    if (entry.compare(kTag.size(), newline - kTag.size(), header(payload)) == 0) {
      ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // used now: the last to be evicted
      return std::string(payload);
    }
  }
  std::error_code ec;
  fs::remove(path, ec);  // corrupt: rebuilt by the caller
  return std::nullopt;
}

void DiskCache::store(std::string_view key, std::string_view value) {
  if (!validKey(key)) return;
  std::string path = pathOf(key);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return;
  std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(&value));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << kTag << header(value) << "\n";
    out.write(value.data(), static_cast<std::streamsize>(value.size()));
    out.flush();
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    fs::remove(tmp, ec);
    return;
  }
  std::lock_guard lock(mutex_);
  stored_ = true;
}

size_t DiskCache::trim() {
  std::lock_guard lock(mutex_);
  struct Item {
    fs::path path;
    std::uint64_t size;
    fs::file_time_type used;
  };
  std::vector<Item> items;
  std::uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    Item item{it->path(), it->file_size(ec), it->last_write_time(ec)};
    if (ec) {
      ec.clear();
      continue;
    }
    total += item.size;
    items.push_back(std::move(item));
  }
  if (total <= maxBytes_) return 0;
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.used < b.used; });
  size_t removed = 0;
  // Down to 90 % of the bound, so that a cache at its limit is not trimmed on every run.
  for (const Item& item : items) {
    if (total <= maxBytes_ / 10 * 9) break;
    if (fs::remove(item.path, ec)) {
      total -= item.size;
      ++removed;
    }
  }
  return removed;
}

}  // namespace opscope::scan
