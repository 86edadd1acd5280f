#include "scan/Config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scan/Files.h"
#include "db/YamlReader.h"

namespace opscope::scan {
namespace fs = std::filesystem;
namespace yaml = llvm::yaml;

ProjectConfig readProjectConfig(const std::string& path, const std::string& text) {
  ProjectConfig cfg;
  cfg.path = path;
  fs::path base = fs::path(path).parent_path();
  auto absolute = [&](const std::string& p) { return fs::path(p).is_absolute() ? p : (base / p).lexically_normal().string(); };
  std::vector<db::Diagnostic> diags;
  db::SourceText src{path, text};
  db::FileReader r(src, diags);
  auto list = [&](yaml::Node* v, const char* what, std::vector<std::string>& out) {
    if (yaml::SequenceNode* seq = r.sequence(v, what))
      for (yaml::Node& item : *seq)
        if (auto s = r.scalar(&item, what)) out.push_back(*s);
  };
  for (yaml::Document& doc : r.stream()) {
    yaml::Node* root = doc.getRoot();
    if (llvm::isa_and_nonnull<yaml::NullNode>(root)) break;  // an empty file sets nothing
    yaml::MappingNode* top = r.mapping(root, ".opscope.yaml");
    if (!top) break;
    r.forEachKey(top, ".opscope.yaml", [&](const std::string& k, yaml::Node*, yaml::Node* v) {
      if (k == "targets") list(v, "targets", cfg.targets);
      else if (k == "fail_on") list(v, "fail_on", cfg.failOn);
      else if (k == "exclude") list(v, "exclude", cfg.exclude);
      else if (k == "db") {
        list(v, "db", cfg.db);
        for (std::string& p : cfg.db) p = absolute(p);
      } else if (k == "rules") {
        list(v, "rules", cfg.rules);
        for (std::string& p : cfg.rules) p = absolute(p);
      } else if (k == "baseline") {
        if (auto s = r.scalar(v, "baseline")) cfg.baseline = absolute(*s);
      } else if (k == "import_strategy") {
        if (auto s = r.scalar(v, "import_strategy")) cfg.importStrategy = *s;
      } else if (k == "unit_timeout") {
        if (auto s = r.scalar(v, "unit_timeout")) cfg.unitTimeout = *s;
      } else if (k == "unit_memory") {
        if (auto s = r.scalar(v, "unit_memory")) cfg.unitMemory = *s;
      } else if (k == "fail_under") {
        if (yaml::MappingNode* m = r.mapping(v, "fail_under"))
          r.forEachKey(m, "fail_under", [&](const std::string& platform, yaml::Node*, yaml::Node* pv) {
            if (auto s = r.scalar(pv, "a percentage")) cfg.failUnder.push_back(platform + "=" + *s);
            return true;
          });
      } else {
        return false;
      }
      return true;
    });
    break;  // one document
  }
  std::string errors;
  for (const db::Diagnostic& d : diags)
    if (d.severity == db::Diagnostic::Severity::Error) errors += "\n  " + d.str();
  if (!errors.empty()) throw UsageError{"the project configuration has errors:" + errors};
  return cfg;
}

std::optional<ProjectConfig> findProjectConfig(const std::string& dir) {
  std::error_code ec;
  for (fs::path d = fs::absolute(dir, ec); !d.empty(); d = d.parent_path()) {
    fs::path candidate = d / ".opscope.yaml";
    if (fs::is_regular_file(candidate, ec)) {
      std::ifstream in(candidate, std::ios::binary);
      if (!in) throw UsageError{"cannot read '" + candidate.string() + "'"};
      std::stringstream ss;
      ss << in.rdbuf();
      return readProjectConfig(candidate.string(), ss.str());
    }
    if (d == d.root_path()) break;
  }
  return std::nullopt;
}

}  // namespace opscope::scan
