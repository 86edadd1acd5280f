// Strict reader of opdb YAML (format v1). Every problem is reported at the node it concerns;
// a file with errors is dropped as a whole so a half-read file never decides an answer.
#include <algorithm>
#include <functional>
#include <set>

#include "db/Database.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"

namespace opscope::db {

namespace yaml = llvm::yaml;

std::string Diagnostic::str() const {
  std::string out = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  out += severity == Severity::Error ? "error: " : "warning: ";
  out += message;
  return out;
}

std::string Provenance::describe() const {
  std::string out = title.empty() ? id : title;
  out += " (";
  if (!repository.empty()) {
    out += repository;
    if (!commit.empty()) out += "@" + commit.substr(0, 12);
    if (!path.empty()) out += " " + path;
  } else {
    out += url;
  }
  if (!date.empty()) out += ", " + date;
  out += ")";
  return out;
}

namespace {

/// The opdb's limits on one file, against inputs built to exhaust memory.
constexpr size_t kMaxDepth = 16;

/// One file being read: its diagnostics and YAML helpers that report at the offending node.
class FileReader {
 public:
  FileReader(const SourceText& src, std::vector<Diagnostic>& diags)
      : src_(src), diags_(diags), stream_(src.text, sm_, /*ShowColors=*/false) {
    sm_.setDiagHandler(&FileReader::onParserDiag, this);
  }

  yaml::Stream& stream() { return stream_; }
  bool hadError() const { return errors_ > 0; }

  void error(const yaml::Node* node, const std::string& message) {
    report(node ? node->getSourceRange().Start : llvm::SMLoc(), Diagnostic::Severity::Error, message);
  }
  void warning(const yaml::Node* node, const std::string& message) {
    report(node ? node->getSourceRange().Start : llvm::SMLoc(), Diagnostic::Severity::Warning,
           message);
  }

  /// The node's plain text, or nullopt (and an error) if it is not a scalar.
  std::optional<std::string> scalar(yaml::Node* node, std::string_view what) {
    if (auto* s = llvm::dyn_cast_or_null<yaml::ScalarNode>(node)) {
      llvm::SmallString<64> storage;
      return s->getValue(storage).str();
    }
    if (auto* b = llvm::dyn_cast_or_null<yaml::BlockScalarNode>(node)) return b->getValue().str();
    rejectAlias(node);
    error(node, std::string(what) + " must be a scalar");
    return std::nullopt;
  }

  yaml::MappingNode* mapping(yaml::Node* node, std::string_view what) {
    if (auto* m = llvm::dyn_cast_or_null<yaml::MappingNode>(node)) return m;
    if (!rejectAlias(node)) error(node, std::string(what) + " must be a mapping");
    return nullptr;
  }

  yaml::SequenceNode* sequence(yaml::Node* node, std::string_view what) {
    if (auto* s = llvm::dyn_cast_or_null<yaml::SequenceNode>(node)) return s;
    if (!rejectAlias(node)) error(node, std::string(what) + " must be a list");
    return nullptr;
  }

  /// Walks a mapping; `onKey` returns false for a key it does not know, which is an error.
  /// Duplicate keys are errors too.
  void forEachKey(yaml::MappingNode* map, std::string_view what,
                  const std::function<bool(const std::string&, yaml::Node*, yaml::Node*)>& onKey) {
    std::set<std::string> seen;
    for (yaml::KeyValueNode& kv : *map) {
      std::optional<std::string> key = scalar(kv.getKey(), "a key");
      if (!key) {
        kv.skip();
        continue;
      }
      if (!seen.insert(*key).second) {
        error(kv.getKey(), "duplicate key '" + *key + "' in " + std::string(what));
        kv.skip();
        continue;
      }
      yaml::Node* value = kv.getValue();
      if (!onKey(*key, kv.getKey(), value))
        error(kv.getKey(), "unknown key '" + *key + "' in " + std::string(what));
      if (value) value->skip();
    }
  }

  unsigned lineOf(const yaml::Node* node) {
    return sm_.getLineAndColumn(node->getSourceRange().Start).first;
  }

 private:
  bool rejectAlias(yaml::Node* node) {
    if (auto* alias = llvm::dyn_cast_or_null<yaml::AliasNode>(node)) {
      // LLVM gives alias nodes no source range; the name points into the buffer, after '*'.
      report(llvm::SMLoc::getFromPointer(alias->getName().data() - 1), Diagnostic::Severity::Error,
             "YAML aliases are not allowed in the opdb");
      return true;
    }
    return false;
  }

  void report(llvm::SMLoc loc, Diagnostic::Severity sev, const std::string& message) {
    Diagnostic d;
    d.file = src_.path;
    d.severity = sev;
    d.message = message;
    if (loc.isValid()) {
      auto [line, col] = sm_.getLineAndColumn(loc);
      d.line = line;
      d.column = col;
    } else {
      d.line = 1;
      d.column = 1;
    }
    if (sev == Diagnostic::Severity::Error) ++errors_;
    diags_.push_back(std::move(d));
  }

  static void onParserDiag(const llvm::SMDiagnostic& d, void* ctx) {
    auto* self = static_cast<FileReader*>(ctx);
    Diagnostic out;
    out.file = self->src_.path;
    out.line = d.getLineNo() > 0 ? d.getLineNo() : 1;
    out.column = d.getColumnNo() >= 0 ? d.getColumnNo() + 1 : 1;
    out.message = "YAML syntax: " + d.getMessage().str();
    ++self->errors_;
    self->diags_.push_back(std::move(out));
  }

  const SourceText& src_;
  std::vector<Diagnostic>& diags_;
  llvm::SourceMgr sm_;
  yaml::Stream stream_;
  unsigned errors_ = 0;
};

bool validId(const std::string& s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool validDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

/// Reads one file into staging tables in a single pass (LLVM's YAML stream is single-pass);
/// checks that need the whole file (source ids, the file kind) run after it. The caller commits
/// the staging tables only if the file had no error.
class Loader {
 public:
  Loader(Database& db, unsigned layer, std::vector<Diagnostic>& diags)
      : db_(db), layer_(layer), diags_(diags) {}

  void load(const SourceText& src) {
    FileReader r(src, diags_);
    Staging st;
    bool sawDocument = false;
    for (yaml::Document& doc : r.stream()) {
      if (sawDocument) {
        r.error(doc.getRoot(), "an opdb file holds exactly one YAML document");
        break;
      }
      sawDocument = true;
      readDocument(r, doc.getRoot(), st);
    }
    if (!sawDocument) r.error(nullptr, "empty file: expected an opdb document");
    if (!r.hadError()) checkWholeFile(r, st);
    if (r.hadError()) return;
    commit(src, st);
  }

 private:
  /// A reference to a source id, kept with its position for the check after the pass.
  struct SourceRef {
    std::string id;
    yaml::Node* node;
  };
  struct Staging {
    std::optional<std::string> kind, version, platform, category;
    yaml::Node *kindNode = nullptr, *platformNode = nullptr, *rootNode = nullptr;
    std::map<std::string, yaml::Node*> present;  // top-level keys and their key nodes
    std::vector<Platform> platforms;
    std::vector<Provenance> sources;
    std::vector<SymbolInfo> symbols;
    std::vector<Entry> entries;
    std::vector<SourceRef> symbolSources, entrySources;  // parallel to symbols / entries
    std::vector<yaml::Node*> entryNodes;                 // parallel to entries
  };

  void readDocument(FileReader& r, yaml::Node* root, Staging& st) {
    st.rootNode = root;
    if (llvm::isa_and_nonnull<yaml::NullNode>(root)) {
      r.error(root, "empty file: expected an opdb document");
      return;
    }
    yaml::MappingNode* top = r.mapping(root, "the document");
    if (!top) return;
    r.forEachKey(top, "the document", [&](const std::string& k, yaml::Node* key, yaml::Node* v) {
      st.present[k] = key;
      if (k == "opdb") {
        auto s = r.scalar(v, "opdb");
        if (s && *s != "1") r.error(v, "unsupported opdb format version '" + *s + "' (expected 1)");
      } else if (k == "kind") {
        st.kind = r.scalar(v, "kind");
        st.kindNode = v;
        if (st.kind && *st.kind != "platforms" && *st.kind != "symbols" && *st.kind != "coverage")
          r.error(v, "unknown file kind '" + *st.kind + "' (expected platforms, symbols or coverage)");
      } else if (k == "version") {
        st.version = r.scalar(v, "version");
      } else if (k == "platform") {
        st.platform = r.scalar(v, "platform");
        st.platformNode = v;
      } else if (k == "category") {
        st.category = r.scalar(v, "category");
      } else if (k == "platforms") {
        readList(r, v, "platforms", [&](yaml::MappingNode* m) { readPlatform(r, m, st); });
      } else if (k == "sources") {
        readList(r, v, "sources", [&](yaml::MappingNode* m) { readSource(r, m, st); });
      } else if (k == "symbols") {
        readList(r, v, "symbols", [&](yaml::MappingNode* m) { readSymbol(r, m, st); });
      } else if (k == "entries") {
        readList(r, v, "entries", [&](yaml::MappingNode* m) { readEntry(r, m, st); });
      } else {
        return false;
      }
      return true;
    });
  }

  void readList(FileReader& r, yaml::Node* v, std::string_view what,
                const std::function<void(yaml::MappingNode*)>& each) {
    yaml::SequenceNode* seq = r.sequence(v, what);
    if (!seq) return;
    for (yaml::Node& item : *seq) {
      if (yaml::MappingNode* m = r.mapping(&item, std::string("an item of ") + std::string(what)))
        each(m);
      item.skip();
    }
  }

  /// Reads the required and optional scalar keys of one item.
  using Setter = std::function<bool(const std::string& key, const std::string& value, yaml::Node*)>;
  void readFields(FileReader& r, yaml::MappingNode* m, std::string_view what,
                  std::initializer_list<std::string_view> required, const Setter& set,
                  const std::function<bool(const std::string&, yaml::Node*)>& nonScalar = {}) {
    std::set<std::string> got;
    r.forEachKey(m, what, [&](const std::string& k, yaml::Node*, yaml::Node* v) {
      if (nonScalar && nonScalar(k, v)) {
        got.insert(k);
        return true;
      }
      auto s = r.scalar(v, k);
      if (!s) return true;  // already reported
      got.insert(k);
      return set(k, *s, v);
    });
    for (std::string_view req : required)
      if (!got.count(std::string(req)))
        r.error(m, std::string(what) + " lacks required key '" + std::string(req) + "'");
  }

  void readPlatform(FileReader& r, yaml::MappingNode* m, Staging& st) {
    Platform p;
    readFields(r, m, "a platform", {"id", "name"}, [&](const std::string& k, const std::string& v,
                                                       yaml::Node* node) {
      if (k == "id") {
        if (!validId(v)) r.error(node, "platform id '" + v + "' must match [a-z][a-z0-9_-]*");
        p.id = v;
      } else if (k == "name") {
        p.name = v;
      } else if (k == "stack") {
        p.stack = v;
      } else {
        return false;
      }
      return true;
    });
    st.platforms.push_back(std::move(p));
  }

  void readSource(FileReader& r, yaml::MappingNode* m, Staging& st) {
    Provenance p;
    static const std::map<std::string, std::string Provenance::*> kFields = {
        {"id", &Provenance::id},     {"title", &Provenance::title}, {"repository", &Provenance::repository},
        {"commit", &Provenance::commit}, {"url", &Provenance::url}, {"path", &Provenance::path},
        {"license", &Provenance::license}, {"date", &Provenance::date}};
    readFields(r, m, "a source", {"id", "title", "date", "license"},
               [&](const std::string& k, const std::string& v, yaml::Node* node) {
                 auto it = kFields.find(k);
                 if (it == kFields.end()) return false;
                 if (k == "date" && !validDate(v)) r.error(node, "date '" + v + "' must be YYYY-MM-DD");
                 p.*(it->second) = v;
                 return true;
               });
    if (!p.repository.empty() && p.commit.empty())
      r.error(m, "source '" + p.id + "' names a repository but no commit");
    else if (p.repository.empty() && p.url.empty())
      r.error(m, "source '" + p.id + "' needs either repository and commit, or url");
    for (const Provenance& other : st.sources)
      if (other.id == p.id && !p.id.empty()) r.error(m, "duplicate source id '" + p.id + "'");
    st.sources.push_back(std::move(p));
  }

  std::optional<SymbolKind> kindValue(FileReader& r, const std::string& v, yaml::Node* node) {
    auto k = parseSymbolKind(v);
    if (!k) r.error(node, "unknown symbol kind '" + v + "'");
    return k;
  }

  void readSymbol(FileReader& r, yaml::MappingNode* m, Staging& st) {
    SymbolInfo s;
    SourceRef ref{"", m};
    static const std::map<std::string, std::string SymbolInfo::*> kFields = {
        {"name", &SymbolInfo::name},     {"library", &SymbolInfo::library}, {"category", &SymbolInfo::category},
        {"header", &SymbolInfo::header}, {"added", &SymbolInfo::added},     {"deprecated", &SymbolInfo::deprecated},
        {"removed", &SymbolInfo::removed}};
    readFields(r, m, "a symbol", {"name", "kind", "library", "category", "source"},
               [&](const std::string& k, const std::string& v, yaml::Node* node) {
                 if (k == "kind") {
                   if (auto kk = kindValue(r, v, node)) s.kind = *kk;
                 } else if (k == "source") {
                   ref = {v, node};
                 } else if (auto it = kFields.find(k); it != kFields.end()) {
                   s.*(it->second) = v;
                 } else {
                   return false;
                 }
                 return true;
               });
    st.symbols.push_back(std::move(s));
    st.symbolSources.push_back(ref);
  }

  void readConstraints(FileReader& r, yaml::Node* v, Constraints& c) {
    yaml::MappingNode* m = r.mapping(v, "constraints");
    if (!m) return;
    r.forEachKey(m, "constraints", [&](const std::string& k, yaml::Node*, yaml::Node* val) {
      if (k == "dtypes") {
        if (yaml::SequenceNode* seq = r.sequence(val, "dtypes"))
          for (yaml::Node& d : *seq)
            if (auto s = r.scalar(&d, "a dtype")) c.dtypes.push_back(*s);
      } else if (k == "opset") {
        if (yaml::MappingNode* om = r.mapping(val, "opset"))
          r.forEachKey(om, "opset", [&](const std::string& ok, yaml::Node*, yaml::Node* ov) {
            if (ok != "min" && ok != "max") return false;
            auto s = r.scalar(ov, "an opset bound");
            if (!s) return true;
            int n = 0;
            bool digits = !s->empty() && s->size() < 6 &&
                          std::all_of(s->begin(), s->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
            if (!digits) {
              r.error(ov, "opset bound '" + *s + "' must be a non-negative integer");
              return true;
            }
            n = std::stoi(*s);
            (ok == "min" ? c.opsetMin : c.opsetMax) = n;
            return true;
          });
      } else if (k == "sdk") {
        if (auto s = r.scalar(val, "sdk")) c.sdk = *s;
      } else {
        return false;
      }
      return true;
    });
  }

  void readEntry(FileReader& r, yaml::MappingNode* m, Staging& st) {
    Entry e;
    SourceRef ref{"", m};
    e.layer = layer_;
    e.line = r.lineOf(m);
    bool hasStatus = false;
    readFields(
        r, m, "an entry", {"symbol", "status", "source", "confidence"},
        [&](const std::string& k, const std::string& v, yaml::Node* node) {
          if (k == "symbol") e.symbol = v;
          else if (k == "status") {
            auto s = parseCoverageStatus(v);
            if (!s) r.error(node, "unknown status '" + v +
                                      "' (expected native, mapped, partial, emulated, missing or unknown)");
            else { e.status = *s; hasStatus = true; }
          } else if (k == "confidence") {
            auto c = parseConfidence(v);
            if (!c) r.error(node, "unknown confidence '" + v +
                                      "' (expected official, derived, third-party or inferred)");
            else e.confidence = *c;
          } else if (k == "target") e.target = v;
          else if (k == "note") e.note = v;
          else if (k == "category") e.category = v;
          else if (k == "library") e.library = v;
          else if (k == "kind") e.kind = kindValue(r, v, node);
          else if (k == "effort") {
            if (v != "trivial" && v != "low" && v != "medium" && v != "high")
              r.error(node, "unknown effort '" + v + "' (expected trivial, low, medium or high)");
            e.effort = v;
          } else if (k == "source") ref = {v, node};
          else return false;
          return true;
        },
        [&](const std::string& k, yaml::Node* v) {
          if (k != "constraints") return false;
          readConstraints(r, v, e.constraints);
          return true;
        });
    if (hasStatus && e.status == CoverageStatus::Mapped && e.target.empty())
      r.error(m, "entry '" + e.symbol + "' is mapped but names no target");
    st.entries.push_back(std::move(e));
    st.entrySources.push_back(ref);
    st.entryNodes.push_back(m);
  }

  void checkWholeFile(FileReader& r, Staging& st) {
    auto requireKey = [&](const char* key) {
      if (!st.present.count(key)) r.error(st.rootNode, std::string("missing required key '") + key + "'");
    };
    auto forbidKey = [&](const char* key) {
      auto it = st.present.find(key);
      if (it != st.present.end())
        r.error(it->second, "key '" + std::string(key) + "' does not belong in a '" + *st.kind + "' file");
    };
    requireKey("opdb");
    requireKey("kind");
    if (!st.kind) return;
    if (*st.kind == "platforms") {
      requireKey("version");
      requireKey("platforms");
      for (const char* k : {"sources", "symbols", "entries", "platform", "category"}) forbidKey(k);
      return;
    }
    requireKey("sources");
    for (const char* k : {"platforms", "version"}) forbidKey(k);
    if (*st.kind == "symbols") {
      requireKey("symbols");
      for (const char* k : {"entries", "platform"}) forbidKey(k);
    } else {
      requireKey("entries");
      requireKey("platform");
      forbidKey("symbols");
      if (st.platform && !db_.platform(*st.platform))
        r.error(st.platformNode, "unknown platform '" + *st.platform + "' (not in platforms.yaml)");
    }
    std::map<std::string, std::shared_ptr<const Provenance>> byId;
    for (const Provenance& p : st.sources) byId[p.id] = std::make_shared<const Provenance>(p);
    auto resolve = [&](const SourceRef& ref) -> std::shared_ptr<const Provenance> {
      auto it = byId.find(ref.id);
      if (it != byId.end()) return it->second;
      r.error(ref.node, "source '" + ref.id + "' is not among this file's sources");
      return nullptr;
    };
    for (size_t i = 0; i < st.symbols.size(); ++i) st.symbols[i].source = resolve(st.symbolSources[i]);
    std::set<std::string> seen;
    for (size_t i = 0; i < st.entries.size(); ++i) {
      st.entries[i].source = resolve(st.entrySources[i]);
      if (!seen.insert(st.entries[i].symbol).second)
        r.error(st.entryNodes[i], "symbol '" + st.entries[i].symbol +
                                             "' appears twice for this platform in this file");
    }
  }

  void commit(const SourceText& src, Staging& st) {
    if (st.kind == "platforms") {
      db_.version_ = st.version.value_or("");
      for (Platform& p : st.platforms) {
        auto it = std::find_if(db_.platforms_.begin(), db_.platforms_.end(),
                               [&](const Platform& q) { return q.id == p.id; });
        if (it != db_.platforms_.end()) *it = std::move(p);
        else db_.platforms_.push_back(std::move(p));
      }
      return;
    }
    for (SymbolInfo& s : st.symbols) {
      std::string name = s.name;
      db_.symbols_[name] = std::move(s);
    }
    if (!st.platform) return;  // a symbols file
    auto& table = db_.entries_[*st.platform];
    for (Entry& e : st.entries) {
      e.file = src.path;
      if (st.category) e.fileCategory = *st.category;
      auto it = table.find(e.symbol);
      if (it != table.end() && it->second.layer == layer_) {
        Diagnostic d;
        d.file = src.path;
        d.line = e.line;
        d.column = 1;
        d.severity = Diagnostic::Severity::Warning;
        d.message = "'" + e.symbol + "' for " + *st.platform + " overrides the entry in " +
                    it->second.file + " (same layer)";
        diags_.push_back(std::move(d));
      }
      std::string key = e.symbol;
      table[key] = std::move(e);
    }
  }

  Database& db_;
  unsigned layer_;
  std::vector<Diagnostic>& diags_;
};

namespace {
/// Platforms first, then the symbol universe, then coverage, each group in path order, so the
/// result never depends on the order files were listed in.
int fileRank(const SourceText& f) {
  if (f.text.find("kind: platforms") != std::string::npos) return 0;
  if (f.text.find("kind: symbols") != std::string::npos) return 1;
  return 2;
}
}  // namespace

bool Database::addLayer(std::string layerName, const std::vector<SourceText>& files,
                        std::vector<Diagnostic>& diags) {
  size_t errorsBefore = std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::Error;
  });
  unsigned layer = static_cast<unsigned>(layers_.size());
  layers_.push_back(std::move(layerName));
  std::vector<const SourceText*> ordered;
  for (const SourceText& f : files) ordered.push_back(&f);
  std::stable_sort(ordered.begin(), ordered.end(), [](const SourceText* a, const SourceText* b) {
    int ra = fileRank(*a), rb = fileRank(*b);
    return ra != rb ? ra < rb : a->path < b->path;
  });
  Loader loader(*this, layer, diags);
  for (const SourceText* f : ordered) loader.load(*f);
  size_t errorsAfter = std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::Error;
  });
  return errorsAfter == errorsBefore;
}

}  // namespace opscope::db
