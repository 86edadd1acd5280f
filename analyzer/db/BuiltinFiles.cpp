// The built-in opdb: its YAML text and its compiled form, both embedded at build time.
#include <string_view>
#include <utility>

#include "db/Binary.h"
#include "db/Database.h"

// Defined by the files analyzer/Embed.cmake generates from opdb/**.yaml and from the compiled
// form opscope-opdb-compile writes.
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_opdb_files();
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_opdb_compiled();

namespace opscope::db {

const std::vector<SourceText>& builtinFiles() {
  static const std::vector<SourceText> files = [] {
    std::vector<SourceText> out;
    for (const auto& [path, text] : opscope_opdb_files()) out.push_back(SourceText{std::string(path), std::string(text)});
    return out;
  }();
  return files;
}

std::string_view builtinCompiled() {
  const auto& blobs = opscope_opdb_compiled();
  return blobs.empty() ? std::string_view() : blobs.front().second;
}

bool loadBuiltin(Database& db, std::vector<Diagnostic>& diags, KindMask kinds) {
  std::string error;
  if (loadCompiled(builtinCompiled(), db, error, kinds)) return true;
  diags.push_back({"<built-in opdb>", 1, 1, Diagnostic::Severity::Error, "the compiled opdb cannot be read: " + error});
  return false;
}

bool loadBuiltinYaml(Database& db, std::vector<Diagnostic>& diags) {
  return db.addLayer("builtin", builtinFiles(), diags);
}

}  // namespace opscope::db
