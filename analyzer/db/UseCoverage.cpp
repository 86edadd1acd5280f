#include "db/UseCoverage.h"

#include <algorithm>

namespace opscope::db {

Coverage coverageForUse(const Database& db, std::string_view platform, const Finding& finding) {
  Coverage c = db.lookup(platform, finding.symbol.name);
  const Entry* e = db.entry(platform, finding.symbol.name);
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

}  // namespace opscope::db
