#include "rewrite/Output.h"

#include <algorithm>
#include <cstdio>

namespace opscope::rewrite {
namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

void appendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

/// A YAML double-quoted scalar.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string unifiedDiff(const std::string& path, std::string_view before, const std::vector<Edit>& edits) {
  // The lines each edit touches, merged into changed blocks: [firstLine, lastLine) of the old
  // text and the new text of those lines. Edits are exact, so no line matching is needed.
  std::vector<std::string_view> old = splitLines(before);
  std::vector<size_t> lineStart;
  for (size_t i = 0, off = 0; i < old.size(); off += old[i].size(), ++i) lineStart.push_back(off);
  auto lineOf = [&](std::uint64_t offset) {
    return static_cast<size_t>(std::upper_bound(lineStart.begin(), lineStart.end(), offset) - lineStart.begin()) - 1;
  };
  struct Block {
    size_t first, last;  // old lines [first, last)
    std::vector<Edit> edits;
  };
  std::vector<Edit> sorted = edits;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
  std::vector<Block> blocks;
  for (const Edit& e : sorted) {
    size_t first = old.empty() ? 0 : lineOf(std::min<std::uint64_t>(e.offset, before.size() ? before.size() - 1 : 0));
    if (e.offset == before.size()) first = old.size() - (old.empty() ? 0 : 1);
    size_t last = e.length == 0 ? first + 1 : lineOf(e.offset + e.length - 1) + 1;
    if (old.empty()) last = 0;
    if (!blocks.empty() && first <= blocks.back().last) {
      blocks.back().last = std::max(blocks.back().last, last);
      blocks.back().edits.push_back(e);
    } else {
      blocks.push_back(Block{first, last, {e}});
    }
  }
  struct Hunk {
    size_t first, last;  // old lines shown, context included
    std::vector<const Block*> blocks;
  };
  const size_t context = 3;
  std::vector<Hunk> hunks;
  for (const Block& b : blocks) {
    size_t first = b.first >= context ? b.first - context : 0;
    size_t last = std::min(old.size(), b.last + context);
    if (!hunks.empty() && first <= hunks.back().last) {
      hunks.back().last = std::max(hunks.back().last, last);
      hunks.back().blocks.push_back(&b);
    } else {
      hunks.push_back(Hunk{first, last, {&b}});
    }
  }
  std::string out;
  long shift = 0;  // new line number minus old line number before the current hunk
  bool changed = false;
  for (const Hunk& h : hunks) {
    std::string body;
    size_t oldCount = 0, newCount = 0;
    size_t line = h.first;
    for (const Block* b : h.blocks) {
      for (; line < b->first; ++line, ++oldCount, ++newCount) appendLine(body, ' ', old[line]);
      std::uint64_t from = b->first < lineStart.size() ? lineStart[b->first] : before.size();
      std::uint64_t to = b->last < lineStart.size() ? lineStart[b->last] : before.size();
      std::vector<Edit> local = b->edits;
      for (Edit& e : local) e.offset -= from;
      std::string replaced = applyEdits(before.substr(from, to - from), local).value_or(std::string(before.substr(from, to - from)));
      if (replaced == before.substr(from, to - from)) {
        for (; line < b->last; ++line, ++oldCount, ++newCount) appendLine(body, ' ', old[line]);
        continue;
      }
      changed = true;
      for (; line < b->last; ++line, ++oldCount) appendLine(body, '-', old[line]);
      for (std::string_view l : splitLines(replaced)) {
        appendLine(body, '+', l);
        ++newCount;
      }
    }
    for (; line < h.last; ++line, ++oldCount, ++newCount) appendLine(body, ' ', old[line]);
    auto range = [](size_t start, size_t count) {
      return std::to_string(count == 0 ? start : start + 1) + (count == 1 ? "" : "," + std::to_string(count));
    };
    out += "@@ -" + range(h.first, oldCount) + " +" + range(static_cast<size_t>(static_cast<long>(h.first) + shift), newCount) + " @@\n";
    out += body;
    shift += static_cast<long>(newCount) - static_cast<long>(oldCount);
  }
  if (!changed) return "";
  return "--- a/" + path + "\n+++ b/" + path + "\n" + out;
}

std::string replacementsYaml(const std::vector<Edit>& edits, const std::string& root) {
  std::string base = root;
  if (!base.empty() && base.back() != '/') base += '/';
  std::string out = "---\nMainSourceFile: " + quoted(edits.empty() ? "" : base + edits.front().file) + "\nReplacements:\n";
  for (const Edit& e : edits) {
    out += "  - FilePath: " + quoted(base + e.file) + "\n";
    out += "    Offset: " + std::to_string(e.offset) + "\n";
    out += "    Length: " + std::to_string(e.length) + "\n";
    out += "    ReplacementText: " + quoted(e.replacement) + "\n";
  }
  if (edits.empty()) out = "---\nMainSourceFile: \"\"\nReplacements: []\n";
  return out + "...\n";
}

}  // namespace opscope::rewrite
