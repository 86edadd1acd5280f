#include "db/UseCoverage.h"

#include <algorithm>

namespace opscope::db {

namespace {

/// `c` (the answer entry `e` gives) narrowed for the dtypes `finding` names.
Coverage narrowForUse(const Entry* e, Coverage c, const Finding& finding) {
  size_t at = finding.detail.find("dtypes=");
  if (!e || e->constraints.dtypes.empty() || at == std::string::npos) return c;
  if (c.status != CoverageStatus::Native && c.status != CoverageStatus::Mapped) return c;
  std::string_view list = std::string_view(finding.detail).substr(at + 7);
  list = list.substr(0, list.find(' '));
  std::string outside;
  while (!list.empty()) {
    std::string_view d = list.substr(0, list.find(','));
    list.remove_prefix(std::min(list.size(), d.size() + 1));
    const auto& ok = e->constraints.dtypes;
    if (std::find(ok.begin(), ok.end(), d) == ok.end()) outside += (outside.empty() ? "" : ", ") + std::string(d);
  }
  if (outside.empty()) return c;
  std::string supported;
  for (const std::string& d : e->constraints.dtypes) supported += (supported.empty() ? "" : ", ") + d;
  c.status = CoverageStatus::Partial;
  c.note = "This use's dtype " + outside + " is not among the supported ones (" + supported + ")." +
           (c.note.empty() ? "" : " " + c.note);
  return c;
}

}  // namespace

Coverage coverageForUse(const Database& db, std::string_view platform, const Finding& finding) {
  return narrowForUse(db.entry(platform, finding.symbol.name), db.lookup(platform, finding.symbol.name), finding);
}

Coverage coverageForUse(const Database& db, const TargetDescriptor& target, const Finding& finding) {
  return narrowForUse(db.entry(target.platform, finding.symbol.name), lookupAt(db, target, finding.symbol.name), finding);
}

}  // namespace opscope::db
