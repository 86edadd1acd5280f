// What the scan pipeline and the commands share about files and errors: reading a user's file,
// writing a file atomically, and the error that names unusable input (exit 2 in the CLI).
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace opscope::scan {

/// Thrown for unusable input (a path, an option value, a database or rules file with errors);
/// the message names what and where. The CLI turns it into exit code 2.
struct UsageError {
  std::string message;
};

/// The text of `rel` (relative to `root`, or absolute), or nullopt if it cannot be read.
std::optional<std::string> readSourceText(const std::string& root, const std::string& rel);

/// Writes `content` to `path` atomically: a temporary file in the same directory, then rename.
/// Throws UsageError naming the path when it cannot.
void writeFileAtomically(const std::string& path, const std::string& content);
/// The same, with the content written by `write` straight into the temporary file.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// `path` relative to `root` with '/' separators when it lies under root, else `path` itself:
/// the one way every input and finding gets its reported path.
std::string relativePath(const std::string& root, const std::string& path);

/// Progress of a long scan, shown by the CLI: a stage's name and size, then one advance per item.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void stage(const std::string& name, std::size_t total) = 0;
  virtual void advance(std::size_t n = 1) = 0;
};

}  // namespace opscope::scan
