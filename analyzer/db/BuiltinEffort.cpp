// The built-in effort weights: rules/effort.yaml, embedded at build time.
#include <stdexcept>
#include <string_view>
#include <utility>

#include "db/EffortModel.h"

// Defined by the file analyzer/Embed.cmake generates from rules/effort.yaml.
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_effort_files();

namespace opscope::db {

const SourceText& builtinEffortFile() {
  static const SourceText file = [] {
    const auto& files = opscope_effort_files();
    if (files.empty()) return SourceText{"rules/effort.yaml", ""};
    return SourceText{std::string(files.front().first), std::string(files.front().second)};
  }();
  return file;
}

const EffortModel& builtinEffortModel() {
  static const EffortModel model = [] {
    std::vector<Diagnostic> diags;
    std::optional<EffortModel> m = loadEffortModel(builtinEffortFile(), {}, diags);
    // The build's test checks the file; a broken one yields no plans rather than a crash.
    return m ? *m : EffortModel{builtinEffortFile().path, {}};
  }();
  return model;
}

}  // namespace opscope::db
