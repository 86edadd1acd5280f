#include "db/Target.h"

#include <algorithm>
#include <cctype>

#include "db/Database.h"

namespace opscope::db {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string versionText(const std::vector<int>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "." : "") + std::to_string(v[i]);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

/// The note without its sentences that start with "At <sdk> " (the opdb's own level).
std::string withoutLevelSentences(const std::string& note, const std::string& sdk) {
  std::string out, prefix = "At " + sdk + " ";
  size_t pos = 0;
  while (pos < note.size()) {
    size_t end = note.find(". ", pos);
    size_t stop = end == std::string::npos ? note.size() : end + 1;
    std::string_view sentence = trim(std::string_view(note).substr(pos, stop - pos));
    if (!sentence.starts_with(prefix) && !sentence.empty()) {
      std::string s(sentence);
      if (s.back() != '.') s += '.';
      out += (out.empty() ? "" : " ") + s;
    }
    pos = end == std::string::npos ? note.size() : end + 2;
  }
  return out;
}

}  // namespace

std::string TargetDescriptor::str() const {
  std::string out = platform;
  if (!product.empty()) out += ":" + product;
  if (!sdk.empty()) out += "@" + sdk + "-" + version;
  return out;
}

std::string TargetDescriptor::qualifier(const Database& db) const {
  std::string out;
  if (!product.empty()) {
    const Product* p = db.levels(platform).product(product);
    out = p && !p->name.empty() ? p->name : product;
  }
  if (!sdk.empty()) out += (out.empty() ? "" : ", ") + sdk + " " + version;
  return out;
}

std::optional<std::vector<int>> parseVersion(std::string_view text) {
  std::vector<int> out;
  if (text.empty()) return std::nullopt;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    long value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      value = value * 10 + (text[i] - '0');
      if (value > 100000) return std::nullopt;
      ++i;
    }
    if (i == start) return std::nullopt;
    out.push_back(static_cast<int>(value));
    if (i == text.size()) break;
    if (text[i] != '.' || i + 1 == text.size()) return std::nullopt;
    ++i;
  }
  if (out.size() > 3) return std::nullopt;
  return out;
}

int compareVersions(const std::vector<int>& a, const std::vector<int>& b) {
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    int x = i < a.size() ? a[i] : 0, y = i < b.size() ? b[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

namespace {

std::string productList(const PlatformLevels& levels) {
  std::string out;
  for (const Product& p : levels.products) {
    out += (out.empty() ? "" : ", ") + p.id;
    if (!p.aliases.empty()) {
      out += " (";
      for (size_t i = 0; i < p.aliases.size(); ++i) out += (i ? ", " : "") + p.aliases[i];
      out += ")";
    }
  }
  return out;
}

std::string sdkList(const PlatformLevels& levels) {
  std::string out;
  for (const SdkLevels& s : levels.sdks) {
    out += (out.empty() ? "" : "; ") + s.id;
    if (!s.versions.empty()) out += " " + s.versions.front() + " to " + s.versions.back();
    else out += " (any version)";
  }
  return out;
}

/// Checks the product and SDK of `t` against what platforms.yaml lists for its platform.
bool checkLevels(const Database& db, std::string_view text, TargetDescriptor& t, std::string& error) {
  const PlatformLevels& levels = db.levels(t.platform);
  if (!t.product.empty()) {
    const Product* p = levels.product(t.product);
    if (!p) {
      error = "target '" + std::string(text) + "': " +
              (levels.products.empty() ? "the opdb lists no products for " + t.platform
                                       : "unknown " + t.platform + " product '" + t.product +
                                             "' (known: " + productList(levels) + ")");
      return false;
    }
    t.product = p->id;
  }
  if (t.sdk.empty() || levels.sdks.empty()) return true;
  const SdkLevels* sdk = levels.sdk(t.sdk);
  if (!sdk) {
    error = "target '" + std::string(text) + "': unknown " + t.platform + " SDK '" + t.sdk + "' (known: " +
            sdkList(levels) + ")";
    return false;
  }
  if (sdk->versions.empty()) return true;
  auto want = parseVersion(t.version);
  for (const std::string& v : sdk->versions)
    if (auto known = parseVersion(v); known && want && compareVersions(*known, *want) == 0) {
      t.version = v;
      return true;
    }
  std::string versions;
  for (const std::string& v : sdk->versions) versions += (versions.empty() ? "" : ", ") + v;
  error = "target '" + std::string(text) + "': " + t.sdk + " " + t.version + " is not a level the opdb knows for " +
          t.platform + " (known: " + versions + ")";
  return false;
}

}  // namespace

std::optional<TargetDescriptor> parseTarget(std::string_view text, const Database* db, std::string& error) {
  TargetDescriptor t;
  size_t at = text.find('@');
  std::string_view head = text.substr(0, at);
  size_t colon = head.find(':');
  t.platform = std::string(head.substr(0, colon));
  if (t.platform.empty()) {
    error = "target '" + std::string(text) + "': no platform before '" + (colon == std::string_view::npos ? "@" : ":") + "'";
    return std::nullopt;
  }
  if (colon != std::string_view::npos) {
    t.product = lower(head.substr(colon + 1));
    if (t.product.empty()) {
      error = "target '" + std::string(text) + "': no product after ':' (PLATFORM:PRODUCT, e.g. ascend:910b)";
      return std::nullopt;
    }
  }
  if (db && !db->platform(t.platform)) {
    std::string known;
    for (const Platform& p : db->platforms()) known += (known.empty() ? "" : ", ") + p.id;
    error = "unknown target '" + t.platform + "' (known: " + known + ", all)";
    return std::nullopt;
  }
  if (at != std::string_view::npos) {
    std::string_view level = text.substr(at + 1);
    size_t dash = level.rfind('-');
    if (dash == std::string_view::npos || dash == 0) {
      error = "target '" + std::string(text) + "': expected PLATFORM[:PRODUCT]@SDK-VERSION, e.g. dcu@hip-5.7 or ascend:910b@torch_npu-2.4";
      return std::nullopt;
    }
    auto version = parseVersion(level.substr(dash + 1));
    if (!version) {
      error = "target '" + std::string(text) + "': '" + std::string(level.substr(dash + 1)) +
              "' is not a version (digits and dots, e.g. 5.7 or 6.2.1)";
      return std::nullopt;
    }
    t.sdk = lower(level.substr(0, dash));
    t.version = versionText(*version);
  }
  if (db && !checkLevels(*db, text, t, error)) return std::nullopt;
  return t;
}

std::optional<std::vector<TargetDescriptor>> parseTargets(std::string_view list, const Database& db, std::string& error) {
  std::vector<TargetDescriptor> out;
  if (trim(list).empty() || trim(list) == "all") {
    for (const Platform& p : db.platforms()) out.push_back({p.id, "", ""});
    return out;
  }
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    std::string_view item = trim(list.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    if (!item.empty()) {
      auto t = parseTarget(item, &db, error);
      if (!t) return std::nullopt;
      if (std::none_of(out.begin(), out.end(), [&](const TargetDescriptor& q) { return q.platform == t->platform; }))
        out.push_back(std::move(*t));
    }
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (out.empty()) {
    error = "--target names no platform";
    return std::nullopt;
  }
  return out;
}

std::optional<SdkRange> parseSdkRange(std::string_view text) {
  SdkRange r;
  text = trim(text);
  size_t space = text.find(' ');
  if (space == std::string_view::npos || space == 0) return std::nullopt;
  r.sdk = std::string(text.substr(0, space));
  if (!std::all_of(r.sdk.begin(), r.sdk.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
    return std::nullopt;
  std::string_view rest = trim(text.substr(space + 1));
  bool any = false;
  while (!rest.empty()) {
    size_t end = rest.find(' ');
    std::string_view bound = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : trim(rest.substr(end + 1));
    if (bound.starts_with(">=") && r.min.empty()) {
      auto v = parseVersion(bound.substr(2));
      if (!v) return std::nullopt;
      r.min = *v;
    } else if (bound.starts_with("<") && !bound.starts_with("<=") && r.max.empty()) {
      auto v = parseVersion(bound.substr(1));
      if (!v) return std::nullopt;
      r.max = *v;
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return r;
}

namespace {

bool inRange(const SdkRange& range, const std::vector<int>& level) {
  return (range.min.empty() || compareVersions(level, range.min) >= 0) &&
         (range.max.empty() || compareVersions(level, range.max) < 0);
}

/// Whether the level `e` is written for (platforms.yaml `own`, else the newest version it lists)
/// is inside `range`; nullopt when the opdb states no such level.
std::optional<bool> ownLevelInside(const Database& db, const TargetDescriptor& target, const SdkRange& range) {
  const SdkLevels* sdk = db.levels(target.platform).sdk(target.sdk);
  if (!sdk) return std::nullopt;
  auto own = parseVersion(!sdk->own.empty() ? sdk->own : sdk->versions.empty() ? "" : sdk->versions.back());
  if (!own) return std::nullopt;
  return inRange(range, *own);
}

/// Re-decides `c` (the answer of entry `e` for `symbol`) at the target's SDK level. The written
/// status describes the opdb's own level: where that level is inside the range, a level outside
/// it is `missing`; where it is outside, a level inside it is `native` or `mapped`.
void atLevel(const Database& db, const Entry& e, const TargetDescriptor& target, std::string_view symbol, Coverage& c) {
  auto range = parseSdkRange(e.constraints.sdk);
  if (!range || lower(range->sdk) != target.sdk) return;
  auto level = parseVersion(target.version);
  if (!level) return;
  const std::string& thing = e.target.empty() ? std::string(symbol) : e.target;
  std::string name = range->sdk + " " + target.version;
  bool tooOld = !range->min.empty() && compareVersions(*level, range->min) < 0;
  bool gone = !range->max.empty() && compareVersions(*level, range->max) >= 0;
  std::string sentence = "At " + name + " (the requested level) " + thing;
  if (tooOld)
    sentence += " is not there yet: " + range->sdk + " " + versionText(range->min) + " adds it.";
  else if (gone)
    sentence += " is gone: " + range->sdk + " " + versionText(range->max) + " removed it.";
  else
    sentence += " is there (" + e.constraints.sdk + ").";
  bool writtenInRange = ownLevelInside(db, target, *range)
                            .value_or(e.status == CoverageStatus::Native || e.status == CoverageStatus::Mapped);
  if (!tooOld && !gone) {
    // Written inside the range: the written answer is the answer here too.
    if (!writtenInRange) c.status = e.target.empty() || e.target == symbol ? CoverageStatus::Native : CoverageStatus::Mapped;
  } else if (writtenInRange) {
    if (c.status != CoverageStatus::Unknown) c.status = CoverageStatus::Missing;
  } else {
    // Written for a level outside the range too: its status and advice (a maskless form to use
    // instead) still hold; only the level sentence is added.
    c.note = sentence + " " + c.note;
    return;
  }
  std::string rest = withoutLevelSentences(c.note, range->sdk);
  c.note = rest.empty() ? sentence : sentence + " " + rest;
}

std::string productNames(const PlatformLevels& levels, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    const Product* p = levels.product(id);
    out += (out.empty() ? "" : ", ") + (p && !p->name.empty() ? p->name : id);
  }
  return out;
}

/// Re-decides `c` for the target's product.
void onProduct(const Database& db, const Entry& e, const TargetDescriptor& target, Coverage& c) {
  const auto& no = e.constraints.unsupportedOn;
  const auto& yes = e.constraints.products;
  const PlatformLevels& levels = db.levels(target.platform);
  std::string name = productNames(levels, {target.product});
  if (std::find(no.begin(), no.end(), target.product) != no.end()) {
    if (c.status != CoverageStatus::Missing && c.status != CoverageStatus::Unknown) c.status = CoverageStatus::Missing;
    c.note = "Not supported on " + name + " (the requested product): the source marks it unsupported there" +
             (yes.empty() ? std::string(".") : "; supported on " + productNames(levels, yes) + ".") +
             (c.note.empty() ? "" : " " + c.note);
  } else if (const auto& cpu = e.constraints.cpuFallbackOn; std::find(cpu.begin(), cpu.end(), target.product) != cpu.end()) {
    if (c.status == CoverageStatus::Native || c.status == CoverageStatus::Mapped || c.status == CoverageStatus::Partial)
      c.status = CoverageStatus::Emulated;
    c.note = "On " + name + " (the requested product) every call falls back to the CPU." + (c.note.empty() ? "" : " " + c.note);
  } else if (!yes.empty() && std::find(yes.begin(), yes.end(), target.product) == yes.end()) {
    c.note = "The source states this for " + productNames(levels, yes) + " and does not speak for " + name +
             " (the requested product)." + (c.note.empty() ? "" : " " + c.note);
  }
}

}  // namespace

Coverage lookupAt(const Database& db, const TargetDescriptor& target, std::string_view symbol) {
  Coverage c = db.lookup(target.platform, symbol);
  if (target.sdk.empty() && target.product.empty()) return c;
  const Entry* e = db.answering(target.platform, symbol);
  if (!e) return c;
  if (!target.sdk.empty()) atLevel(db, *e, target, symbol, c);
  if (!target.product.empty()) onProduct(db, *e, target, c);
  return c;
}

std::vector<std::vector<int>> knownVersions(const Database& db, std::string_view platform, std::string_view sdk) {
  std::vector<std::vector<int>> out;
  if (const SdkLevels* s = db.levels(platform).sdk(sdk); s && !s->versions.empty()) {
    for (const std::string& v : s->versions)
      if (auto parsed = parseVersion(v)) out.push_back(*parsed);
  } else if (const auto* entries = db.entries(platform)) {
    for (const auto& [name, e] : *entries)
      if (auto r = parseSdkRange(e.constraints.sdk); r && lower(r->sdk) == sdk) {
        if (!r->min.empty()) out.push_back(r->min);
        if (!r->max.empty()) out.push_back(r->max);
      }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return compareVersions(a, b) < 0; });
  out.erase(std::unique(out.begin(), out.end(), [](const auto& a, const auto& b) { return compareVersions(a, b) == 0; }),
            out.end());
  return out;
}

}  // namespace opscope::db
