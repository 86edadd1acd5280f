#include "scan/Rules.h"

#include <optional>
#include <stdexcept>

#include "scan/Files.h"
#include "scan/PythonRules.h"
#include "cuda/CudaFrontend.h"

namespace opscope::scan {
namespace {

std::string listed(const std::vector<db::Diagnostic>& diags) {
  std::string out;
  for (const db::Diagnostic& d : diags) out += "\n  " + d.str();
  return out;
}

/// Each check a hazard names must be one the C/C++/CUDA frontend has; returns the problems.
std::vector<db::Diagnostic> unknownChecks(const rewrite::RuleSet& set) {
  std::vector<db::Diagnostic> out;
  for (const rewrite::HazardRule& h : set.hazards())
    for (const std::string& c : h.checks) {
      bool known = false;
      for (const cuda::HazardCheck& k : cuda::hazardChecks()) known = known || k.id == c;
      if (known) continue;
      db::Diagnostic d;
      d.file = h.file;
      d.line = h.line;
      d.column = 1;
      std::string ids;
      for (const cuda::HazardCheck& k : cuda::hazardChecks()) ids += (ids.empty() ? "" : ", ") + k.id;
      d.message = "hazard '" + h.id + "' names check '" + c + "', which the C/C++/CUDA frontend does not have (it has: " + ids + ")";
      out.push_back(std::move(d));
    }
  return out;
}

std::vector<PlatformId> platformIds(const db::Database& db) {
  std::vector<PlatformId> ids;
  for (const Platform& p : db.platforms()) ids.push_back(p.id);
  return ids;
}

/// Loads `hazardFiles` and `pythonFiles` into `into`; returns the problems.
std::vector<db::Diagnostic> loadInto(LayeredRules& into, const db::Database& db, const std::vector<db::SourceText>& hazardFiles,
                                     const std::vector<db::SourceText>& pythonFiles) {
  std::vector<db::Diagnostic> diags;
  rewrite::RuleSet layer;
  if (layer.load(hazardFiles, platformIds(db), diags)) {
    std::vector<db::Diagnostic> checks = unknownChecks(layer);
    if (checks.empty()) into.hazards.layer(layer);
    diags.insert(diags.end(), checks.begin(), checks.end());
  }
  loadPythonRules(pythonFiles, into.python, diags);
  rewrite::RewriteRuleSet rewrites;  // all of them again: a later file layers over an earlier one
  if (rewrites.load(into.rewriteFiles, platformIds(db), diags)) into.rewrites = std::move(rewrites);
  return diags;
}

}  // namespace

const LayeredRules& builtinLayeredRules(const db::Database& db) {
  static const LayeredRules rules = [&] {
    LayeredRules r;
    std::vector<db::SourceText> hazards;
    for (const db::SourceText& f : rewrite::builtinRuleFiles())
      (rewrite::ruleFileKind(f.text) == "hazards" ? hazards : r.rewriteFiles).push_back(f);
    std::vector<db::Diagnostic> diags = loadInto(r, db, hazards, builtinPythonRuleFiles());
    if (!diags.empty()) throw std::logic_error("the built-in rules have errors:" + listed(diags));
    return r;
  }();
  return rules;
}

LayeredRules loadLayeredRules(const db::Database& db, const std::vector<std::string>& userFiles, std::ostream& err) {
  LayeredRules rules = builtinLayeredRules(db);
  if (userFiles.empty()) return rules;
  std::vector<db::SourceText> hazards, python;
  for (const std::string& path : userFiles) {
    std::optional<std::string> text = readSourceText("", path);
    if (!text) throw UsageError{"cannot read rules file '" + path + "'"};
    rules.userFiles.push_back({path, *text});
    // The kind, read through db::FileReader like everything else, picks the file's loader.
    std::vector<db::Diagnostic> kindDiags;
    std::optional<std::string> kind = rewrite::ruleFileKind(db::SourceText{path, *text}, kindDiags);
    if (!kind) {
      for (const db::Diagnostic& d : kindDiags) err << d.str() << "\n";
      throw UsageError{"the rules have errors"};
    }
    if (*kind == "hazards") hazards.push_back({path, *text});
    else if (*kind == "python") python.push_back({path, *text});
    else if (*kind == "rewrites") rules.rewriteFiles.push_back({path, *text});
    else throw UsageError{"rules file '" + path + "' has kind '" + *kind + "', which --rules does not take"};
  }
  std::vector<db::Diagnostic> diags = loadInto(rules, db, hazards, python);
  if (!diags.empty()) {
    for (const db::Diagnostic& d : diags) err << d.str() << "\n";
    throw UsageError{"the rules have errors"};
  }
  return rules;
}

}  // namespace opscope::scan
