// The coverage database: platforms, the source-side symbol universe, and per-platform answers,
// read from opdb YAML files (format v1, opdb/README.md) in layers that override each other.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/Model.h"

namespace opscope::db {

/// One problem found while reading an opdb file, at FILE:LINE:COLUMN.
struct Diagnostic {
  enum class Severity { Error, Warning };
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  Severity severity = Severity::Error;
  std::string message;

  /// "FILE:LINE:COLUMN: error: message", the form compilers use.
  std::string str() const;
};

/// Where a fact came from: a repository at a commit, or a document.
struct Provenance {
  std::string id, title, repository, commit, url, path, date, license;
  /// "<title> (<repository>@<short commit>[/path] | <url>), <date>"
  std::string describe() const;
};

/// A source-side symbol of the universe (kind: symbols files).
struct SymbolInfo {
  std::string name;
  SymbolKind kind = SymbolKind::Function;
  std::string library;
  std::string category;
  std::string header, added, deprecated, removed;
  std::shared_ptr<const Provenance> source;
};

/// Constraints under which an answer holds.
struct Constraints {
  std::vector<std::string> dtypes;
  std::optional<int> opsetMin, opsetMax;
  std::string sdk;
};

/// One platform's answer for one symbol (kind: coverage files).
struct Entry {
  std::string symbol;
  CoverageStatus status = CoverageStatus::Unknown;
  std::string target, note, category, effort;
  std::string fileCategory;  // the file's default, used when neither entry nor symbol has one
  std::optional<SymbolKind> kind;
  std::string library;
  Constraints constraints;
  Confidence confidence = Confidence::Inferred;
  std::shared_ptr<const Provenance> source;
  unsigned layer = 0;  // index into Database::layers()
  std::string file;    // the file that holds it
  unsigned line = 0;
};

/// A file's name and content; the loader never touches the file system itself.
struct SourceText {
  std::string path;
  std::string text;
};

/// The layered coverage database. Layer 0 is the built-in opdb; each overlay adds one on top.
class Database {
 public:
  /// Reads `files` as a new layer named `layerName`. Every problem goes to `diags`; a file with
  /// errors contributes nothing, the other files still load. Returns false if any error was found.
  bool addLayer(std::string layerName, const std::vector<SourceText>& files,
                std::vector<Diagnostic>& diags);

  const std::vector<Platform>& platforms() const { return platforms_; }
  const Platform* platform(std::string_view id) const;
  const std::string& version() const { return version_; }
  const std::vector<std::string>& layers() const { return layers_; }

  const SymbolInfo* symbol(std::string_view name) const;
  const std::unordered_map<std::string, SymbolInfo>& symbols() const { return symbols_; }

  /// The deciding entry for (platform, symbol), or nullptr when no layer says anything.
  const Entry* entry(std::string_view platform, std::string_view symbol) const;
  /// Every entry of one platform, keyed by symbol.
  const std::unordered_map<std::string, Entry>* entries(std::string_view platform) const;

  /// The answer reports show: the deciding entry, or plain `unknown` when there is none.
  Coverage lookup(std::string_view platform, std::string_view symbol) const;

  /// The category of an entry: its own, else its symbol's, else its file's, else "uncategorized".
  std::string categoryOf(const Entry& e) const;

 private:
  friend class Loader;
  std::string version_;
  std::vector<Platform> platforms_;
  std::vector<std::string> layers_;
  std::unordered_map<std::string, SymbolInfo> symbols_;
  std::unordered_map<std::string, std::unordered_map<std::string, Entry>> entries_;
};

/// The opdb files compiled into the binary (opdb/**.yaml at build time).
const std::vector<SourceText>& builtinFiles();

/// Loads the built-in opdb as layer "builtin". Errors go to `diags`.
bool loadBuiltin(Database& db, std::vector<Diagnostic>& diags);

}  // namespace opscope::db
