#include "cuda/ShimArchive.h"

#include <sstream>

namespace opscope::cuda {
namespace {
constexpr std::string_view kMagic = "opscope-shim-archive 1\n";
}

std::string writeShimArchive(const ShimFiles& files) {
  std::string out(kMagic);
  for (const auto& [path, text] : files) {
    out += "@file " + path + " " + std::to_string(text.size()) + "\n";
    out += text;
    out += "\n";
  }
  return out;
}

std::optional<ShimFiles> readShimArchive(std::string_view text) {
  if (text.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  ShimFiles files;
  size_t pos = kMagic.size();
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || text.substr(pos, 6) != "@file ") return std::nullopt;
    std::string_view header = text.substr(pos + 6, eol - pos - 6);
    size_t space = header.rfind(' ');
    if (space == std::string_view::npos || space == 0) return std::nullopt;
    std::string path(header.substr(0, space));
    size_t size = 0;
    for (char c : header.substr(space + 1)) {
      if (c < '0' || c > '9') return std::nullopt;
      size = size * 10 + static_cast<size_t>(c - '0');
    }
    size_t start = eol + 1;
    if (start + size + 1 > text.size() || text[start + size] != '\n') return std::nullopt;
    files[path] = std::string(text.substr(start, size));
    pos = start + size + 1;
  }
  return files;
}

std::map<std::string, std::string> readShimManifest(const ShimFiles& files) {
  std::map<std::string, std::string> out;
  auto it = files.find(kShimManifest);
  if (it == files.end()) return out;
  std::istringstream in(it->second);
  std::string path, library;
  while (in >> path >> library) out.emplace(path, library);
  return out;
}

}  // namespace opscope::cuda
