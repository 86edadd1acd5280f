#include "cuda/ShimArchive.h"

#include <sstream>
#include <vector>

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

namespace {

/// The manifest's lines split into words.
std::vector<std::vector<std::string>> manifestLines(const ShimFiles& files) {
  std::vector<std::vector<std::string>> out;
  auto it = files.find(kShimManifest);
  if (it == files.end()) return out;
  std::istringstream in(it->second);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    if (!w.empty()) out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> readShimManifest(const ShimFiles& files) {
  std::map<std::string, std::string> out;
  for (const auto& w : manifestLines(files))
    if (w.size() == 2 && w[0] != "@dir") out.emplace(w[0], w[1]);
  return out;
}

std::map<std::string, std::string> readShimDirectoryRules(const ShimFiles& files) {
  std::map<std::string, std::string> out;
  for (const auto& w : manifestLines(files))
    if (w.size() == 3 && w[0] == "@dir") out.emplace(w[1], w[2]);
  return out;
}

std::map<std::string, ShimName> readShimNames(const ShimFiles& files) {
  std::map<std::string, ShimName> out;
  for (const auto& w : manifestLines(files))
    if (w.size() == 4 && w[0] == "@name") out.emplace(w[3], ShimName{w[1], w[2] == "-" ? "" : w[2]});
  return out;
}

}  // namespace opscope::cuda
