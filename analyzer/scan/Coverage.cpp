#include "scan/Coverage.h"

#include <algorithm>

#include "db/UseCoverage.h"
#include "scan/CallShapes.h"

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
      // A call whose target function takes another argument shape is partial for this use.
      rf.coverage[p.id] = callShapeForUse(callRules(p.id), f, std::move(c));
    }
  }
  rf.finding = std::move(f);
  return rf;
}

const rewrite::PlatformRewrites* CoverageResolver::callRules(const PlatformId& platform) const {
  std::vector<PlatformId> ids;
  for (const Platform& p : db_.platforms()) ids.push_back(p.id);
  return builtinRewriteRules(ids).platform(platform);
}

Coverage CoverageResolver::node(const onnx::NodeCoverage& nc) {
  Coverage c = nc.answer;
  c.status = nc.status;
  if (!nc.reason.empty()) c.note = nc.reason + (c.note.empty() ? "" : "; " + c.note);
  return c;
}

}  // namespace opscope::scan
