// Subcommands of the CLI; each parses its own options and returns an ExitCode.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "db/Database.h"

namespace opscope::cli {

/// Thrown for a bad command line or unusable input; becomes exit 2 with the message.
struct UsageError {
  std::string message;
};

int scanCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int dbCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int reportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int mergeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int onnxCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int fitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int rewriteCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Loads the built-in opdb plus the overlays; prints diagnostics to `err`. Throws UsageError
/// when any layer has errors.
void loadDatabase(db::Database& db, const std::vector<std::string>& overlays, std::ostream& err,
                  db::KindMask kinds = db::kAllKinds);

/// The text of `rel` (relative to `root`, or absolute), or nullopt if it cannot be read.
std::optional<std::string> readSourceText(const std::string& root, const std::string& rel);

/// Writes `content` to `path` atomically: a temporary file in the same directory, then rename.
/// Throws UsageError naming the path when it cannot.
void writeFileAtomically(const std::string& path, const std::string& content);
/// The same, with the content written by `write` straight into the temporary file.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace opscope::cli
