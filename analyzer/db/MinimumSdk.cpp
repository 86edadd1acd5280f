#include "db/MinimumSdk.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace opscope::db {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string text(const std::vector<int>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "." : "") + std::to_string(v[i]);
  return out;
}

/// One platform, one SDK.
MinimumSdk forSdk(const Database& db, const std::string& platform, const std::string& sdk,
                  const std::vector<std::string>& symbols) {
  MinimumSdk out;
  out.platform = platform;
  out.sdk = sdk;
  std::vector<std::vector<int>> known = knownVersions(db, platform, sdk);
  if (!known.empty()) out.oldest = text(known.front());
  struct Dated {
    std::string symbol;
    std::vector<int> min, max;
  };
  std::vector<Dated> dated;
  for (const std::string& symbol : symbols) {
    const Entry* e = db.answering(platform, symbol);
    ++out.ops;
    if (!e) continue;
    auto range = parseSdkRange(e->constraints.sdk);
    if (!range || lower(range->sdk) != sdk) continue;
    if (out.sdk == sdk) out.sdk = range->sdk;  // as the opdb spells it
    dated.push_back({symbol, range->min, range->max});
  }
  out.dated = static_cast<unsigned>(dated.size());
  if (dated.empty()) return out;
  std::vector<int> need = known.empty() ? std::vector<int>{} : known.front();
  for (const Dated& d : dated)
    if (!d.min.empty() && compareVersions(d.min, need) > 0) need = d.min;
  // Round up to a level the opdb knows, when it lists them.
  for (const auto& k : known)
    if (compareVersions(k, need) >= 0) {
      need = compareVersions(k, need) == 0 ? need : k;
      break;
    }
  out.minimum = text(need);
  for (const Dated& d : dated) {
    if (!d.min.empty() && (known.empty() || compareVersions(d.min, known.front()) > 0)) out.newer.push_back({d.symbol, text(d.min)});
    if (!d.max.empty() && compareVersions(d.max, need) <= 0) out.removed.push_back({d.symbol, text(d.max)});
  }
  auto newestFirst = [](const SdkNeed& a, const SdkNeed& b) {
    int c = compareVersions(*parseVersion(a.version), *parseVersion(b.version));
    return c != 0 ? c > 0 : a.symbol < b.symbol;
  };
  std::sort(out.newer.begin(), out.newer.end(), newestFirst);
  std::sort(out.removed.begin(), out.removed.end(), newestFirst);
  return out;
}

}  // namespace

std::vector<MinimumSdk> minimumSdk(const Database& db, const std::vector<TargetDescriptor>& targets,
                                   const std::vector<std::string>& symbols) {
  std::vector<MinimumSdk> out;
  for (const TargetDescriptor& t : targets)
    for (const SdkLevels& sdk : db.levels(t.platform).sdks) out.push_back(forSdk(db, t.platform, sdk.id, symbols));
  return out;
}

std::vector<std::string> symbolsInUse(const Report& report) {
  std::set<std::string> names;
  for (const ReportFinding& rf : report.findings) {
    const Symbol& s = rf.finding.symbol;
    if (isInventoryKind(s.kind) || s.kind == SymbolKind::Hazard || !rf.deviceCode.empty()) continue;
    names.insert(s.name);
  }
  return {names.begin(), names.end()};
}

}  // namespace opscope::db
