#include "db/EffortModel.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <set>

#include "db/YamlReader.h"

namespace opscope::db {

namespace {

bool parseBool(FileReader& r, yaml::Node* v, bool& out) {
  std::optional<std::string> s = r.scalar(v, "a flag");
  if (!s) return false;
  if (*s == "true") out = true;
  else if (*s == "false") out = false;
  else {
    r.error(v, "expected true or false, not '" + *s + "'");
    return false;
  }
  return true;
}

void readStrings(FileReader& r, yaml::Node* v, std::string_view what, std::vector<std::string>& out) {
  if (auto* seq = r.sequence(v, what))
    for (yaml::Node& n : *seq)
      if (std::optional<std::string> s = r.scalar(&n, what)) out.push_back(*s);
}

void readWeight(FileReader& r, yaml::Node* v, const std::string& id, const std::map<std::string, std::string>& sources,
                EffortWeight& w) {
  auto* m = r.mapping(v, "a weight");
  if (!m) return;
  bool hasValue = false;
  r.forEachKey(m, "a weight", [&](const std::string& key, yaml::Node*, yaml::Node* value) {
    if (key == "value") {
      std::optional<std::string> s = r.scalar(value, "value");
      std::optional<double> d = s ? parseNumber(*s) : std::nullopt;
      if (!d) r.error(value, "weight '" + id + "' needs a number >= 0");
      else {
        w.value = *d;
        hasValue = true;
      }
    } else if (key == "rationale") {
      w.rationale = r.scalar(value, "rationale").value_or("");
    } else if (key == "source") {
      std::string s = r.scalar(value, "source").value_or("");
      auto it = sources.find(s);
      if (it == sources.end()) r.error(value, "unknown source '" + s + "' (list it under 'sources')");
      else w.source = it->second;
    } else {
      return false;
    }
    return true;
  });
  if (!hasValue) r.error(v, "weight '" + id + "' needs a 'value'");
  if (w.rationale.empty()) r.error(v, "weight '" + id + "' needs a 'rationale'");
  if (w.source.empty()) r.error(v, "weight '" + id + "' needs a 'source'");
}

void readProfile(FileReader& r, yaml::Node* node, const std::vector<PlatformId>& platforms,
                 const std::map<std::string, std::string>& sources, std::set<PlatformId>& claimed,
                 std::vector<EffortProfile>& out) {
  auto* m = r.mapping(node, "a profile");
  if (!m) return;
  EffortProfile p;
  r.forEachKey(m, "a profile", [&](const std::string& key, yaml::Node*, yaml::Node* v) {
    if (key == "id") {
      p.id = r.scalar(v, "id").value_or("");
      if (!validId(p.id)) r.error(v, "a profile id is lower-case letters, digits, '-' and '_'");
    } else if (key == "platforms") {
      readStrings(r, v, "platforms", p.platforms);
      for (const PlatformId& id : p.platforms) {
        if (!platforms.empty() && std::find(platforms.begin(), platforms.end(), id) == platforms.end())
          r.error(v, "unknown platform '" + id + "'");
        if (!claimed.insert(id).second) r.error(v, "platform '" + id + "' is in two profiles");
      }
    } else if (key == "rewrites_api_names") {
      parseBool(r, v, p.rewritesApiNames);
    } else if (key == "kernels_compile") {
      parseBool(r, v, p.kernelsCompile);
    } else if (key == "missing_gets_shim") {
      parseBool(r, v, p.missingGetsShim);
    } else if (key == "redesign_libraries") {
      readStrings(r, v, "redesign_libraries", p.redesignLibraries);
    } else if (key == "weights") {
      if (auto* wm = r.mapping(v, "weights"))
        r.forEachKey(wm, "weights", [&](const std::string& id, yaml::Node*, yaml::Node* wv) {
          if (std::find(std::begin(kEffortWeightIds), std::end(kEffortWeightIds), id) == std::end(kEffortWeightIds))
            return false;
          readWeight(r, wv, id, sources, p.weights[id]);
          return true;
        });
    } else {
      return false;
    }
    return true;
  });
  if (p.id.empty()) r.error(node, "a profile needs an 'id'");
  if (p.platforms.empty()) r.error(node, "profile '" + p.id + "' needs 'platforms'");
  for (std::string_view id : kEffortWeightIds)
    if (!p.weights.count(std::string(id))) r.error(node, "profile '" + p.id + "' needs weight '" + std::string(id) + "'");
  if (p.weight("lines_per_day_low") <= 0 || p.weight("lines_per_day_high") < p.weight("lines_per_day_low"))
    r.error(node, "profile '" + p.id + "': lines_per_day_low must be > 0 and <= lines_per_day_high");
  out.push_back(std::move(p));
}

}  // namespace

std::optional<EffortModel> loadEffortModel(const SourceText& file, const std::vector<PlatformId>& platforms,
                                           std::vector<Diagnostic>& diags) {
  FileReader r(file, diags);
  EffortModel model;
  model.file = file.path;
  auto doc = r.stream().begin();
  if (doc == r.stream().end() || !doc->getRoot()) {
    r.error(nullptr, "empty effort file");
    return std::nullopt;
  }
  auto* top = r.mapping(doc->getRoot(), "an effort file");
  if (!top) return std::nullopt;
  std::string version, kind;
  std::map<std::string, std::string> sources;
  std::set<PlatformId> claimed;
  bool sawProfiles = false;
  // Keys stream in order: the envelope and the sources come before the profiles that cite them.
  r.forEachKey(top, "an effort file", [&](const std::string& key, yaml::Node*, yaml::Node* v) {
    if (key == "opscope-rules") {
      version = r.scalar(v, "opscope-rules").value_or("");
    } else if (key == "kind") {
      kind = r.scalar(v, "kind").value_or("");
      if (kind != "effort") r.error(v, "an effort file has 'kind: effort'");
    } else if (key == "sources") {
      if (auto* seq = r.sequence(v, "sources"))
        for (yaml::Node& n : *seq) {
          auto* m = r.mapping(&n, "a source");
          if (!m) continue;
          std::map<std::string, std::string> f;
          r.forEachKey(m, "a source", [&](const std::string& k, yaml::Node*, yaml::Node* sv) {
            static const std::set<std::string> kKeys = {"id", "title", "url", "repository", "commit", "path", "date"};
            if (!kKeys.count(k)) return false;
            f[k] = r.scalar(sv, k).value_or("");
            return true;
          });
          for (const char* required : {"id", "title", "date"})
            if (f[required].empty()) r.error(&n, std::string("a source needs '") + required + "'");
          std::string where = !f["url"].empty() ? f["url"]
                                                : f["repository"] + (f["path"].empty() ? "" : " " + f["path"]);
          if (!sources.emplace(f["id"], f["title"] + " (" + where + "), " + f["date"]).second)
            r.error(&n, "source id '" + f["id"] + "' appears twice");
        }
    } else if (key == "profiles") {
      sawProfiles = true;
      if (auto* seq = r.sequence(v, "profiles"))
        for (yaml::Node& n : *seq) readProfile(r, &n, platforms, sources, claimed, model.profiles);
    } else {
      return false;
    }
    return true;
  });
  if (version != "1") r.error(top, "an effort file starts with 'opscope-rules: 1'");
  if (kind.empty()) r.error(top, "an effort file needs 'kind: effort'");
  if (!sawProfiles) r.error(top, "an effort file needs a 'profiles' list");
  if (r.hadError()) return std::nullopt;
  return model;
}

std::optional<EffortModel> loadEffortModelFile(const std::string& path, const std::vector<PlatformId>& platforms,
                                               std::vector<Diagnostic>& diags) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    Diagnostic d;
    d.file = path;
    d.line = d.column = 1;
    d.message = "cannot read the effort file";
    diags.push_back(std::move(d));
    return std::nullopt;
  }
  return loadEffortModel(SourceText{path, text.str()}, platforms, diags);
}

}  // namespace opscope::db
