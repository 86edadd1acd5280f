// The rules data of rules/ (format: rules/README.md): hazard rules today, rewrite rules to come.
// A strict loader: every problem is a diagnostic at FILE:LINE:COLUMN, a file with errors
// contributes nothing, and the other files still load.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Model.h"
#include "db/Database.h"

namespace opscope::rewrite {

/// What one platform should do about a hazard.
struct HazardAdvice {
  CoverageStatus status = CoverageStatus::Unknown;  // how the construct carries over as written
  std::string text;
  std::string source;  // provenance ("<title> (<url>), <date>"), empty when the rule cites none
};

/// One porting hazard: an id findings carry, what it means, what raises it, per-platform advice.
struct HazardRule {
  std::string id;        // kebab-case, e.g. warp-size-32
  std::string title;     // one line
  std::string severity;  // info | low | medium | high
  std::string message;   // what the hazard is and why it matters
  std::vector<std::string> checks;   // code checks of the frontends that raise it
  std::vector<std::string> symbols;  // symbol names (or prefixes ending in '*') whose use raises it
  std::map<PlatformId, HazardAdvice> advice;
  std::string file;  // where the rule is defined
  unsigned line = 0;
};

/// Every rule loaded, by kind.
class RuleSet {
 public:
  const std::vector<HazardRule>& hazards() const { return hazards_; }
  const HazardRule* hazard(const std::string& id) const;

  /// Reads `files`. Each file's kind is read first (ruleFileKind); only hazards files are parsed,
  /// files of the other known kinds (python, rewrites) are left to their own loaders, and a file
  /// whose kind cannot be read or is unknown is an error. `platforms` are the known platform ids
  /// (advice keys must be among them). Returns false if any error was found.
  bool load(const std::vector<db::SourceText>& files, const std::vector<PlatformId>& platforms,
            std::vector<db::Diagnostic>& diags);

  /// Puts `over`'s hazards on top of these: one with an id already here replaces it (in place,
  /// so the order stays), a new one is appended.
  void layer(const RuleSet& over);

 private:
  std::vector<HazardRule> hazards_;
};

/// The rule files compiled into the binary (rules/cuda/*.yaml at build time).
const std::vector<db::SourceText>& builtinRuleFiles();

/// The kinds of rules file there are: hazards, python, rewrites.
const std::vector<std::string>& ruleFileKinds();

/// The `kind` of a rules file, read through db::FileReader (so hostile YAML is refused, never a
/// crash): one of ruleFileKinds(), or nullopt with the reason in `diags` at FILE:LINE:COLUMN (no
/// kind, an unknown kind, a kind that is not a scalar, YAML that breaks before the kind). Only the
/// top-level keys up to `kind` are parsed; what comes after is for the kind's loader to check,
/// and a file whose collections nest too deep further on still has its kind.
std::optional<std::string> ruleFileKind(const db::SourceText& file, std::vector<db::Diagnostic>& diags);

/// The `kind` as written (known or not), or "" when it cannot be read; the same reading as
/// above without the diagnostics, for loaders that pick their files from a list.
std::string ruleFileKind(const std::string& text);

}  // namespace opscope::rewrite
