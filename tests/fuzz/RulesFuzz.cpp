// libFuzzer target for the rules loaders: the kind every loader is picked by, the hazard rules (analyzer/rewrite/Rules.cpp), the
// Python rewrite rules (analyzer/scan/PythonRules.cpp) and the effort weights of the porting plan
// (analyzer/db/EffortModel.cpp). The input is one rules file given to each,
// as a user's rules file would be. Every diagnostic must sit inside the input; the loaders'
// results must agree with their diagnostics; nothing may crash or hang.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scan/PythonRules.h"
#include "db/EffortModel.h"
#include "rewrite/Rules.h"

// The built-in Python rule files are embedded into opscope_cli; this target does not need them.
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_python_rule_files() {
  static const std::vector<std::pair<std::string_view, std::string_view>> none;
  return none;
}

namespace {

void checkDiagnostics(const std::vector<opscope::db::Diagnostic>& diags, const std::string& text, bool ok) {
  unsigned lines = 1;
  for (char c : text) lines += c == '\n';
  bool errors = false;
  for (const opscope::db::Diagnostic& d : diags) {
    if (d.file != "rules.yaml" || d.line == 0 || d.column == 0 || d.line > lines || d.message.empty()) {
      std::fprintf(stderr, "diagnostic outside the input (%u lines): %s\n", lines, d.str().c_str());
      std::abort();
    }
    errors = errors || d.severity == opscope::db::Diagnostic::Severity::Error;
  }
  if (ok == errors) {
    std::fprintf(stderr, "the loader says %s but reported %s error\n", ok ? "ok" : "failed", errors ? "an" : "no");
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace opscope;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<db::SourceText> files = {db::SourceText{"rules.yaml", text}};
  {
    // The kind every loader is picked by: one of the known kinds, or an error inside the input.
    std::vector<db::Diagnostic> diags;
    std::optional<std::string> kind = rewrite::ruleFileKind(files[0], diags);
    checkDiagnostics(diags, text, kind.has_value());
    const std::vector<std::string>& kinds = rewrite::ruleFileKinds();
    if (kind && std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) std::abort();
    if (kind && rewrite::ruleFileKind(text) != *kind) std::abort();
  }
  {
    rewrite::RuleSet set;
    std::vector<db::Diagnostic> diags;
    bool ok = set.load(files, {"ascend", "dcu"}, diags);
    checkDiagnostics(diags, text, ok);
    for (const rewrite::HazardRule& h : set.hazards())
      if (set.hazard(h.id) == nullptr) std::abort();
  }
  {
    std::vector<python::RuleSet> sets;
    std::vector<db::Diagnostic> diags;
    bool ok = scan::loadPythonRules(files, sets, diags);
    checkDiagnostics(diags, text, ok);
    if (ok) (void)scan::rulesFor(sets, "ascend");
  }
  {
    std::vector<db::Diagnostic> diags;
    std::optional<EffortModel> model = db::loadEffortModel(files.front(), {"ascend", "dcu"}, diags);
    checkDiagnostics(diags, text, model.has_value());
    if (model)
      for (const EffortProfile& p : model->profiles)
        for (std::string_view id : kEffortWeightIds)
          if (!p.weights.count(std::string(id)) || p.weight(id) < 0) std::abort();
  }
  return 0;
}
