// The strict reader of opdb YAML files (format v1, opdb/README.md); private to analyzer/db.
// Every problem is reported at the node it concerns; a file with errors is dropped as a whole so
// a half-read file never decides an answer.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/Database.h"
#include "db/YamlReader.h"

namespace opscope::db {

/// Reads files into one layer of a Database. Each file is read in a single pass (LLVM's YAML
/// stream is single-pass) into staging tables; checks that need the whole file (source ids, the
/// file kind) run after it, and the staging tables are committed only if the file had no error.
class Loader {
 public:
  Loader(Database& db, unsigned layer, std::vector<Diagnostic>& diags)
      : db_(db), layer_(layer), diags_(diags) {}

  void load(const SourceText& src);

 private:
  /// A reference to a source id, kept with its position for the check after the pass.
  struct SourceRef {
    std::string id;
    yaml::Node* node = nullptr;
  };
  using Resolver = std::function<void(std::shared_ptr<const Provenance>)>;
  struct Staging {
    std::optional<std::string> kind, version, platform, category;
    yaml::Node *kindNode = nullptr, *platformNode = nullptr, *rootNode = nullptr;
    std::map<std::string, yaml::Node*> present;  // top-level keys and their key nodes
    std::vector<Platform> platforms;
    std::vector<PlatformLevels> platformLevels;  // parallel to platforms
    std::vector<Provenance> sources;
    std::vector<SymbolInfo> symbols;
    std::vector<Entry> entries;
    std::vector<SourceRef> symbolSources, entrySources;  // parallel to symbols / entries
    std::vector<yaml::Node*> entryNodes;                 // parallel to entries
    std::vector<OpsetDomain> domains;
    std::vector<yaml::Node*> domainNodes;                // parallel to domains
    std::vector<OnnxRelease> releases;
    std::vector<Accelerator> accelerators;
    std::vector<yaml::Node*> acceleratorNodes;           // parallel to accelerators
    /// Source references of the opsets and hardware kinds, resolved after the pass.
    std::vector<std::pair<SourceRef, Resolver>> deferred;
  };
  using Setter = std::function<bool(const std::string& key, const std::string& value, yaml::Node*)>;
  using NonScalar = std::function<bool(const std::string& key, yaml::Node*)>;

  // Loader.cpp: the document, platforms, sources, symbols and coverage entries.
  void readDocument(FileReader& r, yaml::Node* root, Staging& st);
  void readList(FileReader& r, yaml::Node* v, std::string_view what,
                const std::function<void(yaml::MappingNode*)>& each);
  void readFields(FileReader& r, yaml::MappingNode* m, std::string_view what,
                  std::initializer_list<std::string_view> required, const Setter& set,
                  const NonScalar& nonScalar = {});
  void readPlatform(FileReader& r, yaml::MappingNode* m, Staging& st);
  void readLevels(FileReader& r, yaml::Node* v, const std::string& key, PlatformLevels& levels);
  void readSource(FileReader& r, yaml::MappingNode* m, Staging& st);
  void readSymbol(FileReader& r, yaml::MappingNode* m, Staging& st);
  void readVersions(FileReader& r, yaml::Node* v, std::string_view what, std::vector<int>& out);
  void readConstraints(FileReader& r, yaml::Node* v, Constraints& c);
  void readEntry(FileReader& r, yaml::MappingNode* m, Staging& st);
  void checkWholeFile(FileReader& r, Staging& st);
  void commit(const SourceText& src, Staging& st);

  // LoaderTables.cpp: the opsets and hardware kinds.
  void readDomain(FileReader& r, yaml::MappingNode* m, Staging& st);
  void readRelease(FileReader& r, yaml::MappingNode* m, Staging& st);
  void readAccelerator(FileReader& r, yaml::MappingNode* m, Staging& st);
  void readFigure(FileReader& r, yaml::Node* v, const std::string& key, Staging& st, size_t acc);
  void readDtype(FileReader& r, yaml::Node* v, const std::string& key, Staging& st, size_t acc);
  void checkTables(FileReader& r, Staging& st);

  Database& db_;
  unsigned layer_;
  std::vector<Diagnostic>& diags_;
};

}  // namespace opscope::db
