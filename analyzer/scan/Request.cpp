#include "scan/Request.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "scan/Files.h"

namespace opscope::scan {

void applyProjectConfig(ScanRequest& request) {
  if (request.noConfig || request.paths.empty()) return;
  std::error_code ec;
  std::filesystem::path first = std::filesystem::absolute(request.paths.front(), ec);
  request.config = findProjectConfig(std::filesystem::is_directory(first, ec) ? first.string() : first.parent_path().string());
  if (!request.config) return;
  const ProjectConfig& config = *request.config;
  if (request.targets.empty())
    for (const std::string& t : config.targets) request.targets += (request.targets.empty() ? "" : ",") + t;
  auto before = [](std::vector<std::string>& into, const std::vector<std::string>& first) {
    into.insert(into.begin(), first.begin(), first.end());
  };
  before(request.overlays, config.db);
  before(request.excludes, config.exclude);
  before(request.ruleFiles, config.rules);
  before(request.failUnder, config.failUnder);
  before(request.failOn, config.failOn);
  if (request.baseline.empty()) request.baseline = config.baseline;
}

std::uint64_t parseByteSize(const std::string& option, const std::string& text) {
  std::uint64_t value = 0;
  size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (value > (UINT64_MAX - 9) / 10) throw UsageError{option + " '" + text + "': too large"};
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  unsigned shift = 0;
  if (i + 1 == text.size()) {
    char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    shift = unit == 'K' ? 10 : unit == 'M' ? 20 : unit == 'G' ? 30 : 64;
    ++i;
  }
  if (i == 0 || i != text.size() || shift == 64 || (shift && value > (UINT64_MAX >> shift)) || value == 0)
    throw UsageError{option + " '" + text + "': expected a positive number of bytes, optionally with K, M or G"};
  return value << shift;
}

std::string cacheDirectory(const ScanRequest& request) {
  if (!request.cacheDir.empty()) return request.cacheDir;
  if (const char* dir = std::getenv("OPSCOPE_CACHE"); dir && *dir) return std::string(dir) + "/results";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : "/tmp") + "/.cache/opscope/results";
}

}  // namespace opscope::scan
