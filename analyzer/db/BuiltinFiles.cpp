#include "db/Database.h"

#include <string_view>
#include <utility>

// Defined by the file analyzer/Embed.cmake generates from opdb/**.yaml.
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_opdb_files();

namespace opscope::db {

const std::vector<SourceText>& builtinFiles() {
  static const std::vector<SourceText> files = [] {
    std::vector<SourceText> out;
    for (const auto& [path, text] : opscope_opdb_files())
      out.push_back(SourceText{std::string(path), std::string(text)});
    return out;
  }();
  return files;
}

}  // namespace opscope::db
