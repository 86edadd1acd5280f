#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "scan/Files.h"

namespace opscope::scan {

std::optional<std::string> readSourceText(const std::string& root, const std::string& rel) {
  std::filesystem::path p = std::filesystem::path(rel).is_absolute() ? std::filesystem::path(rel) : std::filesystem::path(root) / rel;
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".opscope-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) throw UsageError{"cannot write '" + path + "': " + std::strerror(errno)};
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  // The content goes straight to the file: a report of a big tree can be hundreds of megabytes,
  // and holding it in memory first would double the scan's peak.
  std::ofstream out(name.data(), std::ios::binary | std::ios::trunc);
  write(out);
  out.flush();
  bool ok = static_cast<bool>(out);
  out.close();
  int sync = ::open(name.data(), O_RDONLY);
  ok = ok && sync >= 0 && ::fsync(sync) == 0;
  if (sync >= 0) ::close(sync);
  if (!ok || std::rename(name.data(), path.c_str()) != 0) {
    int e = errno;
    std::remove(name.data());
    throw UsageError{"cannot write '" + path + "': " + (ok ? std::strerror(e) : "write failed (disk full?)")};
  }
}

void writeFileAtomically(const std::string& path, const std::string& content) {
  writeFileAtomically(path, [&](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

std::string relativePath(const std::string& root, const std::string& path) {
  namespace fs = std::filesystem;
  if (root.empty()) return path;
  std::string rel = fs::path(path).lexically_relative(root).generic_string();
  if (rel.empty() || rel == "." || rel.rfind("..", 0) == 0) return path;
  return rel;
}

}  // namespace opscope::scan
