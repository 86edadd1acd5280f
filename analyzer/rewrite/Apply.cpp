#include "rewrite/Apply.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "llvm/Support/SHA256.h"
#include "llvm/ADT/StringExtras.h"

namespace opscope::rewrite {
namespace fs = std::filesystem;
namespace {

std::optional<std::string> readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool writeAll(int fd, const std::string& content) {
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

WriteResult refused(const std::string& path, const std::string& why) {
  return WriteResult{WriteResult::Status::Refused, path, why};
}

}  // namespace

std::string contentHash(std::string_view text) {
  llvm::SHA256 h;
  h.update(llvm::StringRef(text.data(), text.size()));
  auto digest = h.final();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

bool isUnder(const std::string& path, const std::string& root) {
  fs::path r = fs::path(root).lexically_normal();
  fs::path p = fs::path(path).lexically_normal();
  auto rel = p.lexically_relative(r);
  return !rel.empty() && *rel.begin() != ".." && !rel.is_absolute();
}

WriteResult writeInPlace(const std::string& path, const std::string& scannedHash, const std::string& content,
                         const InPlaceOptions& options) {
  std::error_code ec;
  // The real file behind any symlinks: that is what gets replaced, so a link stays a link.
  fs::path real = fs::canonical(path, ec);
  if (ec) return refused(path, "cannot resolve: " + ec.message());
  bool inside = false;
  for (const std::string& root : options.roots) {
    fs::path r = fs::canonical(root, ec);
    if (!ec && (isUnder(real.string(), r.string()) || real == r)) inside = true;
  }
  if (!inside) return refused(path, "resolves to " + real.string() + ", outside the scanned roots: not touched");
  struct stat st {};
  if (::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return refused(path, "not a regular file");
  auto current = readAll(real);
  if (!current) return refused(path, "cannot read it back");
  if (contentHash(*current) != scannedHash) return refused(path, "changed since it was scanned: not rewritten (scan again)");
  if (*current == content) return WriteResult{WriteResult::Status::Unchanged, path, ""};

  std::string tmpl = (real.parent_path() / ("." + real.filename().string() + ".opscope-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) return refused(path, std::string("cannot create a temporary file beside it: ") + std::strerror(errno));
  std::string tmp(name.data());
  auto fail = [&](const std::string& why) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    return refused(path, why);
  };
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail(std::string("cannot set the mode: ") + std::strerror(errno));
  if (!writeAll(fd, content) || ::fsync(fd) != 0) return fail(std::string("cannot write: ") + std::strerror(errno));
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail(std::string("cannot write: ") + std::strerror(errno));
  if (options.beforeRename) {
    try {
      options.beforeRename(tmp, real.string());
    } catch (const std::exception& e) {
      return fail(std::string("interrupted before the rename: ") + e.what());
    }
  }
  if (::rename(tmp.c_str(), real.c_str()) != 0) return fail(std::string("cannot rename into place: ") + std::strerror(errno));
  return WriteResult{WriteResult::Status::Written, path, ""};
}

std::vector<WriteResult> writeTreeCopy(const std::string& root, const std::string& outDir,
                                       const std::map<std::string, std::string>& rewritten, std::string& error) {
  std::vector<WriteResult> results;
  std::error_code ec;
  fs::path base = fs::canonical(root, ec);
  if (ec) {
    error = "cannot resolve " + root + ": " + ec.message();
    return results;
  }
  fs::path out = fs::absolute(outDir, ec).lexically_normal();
  if (isUnder(out.string(), base.string()) || out == base) {
    error = "--out-dir " + outDir + " is inside the scanned tree " + base.string();
    return results;
  }
  if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec))) {
    error = "--out-dir " + outDir + " exists and is not an empty directory";
    return results;
  }
  fs::create_directories(out, ec);
  if (ec) {
    error = "cannot create " + outDir + ": " + ec.message();
    return results;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) continue;
    files.push_back(it->path());
  }
  if (ec) {
    error = "cannot walk " + base.string() + ": " + ec.message();
    return results;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::string rel = p.lexically_relative(base).generic_string();
    fs::path real = fs::canonical(p, ec);
    if (ec || !isUnder(real.string(), base.string())) {
      results.push_back(refused(rel, "a symlink out of the scanned tree: left out of the copy"));
      ec.clear();
      continue;
    }
    if (!fs::is_regular_file(real, ec)) continue;
    fs::path target = out / rel;
    fs::create_directories(target.parent_path(), ec);
    auto it = rewritten.find(rel);
    std::optional<std::string> content = it != rewritten.end() ? std::optional<std::string>(it->second) : readAll(real);
    struct stat st {};
    if (!content || ::stat(real.c_str(), &st) != 0) {
      results.push_back(refused(rel, "cannot read it"));
      continue;
    }
    int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL, st.st_mode & 07777);
    bool ok = fd >= 0 && writeAll(fd, *content);
    int e = errno;
    if (fd >= 0 && ::close(fd) != 0 && ok) {
      ok = false;
      e = errno;
    }
    if (!ok) {
      results.push_back(refused(rel, std::string("cannot write the copy: ") + std::strerror(e)));
      continue;
    }
    ::chmod(target.c_str(), st.st_mode & 07777);
    results.push_back(WriteResult{it != rewritten.end() ? WriteResult::Status::Written : WriteResult::Status::Unchanged, rel, ""});
  }
  return results;
}

}  // namespace opscope::rewrite
