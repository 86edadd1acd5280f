// Strict reader of opdb YAML (format v1): the document, platforms, sources, symbols and
// coverage entries. The opsets and hardware kinds are in LoaderTables.cpp.
#include "db/Loader.h"

#include "db/Target.h"

#include <algorithm>
#include <set>

#include "llvm/Support/raw_ostream.h"

namespace opscope::db {

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
  int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::optional<int> parseCount(const std::string& s) {
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoi(s);
}

std::optional<double> parseNumber(const std::string& s) {
  int dots = 0, digits = 0;
  for (char c : s) {
    if (c == '.') ++dots;
    else if (c >= '0' && c <= '9') ++digits;
    else return std::nullopt;
  }
  if (digits == 0 || dots > 1 || s.size() > 15 || s.front() == '.' || s.back() == '.') return std::nullopt;
  return std::stod(s);
}

void Loader::load(const SourceText& src) {
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
    // While the document (which owns the nodes the checks report at) is still alive.
    if (!r.hadError()) checkWholeFile(r, st);
  }
  if (!sawDocument) r.error(nullptr, "empty file: expected an opdb document");
  if (r.hadError()) return;
  commit(src, st);
}

void Loader::readDocument(FileReader& r, yaml::Node* root, Staging& st) {
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
      static const std::set<std::string> kKinds = {"platforms", "symbols", "coverage", "opsets", "hardware"};
      if (st.kind && !kKinds.count(*st.kind))
        r.error(v, "unknown file kind '" + *st.kind + "' (expected platforms, symbols, coverage, opsets or hardware)");
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
    } else if (k == "domains") {
      readList(r, v, "domains", [&](yaml::MappingNode* m) { readDomain(r, m, st); });
    } else if (k == "releases") {
      readList(r, v, "releases", [&](yaml::MappingNode* m) { readRelease(r, m, st); });
    } else if (k == "accelerators") {
      readList(r, v, "accelerators", [&](yaml::MappingNode* m) { readAccelerator(r, m, st); });
    } else {
      return false;
    }
    return true;
  });
}

void Loader::readList(FileReader& r, yaml::Node* v, std::string_view what,
                      const std::function<void(yaml::MappingNode*)>& each) {
  yaml::SequenceNode* seq = r.sequence(v, what);
  if (!seq) return;
  for (yaml::Node& item : *seq) {
    if (yaml::MappingNode* m = r.mapping(&item, std::string("an item of ") + std::string(what))) each(m);
    item.skip();
  }
}

/// Reads the required and optional scalar keys of one item; `nonScalar` claims the keys whose
/// values are lists or mappings.
void Loader::readFields(FileReader& r, yaml::MappingNode* m, std::string_view what,
                        std::initializer_list<std::string_view> required, const Setter& set,
                        const NonScalar& nonScalar) {
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

void Loader::readPlatform(FileReader& r, yaml::MappingNode* m, Staging& st) {
  Platform p;
  PlatformLevels levels;
  readFields(
      r, m, "a platform", {"id", "name"},
      [&](const std::string& k, const std::string& v, yaml::Node* node) {
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
      },
      [&](const std::string& k, yaml::Node* v) {
        if (k != "products" && k != "sdks") return false;
        readLevels(r, v, k, levels);
        return true;
      });
  st.platforms.push_back(std::move(p));
  st.platformLevels.push_back(std::move(levels));
}

/// A platform's `products` ({id, name, aliases}) or `sdks` ({id, versions, own}).
void Loader::readLevels(FileReader& r, yaml::Node* v, const std::string& key, PlatformLevels& levels) {
  std::set<std::string> ids;
  readList(r, v, key, [&](yaml::MappingNode* m) {
    Product product;
    SdkLevels sdk;
    std::string id;
    yaml::Node* idNode = m;
    auto strings = [&](yaml::Node* val, const char* what, std::vector<std::string>& out) {
      if (yaml::SequenceNode* seq = r.sequence(val, what))
        for (yaml::Node& d : *seq)
          if (auto s = r.scalar(&d, what)) out.push_back(*s);
    };
    readFields(
        r, m, key == "products" ? "a product" : "an SDK", {"id"},
        [&](const std::string& k, const std::string& val, yaml::Node* node) {
          if (k == "id") {
            bool ok = !val.empty() && std::all_of(val.begin(), val.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
            });
            if (!ok) r.error(node, key + " id '" + val + "' must match [a-z0-9][a-z0-9_.-]*");
            id = val;
            idNode = node;
          } else if (k == "name" && key == "products") {
            product.name = val;
          } else if (k == "own" && key == "sdks") {
            if (!parseVersion(val)) r.error(node, "SDK version '" + val + "' must be digits and dots");
            sdk.own = val;
          } else {
            return false;
          }
          return true;
        },
        [&](const std::string& k, yaml::Node* val) {
          if (k == "aliases" && key == "products") strings(val, "an alias", product.aliases);
          else if (k == "versions" && key == "sdks") strings(val, "a version", sdk.versions);
          else return false;
          return true;
        });
    for (const std::string& version : sdk.versions)
      if (!parseVersion(version)) r.error(m, "SDK version '" + version + "' must be digits and dots");
    for (const std::string& name : product.aliases)
      if (!ids.insert(name).second) r.error(m, "'" + name + "' names two products");
    if (!ids.insert(id).second) r.error(idNode, "'" + id + "' appears twice in " + key);
    if (key == "products") {
      product.id = id;
      levels.products.push_back(std::move(product));
    } else {
      sdk.id = id;
      levels.sdks.push_back(std::move(sdk));
    }
  });
}

void Loader::readSource(FileReader& r, yaml::MappingNode* m, Staging& st) {
  Provenance p;
  static const std::map<std::string, std::string Provenance::*> kFields = {
      {"id", &Provenance::id},         {"title", &Provenance::title}, {"repository", &Provenance::repository},
      {"commit", &Provenance::commit}, {"url", &Provenance::url},     {"path", &Provenance::path},
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

namespace {
std::optional<SymbolKind> kindValue(FileReader& r, const std::string& v, yaml::Node* node) {
  auto k = parseSymbolKind(v);
  if (!k) r.error(node, "unknown symbol kind '" + v + "'");
  return k;
}
}  // namespace

/// A list of versions: non-negative integers, strictly ascending.
void Loader::readVersions(FileReader& r, yaml::Node* v, std::string_view what, std::vector<int>& out) {
  yaml::SequenceNode* seq = r.sequence(v, what);
  if (!seq) return;
  for (yaml::Node& item : *seq) {
    auto s = r.scalar(&item, "a version");
    if (!s) continue;
    auto n = parseCount(*s);
    if (!n) r.error(&item, "version '" + *s + "' must be a non-negative integer");
    else if (!out.empty() && *n <= out.back())
      r.error(&item, "versions must be strictly ascending ('" + *s + "' follows " + std::to_string(out.back()) + ")");
    else out.push_back(*n);
  }
}

void Loader::readSymbol(FileReader& r, yaml::MappingNode* m, Staging& st) {
  SymbolInfo s;
  SourceRef ref{"", m};
  yaml::Node* deprecatedNode = nullptr;
  static const std::map<std::string, std::string SymbolInfo::*> kFields = {
      {"name", &SymbolInfo::name},     {"library", &SymbolInfo::library}, {"category", &SymbolInfo::category},
      {"header", &SymbolInfo::header}, {"added", &SymbolInfo::added},     {"deprecated", &SymbolInfo::deprecated},
      {"removed", &SymbolInfo::removed}, {"signature", &SymbolInfo::signature}};
  readFields(
      r, m, "a symbol", {"name", "kind", "library", "category", "source"},
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
      },
      [&](const std::string& k, yaml::Node* v) {
        if (k == "versions") readVersions(r, v, "versions", s.versions);
        else if (k == "dispatch") {
          if (yaml::SequenceNode* seq = r.sequence(v, "dispatch"))
            for (yaml::Node& item : *seq)
              if (auto key = r.scalar(&item, "a dispatch key")) s.dispatch.push_back(*key);
        }
        else if (k == "deprecated_versions") {
          deprecatedNode = v;
          readVersions(r, v, "deprecated_versions", s.deprecatedVersions);
        } else return false;
        return true;
      });
  for (int d : s.deprecatedVersions)
    if (!std::binary_search(s.versions.begin(), s.versions.end(), d))
      r.error(deprecatedNode, "deprecated version " + std::to_string(d) + " of '" + s.name + "' is not among its versions");
  if (s.kind == SymbolKind::OnnxOp && s.versions.empty())
    r.error(m, "ONNX operator '" + s.name + "' lacks its 'versions'");
  st.symbols.push_back(std::move(s));
  st.symbolSources.push_back(ref);
}

void Loader::readConstraints(FileReader& r, yaml::Node* v, Constraints& c) {
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
          auto n = s->size() < 6 ? parseCount(*s) : std::nullopt;
          if (!n) r.error(ov, "opset bound '" + *s + "' must be a non-negative integer");
          else (ok == "min" ? c.opsetMin : c.opsetMax) = *n;
          return true;
        });
      if (c.opsetMin && c.opsetMax && *c.opsetMin > *c.opsetMax)
        r.error(val, "opset range " + std::to_string(*c.opsetMin) + ".." + std::to_string(*c.opsetMax) + " is empty");
    } else if (k == "node") {
      if (yaml::SequenceNode* seq = r.sequence(val, "node"))
        for (yaml::Node& d : *seq)
          if (auto s = r.scalar(&d, "a node rule")) {
            if (s->find(" | ") == std::string::npos)
              r.error(&d, "node rule '" + *s + "' must read 'CHECK | REASON'");
            else
              c.node.push_back(*s);
          }
    } else if (k == "sdk") {
      if (auto s = r.scalar(val, "sdk")) c.sdk = *s;
    } else if (k == "products" || k == "unsupported_on" || k == "cpu_fallback_on") {
      auto& list = k == "products" ? c.products : k == "unsupported_on" ? c.unsupportedOn : c.cpuFallbackOn;
      if (yaml::SequenceNode* seq = r.sequence(val, k))
        for (yaml::Node& d : *seq)
          if (auto s = r.scalar(&d, "a product")) list.push_back(*s);
    } else {
      return false;
    }
    return true;
  });
}

void Loader::readEntry(FileReader& r, yaml::MappingNode* m, Staging& st) {
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
          if (!s) r.error(node, "unknown status '" + v + "' (expected native, mapped, partial, emulated, missing or unknown)");
          else {
            e.status = *s;
            hasStatus = true;
          }
        } else if (k == "confidence") {
          auto c = parseConfidence(v);
          if (!c) r.error(node, "unknown confidence '" + v + "' (expected official, derived, third-party or inferred)");
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

void Loader::checkWholeFile(FileReader& r, Staging& st) {
  auto requireKey = [&](const char* key) {
    if (!st.present.count(key)) r.error(st.rootNode, std::string("missing required key '") + key + "'");
  };
  requireKey("opdb");
  requireKey("kind");
  if (!st.kind) return;
  // The top-level keys each kind holds; the first ones listed are required.
  static const std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> kKeys = {
      {"platforms", {{"version", "platforms"}, {}}},
      {"symbols", {{"sources", "symbols"}, {}}},
      {"coverage", {{"sources", "entries", "platform"}, {"category"}}},
      {"opsets", {{"sources", "domains"}, {"releases"}}},
      {"hardware", {{"sources", "accelerators"}, {}}},
  };
  const auto& [required, optional] = kKeys.at(*st.kind);
  for (const std::string& k : required) requireKey(k.c_str());
  for (const auto& [k, keyNode] : st.present) {
    if (k == "opdb" || k == "kind") continue;
    if (std::find(required.begin(), required.end(), k) == required.end() &&
        std::find(optional.begin(), optional.end(), k) == optional.end())
      r.error(keyNode, "key '" + k + "' does not belong in a '" + *st.kind + "' file");
  }
  if (*st.kind == "platforms") return;
  if (*st.kind == "coverage" && st.platform && !db_.platform(*st.platform))
    r.error(st.platformNode, "unknown platform '" + *st.platform + "' (not in platforms.yaml)");
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
      r.error(st.entryNodes[i], "symbol '" + st.entries[i].symbol + "' appears twice for this platform in this file");
    if (st.platform) {
      const PlatformLevels& levels = db_.levels(*st.platform);
      Constraints& c = st.entries[i].constraints;
      for (auto* list : {&c.products, &c.unsupportedOn, &c.cpuFallbackOn})
        for (std::string& product : *list) {
          if (const Product* known = levels.product(product)) product = known->id;  // an alias names its product
          else
            r.error(st.entryNodes[i], "product '" + product + "' of '" + st.entries[i].symbol +
                                          "' is not among the products platforms.yaml lists for " + *st.platform);
        }
    }
  }
  for (auto& [ref, apply] : st.deferred) apply(resolve(ref));
  checkTables(r, st);
}

void Loader::commit(const SourceText& src, Staging& st) {
  if (st.kind == "platforms") {
    db_.version_ = st.version.value_or("");
    for (size_t i = 0; i < st.platforms.size(); ++i) {
      Platform& p = st.platforms[i];
      db_.levels_[p.id] = std::move(st.platformLevels[i]);
      auto it = std::find_if(db_.platforms_.begin(), db_.platforms_.end(), [&](const Platform& q) { return q.id == p.id; });
      if (it != db_.platforms_.end()) *it = std::move(p);
      else db_.platforms_.push_back(std::move(p));
    }
    return;
  }
  for (SymbolInfo& s : st.symbols) {
    std::string name = s.name;
    db_.symbols_[name] = std::move(s);
  }
  for (OpsetDomain& d : st.domains) {
    auto it = std::find_if(db_.opsetDomains_.begin(), db_.opsetDomains_.end(),
                           [&](const OpsetDomain& o) { return o.domain == d.domain; });
    if (it != db_.opsetDomains_.end()) *it = std::move(d);
    else db_.opsetDomains_.push_back(std::move(d));
  }
  for (OnnxRelease& rel : st.releases) {
    auto it = std::find_if(db_.releases_.begin(), db_.releases_.end(),
                           [&](const OnnxRelease& o) { return o.release == rel.release; });
    if (it != db_.releases_.end()) *it = std::move(rel);
    else db_.releases_.push_back(std::move(rel));
  }
  for (Accelerator& a : st.accelerators) {
    a.file = src.path;
    auto it = std::find_if(db_.accelerators_.begin(), db_.accelerators_.end(),
                           [&](const Accelerator& o) { return o.id == a.id; });
    if (it != db_.accelerators_.end()) *it = std::move(a);
    else db_.accelerators_.push_back(std::move(a));
  }
  if (!st.platform) return;  // not a coverage file
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
      d.message = "'" + e.symbol + "' for " + *st.platform + " overrides the entry in " + it->second.file + " (same layer)";
      diags_.push_back(std::move(d));
    }
    std::string key = e.symbol;
    table[key] = std::move(e);
  }
}

namespace {
/// Platforms first, then the symbol universe, then coverage, each group in path order, so the
/// result never depends on the order files were listed in.
int fileRank(const SourceText& f) {
  // The first line that starts with "kind:" (the top-level key; comment lines come first).
  size_t pos = f.text.rfind("kind:", 0) == 0 ? 0 : f.text.find("\nkind:");
  if (pos == std::string::npos) return 2;
  std::string_view rest = std::string_view(f.text).substr(f.text[pos] == '\n' ? pos + 6 : pos + 5);
  rest = rest.substr(0, rest.find('\n'));
  if (rest.find("platforms") != std::string_view::npos) return 0;
  if (rest.find("coverage") != std::string_view::npos) return 2;
  return 1;
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
