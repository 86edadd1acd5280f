#include "rewrite/Edit.h"

#include <algorithm>
#include <set>

namespace opscope::rewrite {
namespace {

std::string describe(const Edit& e) {
  std::string what = e.length == 0 ? "insert '" + e.replacement + "'" : "replace with '" + e.replacement + "'";
  return what + " (rule " + (e.rule.empty() ? "?" : e.rule) + ")";
}

bool overlaps(const Edit& a, const Edit& b) {
  if (a.file != b.file) return false;
  // Two insertions at one offset can both apply; an insertion at the edge of a replacement too.
  if (a.length == 0 || b.length == 0) {
    const Edit& ins = a.length == 0 ? a : b;
    const Edit& other = a.length == 0 ? b : a;
    if (other.length == 0) return false;
    return ins.offset > other.offset && ins.offset < other.offset + other.length;
  }
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

}  // namespace

std::string Conflict::message() const {
  return first.file + ":" + std::to_string(first.line) + ":" + std::to_string(first.column) +
         ": conflicting edits: " + describe(first) + " and, at " + std::to_string(second.line) + ":" +
         std::to_string(second.column) + ", " + describe(second);
}

bool EditSet::add(Edit e) {
  auto key = [](const Edit& x) { return std::tie(x.file, x.offset, x.length); };
  // A linear scan: a run has thousands of edits at most.
  for (auto it = edits_.begin(); it != edits_.end(); ++it) {
    if (it->file != e.file) continue;
    if (*it == e) return false;
    if (overlaps(*it, e)) {
      conflicts_.push_back(Conflict{*it, e});
      return false;
    }
  }
  auto pos = std::lower_bound(edits_.begin(), edits_.end(), e, [&](const Edit& a, const Edit& b) { return key(a) < key(b); });
  // Insertions at one offset keep their order of arrival.
  while (pos != edits_.end() && key(*pos) == key(e)) ++pos;
  edits_.insert(pos, std::move(e));
  return true;
}

std::vector<Edit> EditSet::forFile(const std::string& file) const {
  std::vector<Edit> out;
  for (const Edit& e : edits_)
    if (e.file == file) out.push_back(e);
  return out;
}

std::vector<std::string> EditSet::files() const {
  std::set<std::string> s;
  for (const Edit& e : edits_) s.insert(e.file);
  return {s.begin(), s.end()};
}

std::optional<std::string> applyEdits(std::string_view text, const std::vector<Edit>& edits) {
  std::vector<const Edit*> sorted;
  for (const Edit& e : edits) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Edit* a, const Edit* b) { return a->offset < b->offset; });
  std::string out;
  out.reserve(text.size());
  std::uint64_t at = 0;
  for (const Edit* e : sorted) {
    if (e->offset < at || e->offset + e->length > text.size()) return std::nullopt;
    out.append(text.substr(at, e->offset - at));
    out += e->replacement;
    at = e->offset + e->length;
  }
  out.append(text.substr(at));
  return out;
}

std::optional<std::uint64_t> offsetOf(std::string_view text, unsigned line, unsigned column) {
  if (line == 0 || column == 0) return std::nullopt;
  std::uint64_t start = 0;
  for (unsigned l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return std::nullopt;
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  if (start + column - 1 > end) return std::nullopt;
  return start + column - 1;
}

std::pair<unsigned, unsigned> lineColumnOf(std::string_view text, std::uint64_t offset) {
  unsigned line = 1;
  std::uint64_t lineStart = 0;
  for (std::uint64_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  return {line, static_cast<unsigned>(offset - lineStart + 1)};
}

std::vector<Suggestion> toSuggestions(const std::vector<Edit>& edits, const PlatformId& platform) {
  std::vector<Suggestion> out;
  for (const Edit& e : edits) {
    Suggestion s;
    s.platform = platform;
    s.file = e.file;
    s.offset = e.offset;
    s.length = e.length;
    s.line = e.line;
    s.column = e.column;
    s.replacement = e.replacement;
    s.reason = e.reason;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace opscope::rewrite
