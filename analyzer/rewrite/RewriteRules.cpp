#include "rewrite/RewriteRules.h"

#include <algorithm>

#include "db/YamlReader.h"
#include "rewrite/Rules.h"

namespace opscope::rewrite {
namespace {

namespace yaml = llvm::yaml;

bool cIdentifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

/// A C/C++ name as code writes it: identifiers joined by `::`.
bool qualifiedName(const std::string& s) {
  size_t start = 0;
  while (true) {
    size_t sep = s.find("::", start);
    if (!cIdentifier(s.substr(start, sep == std::string::npos ? std::string::npos : sep - start))) return false;
    if (sep == std::string::npos) return true;
    start = sep + 2;
  }
}

/// A header name as written between the delimiters of an #include.
bool headerName(const std::string& s) {
  return !s.empty() && s.find_first_of("<>\"\n ") == std::string::npos && s.front() != '/';
}

template <typename Rule>
void mergeById(std::vector<Rule>& into, std::vector<Rule>& from) {
  for (Rule& r : from) {
    auto same = std::find_if(into.begin(), into.end(), [&](const Rule& x) { return x.id == r.id; });
    if (same != into.end()) *same = std::move(r);
    else into.push_back(std::move(r));
  }
}

class RewriteFileReader {
 public:
  RewriteFileReader(const db::SourceText& src, const std::vector<PlatformId>& platforms, std::vector<db::Diagnostic>& diags)
      : src_(src), platforms_(platforms), r_(src, diags) {}

  /// Reads the file into `out` (its own rules only); false on any error.
  bool read(PlatformRewrites& out, bool& sawOpdb, bool& sawMode) {
    if (r_.hadError()) return false;  // refused before parsing (nested too deep): said so already
    auto doc = r_.stream().begin();
    if (doc == r_.stream().end() || !doc->getRoot()) {
      r_.error(nullptr, "empty rules file");
      return false;
    }
    yaml::MappingNode* top = r_.mapping(doc->getRoot(), "a rules file");
    if (!top) return false;
    bool version = false, kind = false;
    r_.forEachKey(top, "a rewrites file", [&](const std::string& key, yaml::Node*, yaml::Node* v) {
      if (key == "opscope-rules") {
        version = true;
        if (auto s = r_.scalar(v, key); s && *s != "1") r_.error(v, "unsupported rules format version '" + *s + "' (expected 1)");
      } else if (key == "kind") {
        kind = true;
        if (auto s = r_.scalar(v, key); s && *s != "rewrites") r_.error(v, "kind '" + *s + "' is not read here (expected rewrites)");
      } else if (key == "platform") {
        if (auto s = r_.scalar(v, key)) {
          if (std::find(platforms_.begin(), platforms_.end(), *s) == platforms_.end()) r_.error(v, "unknown platform '" + *s + "'");
          out.platform = *s;
        }
      } else if (key == "mode") {
        sawMode = true;
        if (auto s = r_.scalar(v, key)) {
          if (*s == "apply") out.mode = PlatformRewrites::Mode::Apply;
          else if (*s == "suggest") out.mode = PlatformRewrites::Mode::Suggest;
          else r_.error(v, "mode '" + *s + "' is neither apply nor suggest");
        }
      } else if (key == "sources") {
        list(v, "sources", [&](yaml::MappingNode* m) { readSource(m); });
      } else if (key == "opdb-renames") {
        sawOpdb = true;
        readOpdb(v, out.opdb);
      } else if (key == "renames") {
        list(v, "renames", [&](yaml::MappingNode* m) { readRename(m, out); });
      } else if (key == "calls") {
        list(v, "calls", [&](yaml::MappingNode* m) { readCall(m, out); });
      } else if (key == "headers") {
        list(v, "headers", [&](yaml::MappingNode* m) { readHeader(m, out); });
      } else if (key == "guards") {
        list(v, "guards", [&](yaml::MappingNode* m) { readGuard(m, out); });
      } else if (key == "fallbacks") {
        list(v, "fallbacks", [&](yaml::MappingNode* m) { readFallback(m, out); });
      } else if (key == "argument-casts") {
        list(v, "argument-casts", [&](yaml::MappingNode* m) { readArgumentCast(m, out); });
      } else if (key == "operator-guards") {
        list(v, "operator-guards", [&](yaml::MappingNode* m) { readOperatorGuard(m, out); });
      } else if (key == "kernel-note") {
        if (auto s = r_.scalar(v, key)) out.kernelNote = *s;
      } else if (key == "launch-macro" || key == "launch-kernel-name-macro") {
        if (auto s = r_.scalar(v, key)) {
          if (!cIdentifier(*s)) r_.error(v, key + " '" + *s + "' is not an identifier");
          (key == "launch-macro" ? out.launchMacro : out.launchKernelNameMacro) = *s;
        }
      } else if (key == "entry-include") {
        if (auto s = r_.scalar(v, key)) {
          if (!headerName(*s)) r_.error(v, "entry-include '" + *s + "' is not a header name");
          out.entryInclude = *s;
        }
      } else {
        return false;
      }
      return true;
    });
    if (!version) r_.error(top, "missing 'opscope-rules: 1'");
    if (!kind) r_.error(top, "missing 'kind: rewrites'");
    if (out.platform.empty()) r_.error(top, "missing 'platform'");
    for (const auto& [id, node] : sourceRefs_)
      if (!sources_.count(id)) r_.error(node, "source '" + id + "' is not an id of this file's sources");
    out.files.push_back(src_.path);
    return !r_.hadError();
  }

 private:
  template <typename Fn>
  void list(yaml::Node* v, const char* what, Fn&& onItem) {
    if (yaml::SequenceNode* seq = r_.sequence(v, what))
      for (yaml::Node& item : *seq)
        if (yaml::MappingNode* m = r_.mapping(&item, std::string("an entry of ") + what)) onItem(m);
  }

  /// The scalar keys of one entry; `required` must all be there and be non-empty. Keys in `lists`
  /// are sequences of non-empty scalars, put in `sets` (required too when in `required`).
  std::map<std::string, std::string> fields(yaml::MappingNode* m, const char* what, const std::set<std::string>& required,
                                            const std::set<std::string>& optional, const std::set<std::string>& lists = {},
                                            std::map<std::string, std::set<std::string>>* sets = nullptr) {
    std::map<std::string, std::string> out;
    nodes_.clear();
    r_.forEachKey(m, what, [&](const std::string& key, yaml::Node*, yaml::Node* v) {
      if (!required.count(key) && !optional.count(key)) return false;
      nodes_[key] = v;
      if (lists.count(key)) {
        if (yaml::SequenceNode* seq = r_.sequence(v, key))
          for (yaml::Node& n : *seq)
            if (auto s = r_.scalar(&n, key)) {
              if (s->empty()) r_.error(&n, key + " entries must not be empty");
              (*sets)[key].insert(*s);
            }
        out[key] = "";  // present
        return true;
      }
      if (auto s = r_.scalar(v, key)) {
        if (s->empty() && key != "to") r_.error(v, key + " must not be empty");
        out[key] = *s;
        if (key == "source") sourceRefs_.emplace_back(*s, v);
        if (key == "id" && !ids_.insert(*s).second) r_.error(v, "duplicate id '" + *s + "' in this file");
      }
      return true;
    });
    for (const std::string& k : required)
      if (!out.count(k)) r_.error(m, std::string(what) + " needs '" + k + "'");
    return out;
  }
  yaml::Node* at(const std::string& key, yaml::Node* fallback) {
    auto it = nodes_.find(key);
    return it == nodes_.end() ? fallback : it->second;
  }

  void readSource(yaml::MappingNode* m) {
    auto f = fields(m, "a source", {"id", "title", "date", "license"}, {"repository", "commit", "url", "path"});
    if (f.count("id")) sources_.insert(f["id"]);
    if (!f.count("url") && !(f.count("repository") && f.count("commit")))
      r_.error(m, "a source needs 'repository' and 'commit', or 'url'");
    if (f.count("date") && !db::validDate(f["date"])) r_.error(at("date", m), "date '" + f["date"] + "' is not YYYY-MM-DD");
  }

  void readOpdb(yaml::Node* v, OpdbRenames& out) {
    yaml::MappingNode* m = r_.mapping(v, "opdb-renames");
    if (!m) return;
    out = OpdbRenames{};
    out.enabled = true;
    r_.forEachKey(m, "opdb-renames", [&](const std::string& key, yaml::Node*, yaml::Node* value) {
      if (key == "statuses" || key == "kinds") {
        if (yaml::SequenceNode* seq = r_.sequence(value, key))
          for (yaml::Node& n : *seq) {
            auto s = r_.scalar(&n, key);
            if (!s) continue;
            if (key == "statuses") {
              auto st = parseCoverageStatus(*s);
              if (!st || !isCovered(*st)) r_.error(&n, "status '" + *s + "' is not native, mapped, partial or emulated");
              else out.statuses.insert(*st);
            } else {
              auto k = parseSymbolKind(*s);
              if (!k) r_.error(&n, "unknown symbol kind '" + *s + "'");
              else out.kinds.insert(*k);
            }
          }
      } else if (key == "exclude-libraries") {
        list(value, "exclude-libraries", [&](yaml::MappingNode* e) {
          auto f = fields(e, "an excluded library", {"library", "reason"}, {"source"});
          out.excluded.push_back(ExcludedLibrary{f["library"], f["reason"]});
        });
      } else {
        return false;
      }
      return true;
    });
    if (out.statuses.empty()) r_.error(m, "opdb-renames needs 'statuses'");
  }

  void readRename(yaml::MappingNode* m, PlatformRewrites& out) {
    auto f = fields(m, "a rename", {"id", "symbol", "to", "reason", "source"}, {"kind"});
    RenameRule rule{f["id"], f["symbol"], f["to"], f["reason"], std::nullopt};
    if (f.count("kind")) {
      rule.kind = parseSymbolKind(f["kind"]);
      if (!rule.kind) r_.error(at("kind", m), "unknown symbol kind '" + f["kind"] + "'");
    }
    // A macro that expands to nothing on the target (CUDART_CB off Windows) may be removed: `to: ""`.
    bool removal = f.count("to") && f["to"].empty();
    if (removal && rule.kind != SymbolKind::Macro) r_.error(at("to", m), "an empty 'to' removes a name: only for kind: macro");
    for (const char* k : {"symbol", "to"})
      if (f.count(k) && !(removal && std::string(k) == "to") && !qualifiedName(f[k]))
        r_.error(at(k, m), std::string(k) + " '" + f[k] + "' is not a C/C++ name");
    out.renames.push_back(std::move(rule));
  }

  void readCall(yaml::MappingNode* m, PlatformRewrites& out) {
    auto f = fields(m, "a call rule", {"id", "symbol", "template", "note", "source"}, {});
    std::string error;
    auto parsed = ArgumentTemplate::parse(f["template"], error);
    if (f.count("template") && !parsed) r_.error(at("template", m), "template '" + f["template"] + "': " + error);
    else if (parsed && !cIdentifier(parsed->callee()) && !qualifiedName(parsed->callee()))
      r_.error(at("template", m), "template '" + f["template"] + "' does not start with the name it calls");
    if (f.count("symbol") && !qualifiedName(f["symbol"])) r_.error(at("symbol", m), "symbol '" + f["symbol"] + "' is not a C/C++ name");
    if (parsed) out.calls.push_back(CallRule{f["id"], f["symbol"], f["template"], f["note"], *parsed});
  }

  void readHeader(yaml::MappingNode* m, PlatformRewrites& out) {
    auto f = fields(m, "a header rule", {"id", "from", "to", "source"}, {});
    for (const char* k : {"from", "to"})
      if (f.count(k) && !headerName(f[k])) r_.error(at(k, m), std::string(k) + " '" + f[k] + "' is not a header name");
    out.headers.push_back(HeaderRule{f["id"], f["from"], f["to"]});
  }

  void readGuard(yaml::MappingNode* m, PlatformRewrites& out) {
    auto f = fields(m, "a guard rule", {"id", "from", "to", "source"}, {});
    for (const char* k : {"from", "to"})
      if (f.count(k) && !cIdentifier(f[k])) r_.error(at(k, m), std::string(k) + " '" + f[k] + "' is not a macro name");
    out.guards.push_back(GuardRule{f["id"], f["from"], f["to"]});
  }

  void readFallback(yaml::MappingNode* m, PlatformRewrites& out) {
    auto f = fields(m, "a fallback rule", {"id", "symbol", "to", "reason", "definition", "source"}, {});
    for (const char* k : {"symbol", "to"})
      if (f.count(k) && !cIdentifier(f[k])) r_.error(at(k, m), std::string(k) + " '" + f[k] + "' is not an identifier");
    if (f.count("symbol") && f.count("to") && f["symbol"] == f["to"])
      r_.error(at("to", m), "to '" + f["to"] + "' must differ from the symbol: the platform may declare the symbol one day");
    if (f.count("definition") && f.count("to") && f["definition"].find(f["to"]) == std::string::npos)
      r_.error(at("definition", m), "the definition does not define '" + f["to"] + "'");
    out.fallbacks.push_back(FallbackRule{f["id"], f["symbol"], f["to"], f["reason"], f["definition"]});
  }

  void readArgumentCast(yaml::MappingNode* m, PlatformRewrites& out) {
    std::map<std::string, std::set<std::string>> sets;
    auto f = fields(m, "an argument-cast rule", {"id", "symbols", "arguments", "to", "reason", "source"}, {},
                    {"symbols", "arguments"}, &sets);
    for (const std::string& s : sets["symbols"])
      if (!qualifiedName(s)) r_.error(at("symbols", m), "symbols entry '" + s + "' is not a C/C++ name");
    for (const std::string& s : sets["arguments"])
      if (s.find_first_of("\n;{}") != std::string::npos) r_.error(at("arguments", m), "arguments entry '" + s + "' is not an argument as written");
    if (f.count("to") && f["to"].find("{}") == std::string::npos)
      r_.error(at("to", m), "to '" + f["to"] + "' does not place the argument ({})");
    out.argumentCasts.push_back(ArgumentCastRule{f["id"], f["to"], f["reason"], sets["symbols"], sets["arguments"]});
  }

  void readOperatorGuard(yaml::MappingNode* m, PlatformRewrites& out) {
    std::map<std::string, std::set<std::string>> sets;
    auto f = fields(m, "an operator-guard rule", {"id", "operators", "types", "condition", "reason", "source"}, {},
                    {"operators", "types"}, &sets);
    for (const std::string& o : sets["operators"])
      if (o.find_first_not_of("+-*/%^|&<>=") != std::string::npos || o.back() != '=')
        r_.error(at("operators", m), "operators entry '" + o + "' is not a compound assignment operator");
    for (const std::string& t : sets["types"])
      if (!cIdentifier(t)) r_.error(at("types", m), "types entry '" + t + "' is not a type name");
    if (f.count("condition") && f["condition"].find('\n') != std::string::npos)
      r_.error(at("condition", m), "condition must be one line");
    out.operatorGuards.push_back(OperatorGuardRule{f["id"], f["condition"], f["reason"], sets["operators"], sets["types"]});
  }

  const db::SourceText& src_;
  const std::vector<PlatformId>& platforms_;
  db::FileReader r_;
  std::map<std::string, yaml::Node*> nodes_;
  std::set<std::string> sources_, ids_;
  std::vector<std::pair<std::string, yaml::Node*>> sourceRefs_;
};

}  // namespace

namespace {

/// The first rule of `rules` that `pred` accepts, or nullptr.
template <typename Rule, typename Pred>
const Rule* firstWhere(const std::vector<Rule>& rules, Pred pred) {
  auto it = std::find_if(rules.begin(), rules.end(), pred);
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace

const CallRule* PlatformRewrites::call(const std::string& symbol) const {
  return firstWhere(calls, [&](const CallRule& c) { return c.symbol == symbol; });
}

std::vector<const CallRule*> PlatformRewrites::callsFor(const std::string& symbol) const {
  std::vector<const CallRule*> out;
  for (const CallRule& c : calls)
    if (c.symbol == symbol) out.push_back(&c);
  return out;
}

const RenameRule* PlatformRewrites::rename(const std::string& symbol, SymbolKind kind) const {
  return firstWhere(renames, [&](const RenameRule& r) { return r.symbol == symbol && (!r.kind || *r.kind == kind); });
}

const HeaderRule* PlatformRewrites::header(const std::string& from) const {
  return firstWhere(headers, [&](const HeaderRule& h) { return h.from == from; });
}

const GuardRule* PlatformRewrites::guard(const std::string& from) const {
  return firstWhere(guards, [&](const GuardRule& g) { return g.from == from; });
}

const FallbackRule* PlatformRewrites::fallback(const std::string& symbol) const {
  return firstWhere(fallbacks, [&](const FallbackRule& f) { return f.symbol == symbol; });
}

const ArgumentCastRule* PlatformRewrites::argumentCast(const std::string& symbol) const {
  return firstWhere(argumentCasts, [&](const ArgumentCastRule& a) { return a.symbols.count(symbol) > 0; });
}

bool RewriteRuleSet::load(const std::vector<db::SourceText>& files, const std::vector<PlatformId>& platforms,
                          std::vector<db::Diagnostic>& diags) {
  bool ok = true;
  for (const db::SourceText& file : files) {
    if (ruleFileKind(file.text) != "rewrites") continue;
    PlatformRewrites set;
    bool sawOpdb = false, sawMode = false;
    if (!RewriteFileReader(file, platforms, diags).read(set, sawOpdb, sawMode)) {
      ok = false;
      continue;
    }
    auto [it, fresh] = byPlatform_.try_emplace(set.platform, set);
    if (fresh) continue;
    PlatformRewrites& into = it->second;
    if (sawMode) into.mode = set.mode;
    if (sawOpdb) into.opdb = set.opdb;
    if (!set.kernelNote.empty()) into.kernelNote = set.kernelNote;
    if (!set.entryInclude.empty()) into.entryInclude = set.entryInclude;
    if (!set.launchMacro.empty()) into.launchMacro = set.launchMacro;
    if (!set.launchKernelNameMacro.empty()) into.launchKernelNameMacro = set.launchKernelNameMacro;
    mergeById(into.renames, set.renames);
    mergeById(into.calls, set.calls);
    mergeById(into.headers, set.headers);
    mergeById(into.guards, set.guards);
    mergeById(into.fallbacks, set.fallbacks);
    mergeById(into.argumentCasts, set.argumentCasts);
    mergeById(into.operatorGuards, set.operatorGuards);
    into.files.push_back(file.path);
  }
  return ok;
}

const PlatformRewrites* RewriteRuleSet::platform(const PlatformId& id) const {
  auto it = byPlatform_.find(id);
  return it == byPlatform_.end() ? nullptr : &it->second;
}

}  // namespace opscope::rewrite
