#include "rewrite/Rules.h"

// Defined by the file analyzer/Embed.cmake generates from rules/cuda/*.yaml.
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_rule_files();

namespace opscope::rewrite {

const std::vector<db::SourceText>& builtinRuleFiles() {
  static const std::vector<db::SourceText> files = [] {
    std::vector<db::SourceText> out;
    for (const auto& [path, text] : opscope_rule_files()) out.push_back(db::SourceText{std::string(path), std::string(text)});
    return out;
  }();
  return files;
}

}  // namespace opscope::rewrite
