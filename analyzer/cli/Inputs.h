// Finding the files to scan under the paths the user gave.
#pragma once

#include <string>
#include <vector>

#include "core/Model.h"

namespace opscope::cli {

struct DiscoveredInputs {
  std::string root;                      // absolute: the paths' common directory
  std::vector<std::string> sources;      // absolute C/C++/CUDA files, sorted
  std::vector<std::string> includeDirs;  // absolute directories holding headers, sorted
  std::vector<InputFile> problems;       // files or directories that could not be read
};

/// Walks `paths` (files or directories). A path that does not exist or cannot be read throws
/// UsageError naming it; problems deeper in a tree are recorded and the walk goes on.
DiscoveredInputs discoverInputs(const std::vector<std::string>& paths);

}  // namespace opscope::cli
