// Source edits as plain data ({file, offset, length, replacement}) and the step that merges them:
// identical edits from several translation units collapse into one, overlapping different edits
// are refused with a message naming both. Nothing here touches the file system.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"

namespace opscope::rewrite {

/// One replacement in one file. Offsets are bytes into the file as it was scanned.
struct Edit {
  std::string file;  // relative to the scan root
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  std::string replacement;
  std::string rule;    // the rule that made it ("opdb:dcu", "dcu-shfl-xor-sync", ...)
  std::string reason;  // one line, shown with the edit
  unsigned line = 0, column = 0;  // of `offset`, 1-based

  friend bool operator==(const Edit& a, const Edit& b) {
    return a.file == b.file && a.offset == b.offset && a.length == b.length && a.replacement == b.replacement;
  }
};

/// Two edits that cannot both be applied.
struct Conflict {
  Edit first, second;
  /// "FILE:LINE:COL: conflicting edits: 'X' (rule A) and 'Y' (rule B)"
  std::string message() const;
};

/// Edits of any number of files, merged: sorted by (file, offset), duplicates dropped.
class EditSet {
 public:
  /// Adds `e` unless an identical edit is there. An edit overlapping a different one is not
  /// added; the pair is recorded as a conflict. Insertions (length 0) at the same offset are
  /// kept in the order added unless identical. Returns true when `e` was added.
  bool add(Edit e);
  const std::vector<Edit>& edits() const { return edits_; }
  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  /// The edits of one file, by offset.
  std::vector<Edit> forFile(const std::string& file) const;
  /// The files with at least one edit, sorted.
  std::vector<std::string> files() const;
  bool empty() const { return edits_.empty(); }

 private:
  std::vector<Edit> edits_;  // sorted by (file, offset, length)
  std::vector<Conflict> conflicts_;
};

/// `text` with `edits` (of one file, non-overlapping) applied. Returns nullopt when an edit
/// reaches past the end of the text.
std::optional<std::string> applyEdits(std::string_view text, const std::vector<Edit>& edits);

/// Byte offset of a 1-based (line, column) in `text`, columns counted in bytes as Clang does;
/// nullopt when the position is not in the text.
std::optional<std::uint64_t> offsetOf(std::string_view text, unsigned line, unsigned column);

/// The 1-based (line, column) of a byte offset.
std::pair<unsigned, unsigned> lineColumnOf(std::string_view text, std::uint64_t offset);

/// The edits as report suggestions of `platform`.
std::vector<Suggestion> toSuggestions(const std::vector<Edit>& edits, const PlatformId& platform);

}  // namespace opscope::rewrite
