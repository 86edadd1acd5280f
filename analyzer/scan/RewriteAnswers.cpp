#include "scan/RewriteAnswers.h"

namespace opscope::scan {
namespace {

bool covered(CoverageStatus s) { return s == CoverageStatus::Native || s == CoverageStatus::Mapped; }

/// A call whose argument count a call rule maps to another shape: partial, with the fix.
Coverage callShape(const rewrite::PlatformRewrites& rules, const Finding& f, Coverage answer) {
  if (!covered(answer.status)) return answer;
  std::optional<unsigned> n = writtenArguments(f);
  if (!n) return answer;
  std::vector<std::string> placeholders, names;
  for (unsigned i = 1; i <= *n; ++i) {
    placeholders.push_back("{" + std::to_string(i) + "}");
    names.push_back("arg" + std::to_string(i));
  }
  for (const rewrite::CallRule* rule : rules.callsFor(f.symbol.name)) {
    std::optional<std::string> shape = rule->argumentTemplate.expand(placeholders);
    if (!shape) continue;  // this rule is for another argument count
    std::string callee = answer.target.empty() ? f.symbol.name : answer.target;
    std::string plain = callee + "(";
    for (size_t i = 0; i < placeholders.size(); ++i) plain += (i ? ", " : "") + placeholders[i];
    plain += ")";
    if (*shape == plain) return answer;
    answer.status = CoverageStatus::Partial;
    answer.note = "This call passes " + std::to_string(*n) + " argument" + (*n == 1 ? "" : "s") + ", a shape " + callee +
                  " does not take: " + rule->note + ". Fix: " + *rule->argumentTemplate.expand(names) +
                  " (the rewrite's rule " + rule->id + " makes this edit)." + (answer.note.empty() ? "" : " " + answer.note);
    answer.layer = std::string(kRewriteRuleLayer) + rule->id;
    return answer;
  }
  return answer;
}

}  // namespace

std::optional<unsigned> writtenArguments(const Finding& f) {
  size_t at = f.detail.find("args=");
  if (at == std::string::npos || (at > 0 && f.detail[at - 1] != ' ')) return std::nullopt;
  unsigned n = 0;
  size_t i = at + 5;
  if (i >= f.detail.size() || !std::isdigit(static_cast<unsigned char>(f.detail[i]))) return std::nullopt;
  for (; i < f.detail.size() && std::isdigit(static_cast<unsigned char>(f.detail[i])); ++i) n = n * 10 + (f.detail[i] - '0');
  return n;
}

Coverage rewriteAnswerForUse(const rewrite::PlatformRewrites* rules, const Finding& f, Coverage answer) {
  if (!rules) return answer;
  if (rules->call(f.symbol.name)) return callShape(*rules, f, std::move(answer));
  // The rewrite's other rules act on names the platform lacks under this spelling; a name the
  // opdb already answers native or mapped keeps that answer (the opdb's mapping is the edit).
  if (covered(answer.status)) return answer;
  std::string was = answer.status == CoverageStatus::Unknown ? "" : " (the opdb: " + std::string(toString(answer.status)) + ")";
  if (const rewrite::FallbackRule* fb = rules->fallback(f.symbol.name)) {
    answer.status = CoverageStatus::Partial;
    answer.target = fb->to;
    answer.note = fb->reason + ". The rewrite's rule " + fb->id + " defines " + fb->to + " in the file and calls it" + was + ".";
    answer.layer = std::string(kRewriteRuleLayer) + fb->id;
  } else if (const rewrite::RenameRule* r = rules->rename(f.symbol.name, f.symbol.kind)) {
    answer.status = CoverageStatus::Mapped;
    answer.target = r->to;
    answer.note = r->reason + (r->to.empty() ? ". The rewrite's rule " + r->id + " removes it" : ". The rewrite's rule " + r->id + " renames it") +
                  was + ".";
    answer.layer = std::string(kRewriteRuleLayer) + r->id;
  } else if (const rewrite::GuardRule* g = f.symbol.kind == SymbolKind::Macro ? rules->guard(f.symbol.name) : nullptr) {
    answer.status = CoverageStatus::Partial;
    answer.target = g->to;
    answer.note = "Tested in #if/#ifdef lines, " + g->from + " becomes " + g->to + " (the rewrite's rule " + g->id +
                  "); any other use needs a hand edit" + was + ".";
    answer.layer = std::string(kRewriteRuleLayer) + g->id;
  }
  return answer;
}

}  // namespace opscope::scan
