#include "scan/PythonRules.h"

#include <algorithm>
#include <map>
#include <set>

#include "db/YamlReader.h"
#include "python/PythonFrontend.h"

const std::vector<std::pair<std::string_view, std::string_view>>& opscope_python_rule_files();

namespace opscope::scan {
namespace {

namespace yaml = llvm::yaml;

bool dottedName(const std::string& s) {
  if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string::npos) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    if (!ok || (std::isdigit(static_cast<unsigned char>(c)) && (i == 0 || s[i - 1] == '.'))) return false;
  }
  return true;
}

class RuleFileReader {
 public:
  RuleFileReader(const db::SourceText& src, std::vector<db::Diagnostic>& diags) : r_(src, diags) {}

  /// Reads the file into `set`; false on any error.
  bool read(python::RuleSet& set) {
    if (r_.hadError()) return false;  // refused before parsing (nested too deep): said once
    yaml::document_iterator doc = r_.stream().begin();
    if (doc == r_.stream().end() || !doc->getRoot()) {
      r_.error(nullptr, "empty rule file");
      return false;
    }
    yaml::MappingNode* top = r_.mapping(doc->getRoot(), "a rule file");
    if (!top) return false;
    bool version = false, kind = false;
    yaml::Node* platformNode = nullptr;
    r_.forEachKey(top, "a rule file", [&](const std::string& key, yaml::Node* k, yaml::Node* v) {
      if (key == "opscope-rules") {
        version = true;
        if (auto s = r_.scalar(v, "opscope-rules"); s && *s != "1")
          r_.error(v, "unsupported rule format version '" + *s + "' (expected 1)");
      } else if (key == "kind") {
        kind = true;
        if (auto s = r_.scalar(v, "kind"); s && *s != "python")
          r_.error(v, "kind '" + *s + "' is not read here: Python rule files have kind: python");
      } else if (key == "platform") {
        platformNode = v;
        if (auto s = r_.scalar(v, "platform")) {
          if (!db::validId(*s)) r_.error(v, "platform '" + *s + "' is not a platform id ([a-z][a-z0-9_-]*)");
          set.platform = *s;
        }
      } else if (key == "sources") {
        readList(v, "sources", [&](yaml::MappingNode* m) { readSource(m); });
      } else if (key == "renames") {
        readList(v, "renames", [&](yaml::MappingNode* m) { readRename(m, set); });
      } else if (key == "strings") {
        readList(v, "strings", [&](yaml::MappingNode* m) { readString(m, set); });
      } else if (key == "keywords") {
        readList(v, "keywords", [&](yaml::MappingNode* m) { readKeyword(m, set); });
      } else if (key == "imports") {
        readList(v, "imports", [&](yaml::MappingNode* m) { readImport(m, set); });
      } else if (key == "advice") {
        readList(v, "advice", [&](yaml::MappingNode* m) { readAdvice(m, set); });
      } else if (key == "hazards") {
        readList(v, "hazards", [&](yaml::MappingNode* m) { readHazard(m, set); });
      } else {
        return false;
      }
      (void)k;
      return true;
    });
    if (!version) r_.error(top, "missing 'opscope-rules: 1'");
    if (!kind) r_.error(top, "missing 'kind: python'");
    if (!platformNode) r_.error(top, "missing 'platform'");
    for (const auto& [id, node] : sourceRefs_)
      if (!sources_.count(id)) r_.error(node, "source '" + id + "' is not an id of this file's sources");
    for (python::HazardRule& h : set.hazards)  // the rule's answer names its source as the opdb's do
      if (auto it = sources_.find(h.source); it != sources_.end()) h.source = it->second;
    if (++doc != r_.stream().end()) r_.error(nullptr, "a rule file holds one YAML document");
    return !r_.hadError();
  }

 private:
  template <typename Fn>
  void readList(yaml::Node* v, const char* what, Fn&& onItem) {
    yaml::SequenceNode* seq = r_.sequence(v, what);
    if (!seq) return;
    for (yaml::Node& item : *seq)
      if (yaml::MappingNode* m = r_.mapping(&item, std::string("an entry of ") + what)) onItem(m);
  }

  /// Reads the keys of one rule; `required` must all be present, `optional` may be.
  std::map<std::string, std::string> fields(yaml::MappingNode* m, const char* what, std::set<std::string> required,
                                            std::set<std::string> optional) {
    std::map<std::string, std::string> out;
    nodes_.clear();
    r_.forEachKey(m, what, [&](const std::string& key, yaml::Node* k, yaml::Node* v) {
      if (!required.count(key) && !optional.count(key)) return false;
      if (auto s = r_.scalar(v, key)) {
        if (s->empty()) r_.error(v, key + " must not be empty");
        out[key] = *s;
        nodes_[key] = v;
        if (key == "source") sourceRefs_.emplace_back(*s, v);
        if (key == "id" && !ids_.insert(*s).second) r_.error(v, "duplicate id '" + *s + "' in this file");
      }
      (void)k;
      return true;
    });
    for (const std::string& k : required)
      if (!out.count(k)) r_.error(m, std::string(what) + " needs '" + k + "'");
    return out;
  }

  void readSource(yaml::MappingNode* m) {
    auto f = fields(m, "a source", {"id", "title", "date", "license"}, {"repository", "commit", "url", "path"});
    if (f.count("id"))
      sources_[f["id"]] = f["title"] + " (" +
                          (f.count("url") ? f["url"] : f["repository"] + "@" + f["commit"].substr(0, 12)) + ")";
    if (!f.count("url") && !(f.count("repository") && f.count("commit")))
      r_.error(m, "a source needs 'repository' and 'commit', or 'url'");
    if (f.count("date") && !db::validDate(f["date"])) r_.error(at("date", m), "date '" + f["date"] + "' is not YYYY-MM-DD");
  }

  void readRename(yaml::MappingNode* m, python::RuleSet& set) {
    auto f = fields(m, "a rename", {"id", "from", "to", "reason", "source"}, {"strategy"});
    for (const char* k : {"from", "to"})
      if (f.count(k) && !dottedName(f[k])) r_.error(at(k, m), std::string(k) + " '" + f[k] + "' is not a dotted Python name");
    checkStrategy(f, m);
    if (f.size() >= 5) set.renames.push_back({f["id"], f["from"], f["to"], f["reason"], f["strategy"]});
  }

  void readString(yaml::MappingNode* m, python::RuleSet& set) {
    auto f = fields(m, "a string rule", {"id", "symbol", "from", "to", "reason", "source"}, {"strategy"});
    checkStrategy(f, m);
    if (f.size() >= 6) set.strings.push_back({f["id"], f["symbol"], f["from"], f["to"], f["reason"], f["strategy"]});
  }

  void readKeyword(yaml::MappingNode* m, python::RuleSet& set) {
    auto f = fields(m, "a keyword rule", {"id", "from", "to", "reason", "source"}, {});
    for (const char* k : {"from", "to"})
      if (f.count(k) && (!dottedName(f[k]) || f[k].find('.') != std::string::npos))
        r_.error(at(k, m), std::string(k) + " '" + f[k] + "' is not a Python keyword argument name");
    if (f.size() >= 5) set.keywords.push_back({f["id"], f["from"], f["to"], f["reason"]});
  }

  void readImport(yaml::MappingNode* m, python::RuleSet& set) {
    auto f = fields(m, "an import rule", {"id", "statement", "when", "reason", "source"}, {"unless-imported", "strategy"});
    checkStrategy(f, m);
    python::ImportRule rule;
    if (f.count("when")) {
      if (f["when"] == "file-edited") rule.when = python::ImportRule::When::FileEdited;
      else if (f["when"] == "entry-script") rule.when = python::ImportRule::When::EntryScript;
      else r_.error(at("when", m), "when '" + f["when"] + "' is neither file-edited nor entry-script");
    }
    if (f.count("statement")) {
      std::string error = python::firstSyntaxError(f["statement"] + "\n");
      if (!error.empty() || f["statement"].find('\n') != std::string::npos ||
          !(f["statement"].starts_with("import ") || f["statement"].starts_with("from ")))
        r_.error(at("statement", m), "statement '" + f["statement"] + "' is not one Python import statement");
    }
    if (f.count("unless-imported") && !dottedName(f["unless-imported"]))
 r_.error(at("unless-imported", m), "unless-imported '" + f["unless-imported"] + "' is not a dotted module name");
    rule.id = f["id"];
    rule.statement = f["statement"];
    rule.unlessImported = f["unless-imported"];
    rule.reason = f["reason"];
    rule.strategy = f["strategy"];
    set.imports.push_back(std::move(rule));
  }

  void checkStrategy(std::map<std::string, std::string>& f, yaml::Node* m) {
    if (f.count("strategy") && f["strategy"] != "explicit" && f["strategy"] != "runtime")
      r_.error(at("strategy", m), "strategy '" + f["strategy"] + "' is neither explicit nor runtime");
  }

  /// A hazard: scalars as other rules, `checks` and `symbols` lists (at least one of the two).
  void readHazard(yaml::MappingNode* m, python::RuleSet& set) {
    python::HazardRule rule;
    std::map<std::string, std::string> f;
    std::set<std::string> seen;
    const std::set<std::string> scalars = {"id", "title", "status", "target", "advice", "source", "confidence"};
    r_.forEachKey(m, "a hazard", [&](const std::string& key, yaml::Node* k, yaml::Node* v) {
      (void)k;
      seen.insert(key);
      if (key == "checks" || key == "symbols") {
        yaml::SequenceNode* seq = r_.sequence(v, key);
        if (!seq) return true;
        for (yaml::Node& item : *seq) {
          auto s = r_.scalar(&item, key);
          if (!s || s->empty()) continue;
          if (key == "checks") {
            bool known = false;
            std::string ids;
            for (const python::HazardCheck& c : python::hazardChecks()) {
              known = known || c.id == *s;
              ids += (ids.empty() ? "" : ", ") + std::string(c.id);
            }
            if (!known) r_.error(&item, "check '" + *s + "' is not a check of the Python frontend (it has: " + ids + ")");
            rule.checks.push_back(*s);
          } else {
            rule.symbols.push_back(*s);
          }
        }
        return true;
      }
      if (!scalars.count(key)) return false;
      if (auto s = r_.scalar(v, key)) {
        if (s->empty()) r_.error(v, key + " must not be empty");
        f[key] = *s;
        if (key == "source") sourceRefs_.emplace_back(*s, v);
        if (key == "id" && !ids_.insert(*s).second) r_.error(v, "duplicate id '" + *s + "' in this file");
        if (key == "status" && !parseCoverageStatus(*s)) r_.error(v, "status '" + *s + "' is not a coverage status");
        if (key == "confidence" && !parseConfidence(*s)) r_.error(v, "confidence '" + *s + "' is not a confidence");
      }
      return true;
    });
    for (const char* k : {"id", "title", "status", "advice", "source"})
      if (!f.count(k)) r_.error(m, std::string("a hazard needs '") + k + "'");
    if (rule.checks.empty() && rule.symbols.empty()) r_.error(m, "a hazard needs 'checks' or 'symbols'");
    rule.id = f["id"];
    rule.title = f["title"];
    rule.status = parseCoverageStatus(f["status"]).value_or(CoverageStatus::Unknown);
    rule.target = f["target"];
    rule.advice = f["advice"];
    rule.source = f["source"];
    if (f.count("confidence")) rule.confidence = parseConfidence(f["confidence"]).value_or(Confidence::Official);
    set.hazards.push_back(std::move(rule));
  }

  void readAdvice(yaml::MappingNode* m, python::RuleSet& set) {
    auto f = fields(m, "an advice rule", {"id", "symbol", "reason", "source"}, {});
    if (f.size() == 4) set.advice.push_back({f["id"], f["symbol"], f["reason"]});
  }

  /// The value node of `key` in the entry read last, for errors about that value.
  yaml::Node* at(const std::string& key, yaml::Node* fallback) {
    auto it = nodes_.find(key);
    return it == nodes_.end() ? fallback : it->second;
  }

  db::FileReader r_;
  std::map<std::string, yaml::Node*> nodes_;
  std::map<std::string, std::string> sources_;  // id -> "title (repository@commit | url)"
  std::set<std::string> ids_;
  std::vector<std::pair<std::string, yaml::Node*>> sourceRefs_;
};

template <typename Rule>
void mergeById(std::vector<Rule>& into, const std::vector<Rule>& from) {
  for (const Rule& r : from) {
    auto same = std::find_if(into.begin(), into.end(), [&](const Rule& x) { return x.id == r.id; });
    if (same != into.end()) *same = r;
    else into.push_back(r);
  }
}

}  // namespace

bool loadPythonRules(const std::vector<db::SourceText>& files, std::vector<python::RuleSet>& sets,
                     std::vector<db::Diagnostic>& diags) {
  bool ok = true;
  for (const db::SourceText& file : files) {
    python::RuleSet set;
    if (!RuleFileReader(file, diags).read(set)) {
      ok = false;
      continue;
    }
    auto same = std::find_if(sets.begin(), sets.end(), [&](const python::RuleSet& s) { return s.platform == set.platform; });
    if (same == sets.end()) {
      sets.push_back(std::move(set));
      continue;
    }
    mergeById(same->renames, set.renames);
    mergeById(same->strings, set.strings);
    mergeById(same->keywords, set.keywords);
    mergeById(same->imports, set.imports);
    mergeById(same->advice, set.advice);
    mergeById(same->hazards, set.hazards);
  }
  return ok;
}

std::vector<db::SourceText> builtinPythonRuleFiles() {
  std::vector<db::SourceText> out;
  for (const auto& [path, text] : opscope_python_rule_files()) out.push_back(db::SourceText{std::string(path), std::string(text)});
  return out;
}

python::RuleSet rulesFor(const std::vector<python::RuleSet>& sets, std::string_view platform) {
  for (const python::RuleSet& s : sets)
    if (s.platform == platform) return s;
  python::RuleSet empty;
  empty.platform = std::string(platform);
  return empty;
}

}  // namespace opscope::scan
