#include "scan/CallShapes.h"

#include <mutex>

#include "rewrite/Rules.h"

namespace opscope::scan {

std::optional<unsigned> writtenArguments(const Finding& f) {
  size_t at = f.detail.find("args=");
  if (at == std::string::npos || (at > 0 && f.detail[at - 1] != ' ')) return std::nullopt;
  unsigned n = 0;
  size_t i = at + 5;
  if (i >= f.detail.size() || !std::isdigit(static_cast<unsigned char>(f.detail[i]))) return std::nullopt;
  for (; i < f.detail.size() && std::isdigit(static_cast<unsigned char>(f.detail[i])); ++i) n = n * 10 + (f.detail[i] - '0');
  return n;
}

Coverage callShapeForUse(const rewrite::PlatformRewrites* rules, const Finding& f, Coverage answer) {
  if (!rules || (answer.status != CoverageStatus::Native && answer.status != CoverageStatus::Mapped)) return answer;
  std::optional<unsigned> n = writtenArguments(f);
  if (!n) return answer;
  std::vector<std::string> placeholders, names;
  for (unsigned i = 1; i <= *n; ++i) {
    placeholders.push_back("{" + std::to_string(i) + "}");
    names.push_back("arg" + std::to_string(i));
  }
  for (const rewrite::CallRule* rule : rules->callsFor(f.symbol.name)) {
    std::optional<std::string> shape = rule->argumentTemplate.expand(placeholders);
    if (!shape) continue;  // this rule is for another argument count
    std::string plain = (answer.target.empty() ? f.symbol.name : answer.target) + "(";
    for (size_t i = 0; i < placeholders.size(); ++i) plain += (i ? ", " : "") + placeholders[i];
    plain += ")";
    if (*shape == plain) return answer;
    answer.status = CoverageStatus::Partial;
    answer.note = "This call passes " + std::to_string(*n) + " argument" + (*n == 1 ? "" : "s") +
                  ", a shape " + (answer.target.empty() ? f.symbol.name : answer.target) +
                  " does not take: " + rule->note + ". Fix: " + *rule->argumentTemplate.expand(names) +
                  " (the rewrite's rule " + rule->id + " makes this edit)." +
                  (answer.note.empty() ? "" : " " + answer.note);
    return answer;
  }
  return answer;
}

const rewrite::RewriteRuleSet& builtinRewriteRules(const std::vector<PlatformId>& platforms) {
  static std::once_flag once;
  static rewrite::RewriteRuleSet rules;
  std::call_once(once, [&] {
    std::vector<db::Diagnostic> diags;
    rules.load(rewrite::builtinRuleFiles(), platforms, diags);  // the rewrite reports their errors
  });
  return rules;
}

}  // namespace opscope::scan
