#include "rewrite/Rules.h"

#include <algorithm>
#include <regex>
#include <set>

#include "db/YamlReader.h"
#include "llvm/ADT/StringExtras.h"

namespace opscope::rewrite {
namespace yaml = llvm::yaml;

const HazardRule* RuleSet::hazard(const std::string& id) const {
  for (const HazardRule& h : hazards_)
    if (h.id == id) return &h;
  return nullptr;
}

const std::vector<std::string>& ruleFileKinds() {
  static const std::vector<std::string> kinds = {"effort", "hazards", "python", "rewrites"};
  return kinds;
}

namespace {

/// Reads the kind (see ruleFileKind); `known`: an unknown kind is an error, else it is returned
/// as written.
std::optional<std::string> readKind(const db::SourceText& file, std::vector<db::Diagnostic>& diags, bool known) {
  // Collections nested too deep are refused before parsing. Such a file still says its kind
  // before the deep part: read the lines above it, and leave the nesting to the kind's loader.
  size_t deep = db::yamlFlowTooDeep(file.text, db::kMaxYamlFlowNesting);
  db::SourceText head;
  if (deep != std::string::npos) {
    size_t lineStart = file.text.rfind('\n', deep);
    head = db::SourceText{file.path, file.text.substr(0, lineStart == std::string::npos ? 0 : lineStart + 1)};
  }
  std::vector<db::Diagnostic> problems;  // kept only when the kind cannot be read
  std::optional<std::string> kind;
  {
    db::FileReader r(deep == std::string::npos ? file : head, problems);
    yaml::document_iterator doc = r.stream().begin();
    if (doc == r.stream().end() || !doc->getRoot() || llvm::isa<yaml::NullNode>(doc->getRoot())) {
      r.error(nullptr, "empty rules file");
    } else if (yaml::MappingNode* top = r.mapping(doc->getRoot(), "a rules file")) {
      bool sawKind = false;
      for (yaml::KeyValueNode& kv : *top) {
        std::optional<std::string> key = r.scalar(kv.getKey(), "a key");
        if (!key || *key != "kind") continue;  // the iterator skips the value
        sawKind = true;
        yaml::Node* value = kv.getValue();
        std::optional<std::string> s = r.scalar(value, "kind");
        if (s && known && std::find(ruleFileKinds().begin(), ruleFileKinds().end(), *s) == ruleFileKinds().end())
          r.error(value, "unknown rules kind '" + *s + "' (known: " + llvm::join(ruleFileKinds(), ", ") + ")");
        else kind = s;
        break;
      }
      if (!sawKind && !r.hadError()) r.error(top, "a rules file needs a 'kind' (hazards, python or rewrites)");
    }
  }
  if (kind) return kind;
  if (deep != std::string::npos) {
    // No kind above the deep part: the nesting is the problem to report.
    problems.clear();
    db::FileReader whole(file, problems);
  }
  diags.insert(diags.end(), problems.begin(), problems.end());
  return std::nullopt;
}

// The severities a hazard may have.
const std::set<std::string> kSeverities = {"info", "low", "medium", "high"};

bool isKebab(const std::string& s) {
  static const std::regex kebab(R"([a-z0-9]+(-[a-z0-9]+)*)");
  return std::regex_match(s, kebab);
}

/// Reads one hazards file through db::FileReader; every problem is reported at the offending
/// node. Keys may come in any order: sources are resolved once the whole file is read.
class HazardFileReader {
 public:
  HazardFileReader(const db::SourceText& src, const std::vector<PlatformId>& platforms, std::vector<db::Diagnostic>& diags)
      : src_(src), platforms_(platforms), r_(src, diags) {}

  /// The hazards of the file, or nothing when the file has errors.
  std::vector<HazardRule> read() {
    std::vector<HazardRule> hazards;
    if (r_.hadError()) return {};  // refused before parsing (nested too deep): said so already
    yaml::document_iterator doc = r_.stream().begin();
    if (doc == r_.stream().end() || !doc->getRoot() || llvm::isa<yaml::NullNode>(doc->getRoot())) {
      r_.error(nullptr, "empty rules file");
      return {};
    }
    yaml::MappingNode* top = r_.mapping(doc->getRoot(), "a rules file");
    if (!top) return {};
    bool sawVersion = false, sawKind = false, sawHazards = false;
    r_.forEachKey(top, "a hazards file", [&](const std::string& key, yaml::Node*, yaml::Node* v) {
      if (key == "opscope-rules") {
        sawVersion = true;
        if (auto s = r_.scalar(v, key); s && *s != "1") r_.error(v, "a rules file starts with 'opscope-rules: 1'");
      } else if (key == "kind") {
        sawKind = true;
        if (auto s = r_.scalar(v, key); s && *s != "hazards") r_.error(v, "kind '" + *s + "' is not read here (expected hazards)");
      } else if (key == "sources") {
        if (yaml::SequenceNode* seq = r_.sequence(v, "sources"))
          for (yaml::Node& n : *seq) readSource(&n);
      } else if (key == "hazards") {
        sawHazards = true;
        if (yaml::SequenceNode* seq = r_.sequence(v, "hazards"))
          for (yaml::Node& n : *seq) readHazard(&n, hazards);
      } else {
        return false;
      }
      return true;
    });
    if (!sawVersion) r_.error(top, "a rules file starts with 'opscope-rules: 1'");
    if (!sawKind) r_.error(top, "a rules file needs a 'kind'");
    if (!sawHazards) r_.error(top, "a hazards file needs a 'hazards' list");
    for (const SourceRef& ref : sourceRefs_) {
      auto it = sources_.find(ref.id);
      if (it == sources_.end()) r_.error(ref.node, "unknown source '" + ref.id + "' (not in this file's sources)");
      else hazards[ref.hazard].advice[ref.platform].source = it->second;
    }
    if (r_.hadError()) return {};
    return hazards;
  }

 private:
  /// An advice's `source`, resolved when the file's sources are all read.
  struct SourceRef {
    std::string id;
    yaml::Node* node;
    size_t hazard;
    PlatformId platform;
  };

  void readSource(yaml::Node* node) {
    yaml::MappingNode* m = r_.mapping(node, "a source");
    if (!m) return;
    std::map<std::string, std::string> f;
    r_.forEachKey(m, "a source", [&](const std::string& key, yaml::Node*, yaml::Node* v) {
      static const std::set<std::string> kKeys = {"id", "title", "url", "repository", "commit", "path", "date", "license"};
      if (!kKeys.count(key)) return false;
      if (auto s = r_.scalar(v, key)) f[key] = *s;
      return true;
    });
    for (const char* required : {"id", "title", "date"})
      if (f[required].empty()) r_.error(m, std::string("a source needs '") + required + "'");
    if (f["url"].empty() && f["repository"].empty()) r_.error(m, "a source needs 'url' or 'repository'");
    std::string where = f["url"].empty() ? f["repository"] + (f["commit"].empty() ? "" : "@" + f["commit"].substr(0, 12)) : f["url"];
    if (!sources_.emplace(f["id"], f["title"] + " (" + where + "), " + f["date"]).second)
      r_.error(m, "source id '" + f["id"] + "' appears twice");
  }

  void readHazard(yaml::Node* node, std::vector<HazardRule>& out) {
    yaml::MappingNode* m = r_.mapping(node, "a hazard");
    if (!m) return;
    HazardRule h;
    h.file = src_.path;
    h.line = r_.lineOf(node);
    r_.forEachKey(m, "a hazard", [&](const std::string& key, yaml::Node*, yaml::Node* v) {
      if (key == "id" || key == "title" || key == "message") {
        if (auto s = r_.scalar(v, key)) (key == "id" ? h.id : key == "title" ? h.title : h.message) = *s;
      } else if (key == "severity") {
        if (auto s = r_.scalar(v, key)) {
          h.severity = *s;
          if (!kSeverities.count(h.severity)) r_.error(v, "severity must be info, low, medium or high");
        }
      } else if (key == "detect") {
        readDetect(v, h);
      } else if (key == "advice") {
        readAdvice(v, out.size(), h);
      } else {
        return false;
      }
      return true;
    });
    if (!isKebab(h.id)) r_.error(m, "a hazard needs an 'id' in kebab-case");
    if (h.title.empty() || h.message.empty() || h.severity.empty()) r_.error(m, "a hazard needs title, severity and message");
    if (h.checks.empty() && h.symbols.empty())
      r_.error(m, "hazard '" + h.id + "' has nothing that detects it (detect: checks or symbols)");
    if (!ids_.insert(h.id).second) r_.error(m, "hazard id '" + h.id + "' appears twice");
    out.push_back(std::move(h));
  }

  void readDetect(yaml::Node* node, HazardRule& h) {
    yaml::MappingNode* m = r_.mapping(node, "detect");
    if (!m) return;
    r_.forEachKey(m, "detect", [&](const std::string& key, yaml::Node* k, yaml::Node* v) {
      std::vector<std::string>* list = key == "checks" ? &h.checks : key == "symbols" ? &h.symbols : nullptr;
      if (!list) {
        r_.error(k, "unknown key '" + key + "' in detect (expected checks or symbols)");
        return true;
      }
      if (yaml::SequenceNode* seq = r_.sequence(v, key))
        for (yaml::Node& n : *seq) {
          std::optional<std::string> s = r_.scalar(&n, "an entry of " + key);
          if (!s) continue;
          if (s->empty() || (s->find('*') != std::string::npos && s->find('*') != s->size() - 1))
            r_.error(&n, "a symbol pattern is a name or a prefix ending in '*'");
          list->push_back(*s);
        }
      return true;
    });
  }

  void readAdvice(yaml::Node* node, size_t hazard, HazardRule& h) {
    yaml::MappingNode* m = r_.mapping(node, "advice");
    if (!m) return;
    r_.forEachKey(m, "advice", [&](const std::string& platform, yaml::Node* k, yaml::Node* v) {
      if (std::find(platforms_.begin(), platforms_.end(), platform) == platforms_.end())
        r_.error(k, "unknown platform '" + platform + "'");
      yaml::MappingNode* am = r_.mapping(v, "advice for " + platform);
      if (!am) return true;
      HazardAdvice a;
      bool haveStatus = false;
      r_.forEachKey(am, "advice", [&](const std::string& key, yaml::Node*, yaml::Node* value) {
        if (key != "status" && key != "text" && key != "source") return false;
        std::optional<std::string> s = r_.scalar(value, key);
        if (!s) return true;
        if (key == "status") {
          if (auto st = parseCoverageStatus(*s)) {
            a.status = *st;
            haveStatus = true;
          } else {
            r_.error(value, "unknown status '" + *s + "'");
          }
        } else if (key == "text") {
          a.text = *s;
        } else {
          sourceRefs_.push_back(SourceRef{*s, value, hazard, platform});
        }
        return true;
      });
      if (!haveStatus || a.text.empty()) r_.error(am, "advice needs status and text");
      h.advice.emplace(platform, a);
      return true;
    });
  }

  const db::SourceText& src_;
  const std::vector<PlatformId>& platforms_;
  db::FileReader r_;
  std::map<std::string, std::string> sources_;  // id -> "<title> (<url>), <date>"
  std::vector<SourceRef> sourceRefs_;
  std::set<std::string> ids_;
};

}  // namespace

std::optional<std::string> ruleFileKind(const db::SourceText& file, std::vector<db::Diagnostic>& diags) {
  return readKind(file, diags, /*known=*/true);
}

std::string ruleFileKind(const std::string& text) {
  std::vector<db::Diagnostic> ignored;
  return readKind(db::SourceText{"", text}, ignored, /*known=*/false).value_or("");
}

bool RuleSet::load(const std::vector<db::SourceText>& files, const std::vector<PlatformId>& platforms,
                   std::vector<db::Diagnostic>& diags) {
  bool ok = true;
  for (const db::SourceText& f : files) {
    std::optional<std::string> kind = ruleFileKind(f, diags);
    if (!kind) {
      ok = false;
      continue;
    }
    if (*kind != "hazards") continue;  // another loader's file
    size_t before = diags.size();
    std::vector<HazardRule> hazards = HazardFileReader(f, platforms, diags).read();
    if (std::any_of(diags.begin() + before, diags.end(),
                    [](const db::Diagnostic& d) { return d.severity == db::Diagnostic::Severity::Error; })) {
      ok = false;
      continue;
    }
    for (HazardRule& h : hazards) {
      if (const HazardRule* other = hazard(h.id)) {
        db::Diagnostic d;
        d.file = f.path;
        d.line = h.line;
        d.column = 1;
        d.message = "hazard id '" + h.id + "' is already defined at " + other->file + ":" + std::to_string(other->line);
        diags.push_back(std::move(d));
        ok = false;
        continue;
      }
      hazards_.push_back(std::move(h));
    }
  }
  return ok;
}

void RuleSet::layer(const RuleSet& over) {
  for (const HazardRule& h : over.hazards_) {
    auto same = std::find_if(hazards_.begin(), hazards_.end(), [&](const HazardRule& x) { return x.id == h.id; });
    if (same != hazards_.end()) *same = h;
    else hazards_.push_back(h);
  }
}

}  // namespace opscope::rewrite
