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

std::string TargetDescriptor::str() const { return sdk.empty() ? platform : platform + "@" + sdk + "-" + version; }

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

std::optional<TargetDescriptor> parseTarget(std::string_view text, const Database* db, std::string& error) {
  TargetDescriptor t;
  size_t at = text.find('@');
  t.platform = std::string(text.substr(0, at));
  if (t.platform.empty()) {
    error = "target '" + std::string(text) + "': no platform before '@'";
    return std::nullopt;
  }
  if (db && !db->platform(t.platform)) {
    std::string known;
    for (const Platform& p : db->platforms()) known += (known.empty() ? "" : ", ") + p.id;
    error = "unknown target '" + t.platform + "' (known: " + known + ", all)";
    return std::nullopt;
  }
  if (at == std::string_view::npos) return t;
  std::string_view level = text.substr(at + 1);
  size_t dash = level.rfind('-');
  if (dash == std::string_view::npos || dash == 0) {
    error = "target '" + std::string(text) + "': expected PLATFORM@SDK-VERSION, e.g. dcu@hip-5.7";
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

Coverage lookupAt(const Database& db, const TargetDescriptor& target, std::string_view symbol) {
  Coverage c = db.lookup(target.platform, symbol);
  if (target.sdk.empty()) return c;
  const Entry* e = db.answering(target.platform, symbol);
  if (!e || e->target.empty()) return c;
  auto range = parseSdkRange(e->constraints.sdk);
  if (!range || lower(range->sdk) != target.sdk) return c;
  auto level = parseVersion(target.version);
  if (!level) return c;
  std::string name = range->sdk + " " + target.version;
  bool tooOld = !range->min.empty() && compareVersions(*level, range->min) < 0;
  bool gone = !range->max.empty() && compareVersions(*level, range->max) >= 0;
  std::string sentence = "At " + name + " (the requested level) " + e->target;
  if (tooOld)
    sentence += " is not there yet: " + range->sdk + " " + versionText(range->min) + " adds it.";
  else if (gone)
    sentence += " is gone: " + range->sdk + " " + versionText(range->max) + " removed it.";
  else
    sentence += " is there (" + e->constraints.sdk + ").";
  bool writtenInRange = e->status == CoverageStatus::Native || e->status == CoverageStatus::Mapped;
  if (!tooOld && !gone) {
    c.status = e->target == symbol ? CoverageStatus::Native : CoverageStatus::Mapped;
  } else if (writtenInRange) {
    c.status = CoverageStatus::Missing;
  } else {
    // Written for a level outside the range too: its status and advice (a maskless form to use
    // instead) still hold; only the level sentence is added.
    c.note = sentence + " " + c.note;
    return c;
  }
  std::string rest = withoutLevelSentences(c.note, range->sdk);
  c.note = rest.empty() ? sentence : sentence + " " + rest;
  return c;
}

}  // namespace opscope::db
