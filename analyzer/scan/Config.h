// `.opscope.yaml`: a project's scan settings, found upward from the scan root. Command-line
// options add to it or override it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace opscope::scan {

struct ProjectConfig {
  std::string path;                     // the file it came from
  std::vector<std::string> targets;     // platform ids
  std::vector<std::string> failUnder;   // "PLATFORM=PERCENT"
  std::vector<std::string> failOn;      // as --fail-on
  std::vector<std::string> exclude;     // glob patterns on paths relative to the scan root
  std::vector<std::string> db;          // overlay files, absolute
  std::vector<std::string> rules;       // rule files, absolute
  std::string baseline;                 // absolute
  // As the options of the same names; a command-line option wins. Empty: not set.
  std::string importStrategy;           // import_strategy: explicit or runtime
  std::string unitTimeout;              // unit_timeout: seconds
  std::string unitMemory;               // unit_memory: bytes, optionally with K, M or G
};

/// The nearest `.opscope.yaml` in `dir` or its parents, or nullopt. A file with errors throws
/// UsageError listing them as FILE:LINE:COLUMN.
std::optional<ProjectConfig> findProjectConfig(const std::string& dir);

/// Reads one config file (exposed for tests).
ProjectConfig readProjectConfig(const std::string& path, const std::string& text);

}  // namespace opscope::scan
