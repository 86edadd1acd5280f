#include "scan/Coverage.h"

#include <algorithm>

#include "db/UseCoverage.h"
#include "scan/RewriteAnswers.h"

namespace opscope::scan {

ReportFinding CoverageResolver::resolve(Finding f) const {
  ReportFinding rf;
  if (f.symbol.kind == SymbolKind::Hazard && f.symbol.library == "python") {
    if (auto answers = pythonHazards_.find(f.symbol.name); answers != pythonHazards_.end())
      for (const Platform& p : targets_)
        if (auto a = answers->second.find(p.id); a != answers->second.end()) rf.coverage[p.id] = a->second;
  } else if (f.symbol.kind == SymbolKind::Hazard) {
    if (const rewrite::HazardRule* rule = hazards_.hazard(f.symbol.name)) {
      f.detail = rule->title + (f.detail.empty() ? "" : ": " + f.detail);
      for (const Platform& p : targets_) {
        Coverage c;
        if (auto advice = rule->advice.find(p.id); advice != rule->advice.end()) {
          c.status = advice->second.status;
          c.note = advice->second.text;
          c.source = advice->second.source;
          c.layer = rule->file;
        }
        rf.coverage[p.id] = std::move(c);
      }
    }
  } else if (!isInventoryKind(f.symbol.kind)) {
    for (const Platform& p : targets_) {
      auto level = std::find_if(levels_.begin(), levels_.end(), [&](const db::TargetDescriptor& t) { return t.platform == p.id; });
      // The entry re-decided at the target's product and SDK level, then judged for this use (a
      // dtype list matters only when the use hits it).
      Coverage c = db::coverageForUse(db_, level != levels_.end() ? *level : db::TargetDescriptor{p.id, "", "", ""}, f);
      // What the platform's rewrite rules do with this use: a call shape fixed, a fallback defined.
      rf.coverage[p.id] = rewriteAnswerForUse(rewrites_.platform(p.id), f, std::move(c));
    }
  }
  rf.finding = std::move(f);
  return rf;
}

Coverage CoverageResolver::node(const onnx::NodeCoverage& nc) {
  Coverage c = nc.answer;
  c.status = nc.status;
  if (!nc.reason.empty()) c.note = nc.reason + (c.note.empty() ? "" : "; " + c.note);
  return c;
}

}  // namespace opscope::scan
