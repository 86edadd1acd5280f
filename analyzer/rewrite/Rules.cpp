#include "rewrite/Rules.h"

#include <algorithm>
#include <functional>
#include <regex>
#include <set>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace opscope::rewrite {
namespace yaml = llvm::yaml;

const HazardRule* RuleSet::hazard(const std::string& id) const {
  for (const HazardRule& h : hazards_)
    if (h.id == id) return &h;
  return nullptr;
}

std::string ruleFileKind(const std::string& text) {
  static const std::regex kind(R"((^|\n)kind:\s*([A-Za-z_-]+))");
  std::smatch m;
  return std::regex_search(text, m, kind) ? m[2].str() : "";
}

namespace {

// Every kind of rules file there is, and whether this loader reads it. A new kind is added here
// with its reader (or left to the loader of the component that owns it).
const std::map<std::string, bool> kKinds = {{"effort", false}, {"hazards", true}, {"python", false}, {"rewrites", false}};
const std::set<std::string> kSeverities = {"info", "low", "medium", "high"};

bool isKebab(const std::string& s) {
  static const std::regex kebab(R"([a-z0-9]+(-[a-z0-9]+)*)");
  return std::regex_match(s, kebab);
}

}  // namespace

/// Reads one file; every problem is reported at the offending node.
class RuleFileReader {
 public:
  RuleFileReader(const db::SourceText& src, const std::vector<PlatformId>& platforms, std::vector<db::Diagnostic>& diags)
      : src_(src), platforms_(platforms), diags_(diags), stream_(src.text, sm_) {
    sm_.setDiagHandler([](const llvm::SMDiagnostic& d, void* self) {
      static_cast<RuleFileReader*>(self)->report(d.getLoc(), d.getMessage().str());
    }, this);
  }

  /// The hazards of the file (empty for other kinds), or nothing when the file has errors.
  std::vector<HazardRule> read() {
    std::vector<HazardRule> hazards;
    auto doc = stream_.begin();
    if (doc == stream_.end() || !doc->getRoot()) {
      report(llvm::SMLoc(), "empty rules file");
      return {};
    }
    auto* top = mapping(doc->getRoot(), "a rules file");
    if (!top) return {};
    std::string kind, version;
    yaml::Node* kindNode = nullptr;
    bool sawHazards = false;
    std::map<std::string, std::string> sources;
    // The parser streams: each value is read where it stands, so `kind` and `sources` come first.
    for (yaml::KeyValueNode& kv : *top) {
      std::string key = scalar(kv.getKey());
      if (key == "opscope-rules") {
        version = scalar(kv.getValue());
      } else if (key == "kind") {
        kindNode = kv.getValue();
        kind = scalar(kindNode);
        auto known = kKinds.find(kind);
        if (known == kKinds.end()) {
          error(kindNode, "unknown rules kind '" + kind + "' (known: effort, hazards, python, rewrites)");
          return {};
        }
        if (!known->second) return {};  // another loader's file
      } else if (key == "sources") {
        readSources(kv.getValue(), sources);
      } else if (key == "hazards") {
        sawHazards = true;
        if (kind != "hazards") error(kv.getKey(), "'hazards' before 'kind: hazards'");
        else if (auto* seq = sequence(kv.getValue(), "hazards"))
          for (yaml::Node& n : *seq) readHazard(&n, sources, hazards);
      } else {
        error(kv.getKey(), "unknown key '" + key + "' in a hazards file");
      }
      if (kv.getValue()) kv.getValue()->skip();
    }
    if (version != "1") error(top, "a rules file starts with 'opscope-rules: 1'");
    if (kind.empty()) error(top, "a rules file needs a 'kind'");
    else if (!sawHazards) error(top, "a hazards file needs a 'hazards' list");
    if (errors_ > 0) return {};
    return hazards;
  }

  unsigned errors() const { return errors_; }

 private:
  void readSources(yaml::Node* node, std::map<std::string, std::string>& out) {
    auto* seq = sequence(node, "sources");
    if (!seq) return;
    for (yaml::Node& n : *seq) {
      auto* m = mapping(&n, "a source");
      if (!m) continue;
      std::map<std::string, std::string> f;
      for (yaml::KeyValueNode& kv : *m) {
        std::string key = scalar(kv.getKey());
        static const std::set<std::string> kKeys = {"id", "title", "url", "repository", "commit", "path", "date", "license"};
        if (!kKeys.count(key)) error(kv.getKey(), "unknown key '" + key + "' in a source");
        f[key] = scalar(kv.getValue());
      }
      for (const char* required : {"id", "title", "date"})
        if (f[required].empty()) error(&n, std::string("a source needs '") + required + "'");
      if (f["url"].empty() && f["repository"].empty()) error(&n, "a source needs 'url' or 'repository'");
      std::string where = f["url"].empty() ? f["repository"] + (f["commit"].empty() ? "" : "@" + f["commit"].substr(0, 12)) : f["url"];
      if (!out.emplace(f["id"], f["title"] + " (" + where + "), " + f["date"]).second)
        error(&n, "source id '" + f["id"] + "' appears twice");
    }
  }

  void readHazard(yaml::Node* node, const std::map<std::string, std::string>& sources, std::vector<HazardRule>& out) {
    auto* m = mapping(node, "a hazard");
    if (!m) return;
    HazardRule h;
    h.file = src_.path;
    h.line = sm_.getLineAndColumn(node->getSourceRange().Start).first;
    for (yaml::KeyValueNode& kv : *m) {
      std::string key = scalar(kv.getKey());
      yaml::Node* v = kv.getValue();
      if (key == "id") h.id = scalar(v);
      else if (key == "title") h.title = scalar(v);
      else if (key == "severity") {
        h.severity = scalar(v);
        if (!kSeverities.count(h.severity)) error(v, "severity must be info, low, medium or high");
      } else if (key == "message") h.message = scalar(v);
      else if (key == "detect") readDetect(v, h);
      else if (key == "advice") readAdvice(v, sources, h);
      else error(kv.getKey(), "unknown key '" + key + "' in a hazard");
    }
    if (!isKebab(h.id)) error(node, "a hazard needs an 'id' in kebab-case");
    if (h.title.empty() || h.message.empty() || h.severity.empty()) error(node, "a hazard needs title, severity and message");
    if (h.checks.empty() && h.symbols.empty()) error(node, "hazard '" + h.id + "' has nothing that detects it (detect: checks or symbols)");
    if (std::any_of(out.begin(), out.end(), [&](const HazardRule& o) { return o.id == h.id; }) || seen_.count(h.id))
      error(node, "hazard id '" + h.id + "' appears twice");
    seen_.insert(h.id);
    out.push_back(std::move(h));
  }

  void readDetect(yaml::Node* node, HazardRule& h) {
    auto* m = mapping(node, "detect");
    if (!m) return;
    for (yaml::KeyValueNode& kv : *m) {
      std::string key = scalar(kv.getKey());
      std::vector<std::string>* list = key == "checks" ? &h.checks : key == "symbols" ? &h.symbols : nullptr;
      if (!list) {
        error(kv.getKey(), "unknown key '" + key + "' in detect (expected checks or symbols)");
        continue;
      }
      if (auto* seq = sequence(kv.getValue(), key))
        for (yaml::Node& n : *seq) {
          std::string s = scalar(&n);
          if (s.empty() || (s.find('*') != std::string::npos && s.find('*') != s.size() - 1))
            error(&n, "a symbol pattern is a name or a prefix ending in '*'");
          list->push_back(s);
        }
    }
  }

  void readAdvice(yaml::Node* node, const std::map<std::string, std::string>& sources, HazardRule& h) {
    auto* m = mapping(node, "advice");
    if (!m) return;
    for (yaml::KeyValueNode& kv : *m) {
      std::string platform = scalar(kv.getKey());
      if (std::find(platforms_.begin(), platforms_.end(), platform) == platforms_.end())
        error(kv.getKey(), "unknown platform '" + platform + "'");
      auto* am = mapping(kv.getValue(), "advice for " + platform);
      if (!am) continue;
      HazardAdvice a;
      bool haveStatus = false;
      for (yaml::KeyValueNode& akv : *am) {
        std::string key = scalar(akv.getKey());
        if (key == "status") {
          std::string s = scalar(akv.getValue());
          if (auto st = parseCoverageStatus(s)) {
            a.status = *st;
            haveStatus = true;
          } else {
            error(akv.getValue(), "unknown status '" + s + "'");
          }
        } else if (key == "text") {
          a.text = scalar(akv.getValue());
        } else if (key == "source") {
          std::string id = scalar(akv.getValue());
          auto it = sources.find(id);
          if (it == sources.end()) error(akv.getValue(), "unknown source '" + id + "' (not in this file's sources)");
          else a.source = it->second;
        } else {
          error(akv.getKey(), "unknown key '" + key + "' in advice");
        }
      }
      if (!haveStatus || a.text.empty()) error(kv.getValue(), "advice needs status and text");
      if (!h.advice.emplace(platform, a).second) error(kv.getKey(), "advice for '" + platform + "' appears twice");
    }
  }

  std::string scalar(yaml::Node* node) {
    if (auto* s = llvm::dyn_cast_or_null<yaml::ScalarNode>(node)) {
      llvm::SmallString<128> storage;
      return s->getValue(storage).str();
    }
    if (auto* b = llvm::dyn_cast_or_null<yaml::BlockScalarNode>(node)) return b->getValue().str();
    error(node, "expected a scalar");
    return "";
  }
  yaml::MappingNode* mapping(yaml::Node* node, const std::string& what) {
    if (auto* m = llvm::dyn_cast_or_null<yaml::MappingNode>(node)) return m;
    error(node, what + " must be a mapping");
    return nullptr;
  }
  yaml::SequenceNode* sequence(yaml::Node* node, const std::string& what) {
    if (auto* s = llvm::dyn_cast_or_null<yaml::SequenceNode>(node)) return s;
    error(node, what + " must be a list");
    return nullptr;
  }
  void error(yaml::Node* node, const std::string& message) {
    report(node ? node->getSourceRange().Start : llvm::SMLoc(), message);
  }
  void report(llvm::SMLoc loc, const std::string& message) {
    ++errors_;
    db::Diagnostic d;
    d.file = src_.path;
    if (loc.isValid()) std::tie(d.line, d.column) = sm_.getLineAndColumn(loc);
    d.message = message;
    diags_.push_back(std::move(d));
  }

  const db::SourceText& src_;
  const std::vector<PlatformId>& platforms_;
  std::vector<db::Diagnostic>& diags_;
  llvm::SourceMgr sm_;
  yaml::Stream stream_;
  unsigned errors_ = 0;
  std::set<std::string> seen_;
};

bool RuleSet::load(const std::vector<db::SourceText>& files, const std::vector<PlatformId>& platforms,
                   std::vector<db::Diagnostic>& diags) {
  bool ok = true;
  for (const db::SourceText& f : files) {
    RuleFileReader reader(f, platforms, diags);
    std::vector<HazardRule> hazards = reader.read();
    if (reader.errors() > 0) {
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
