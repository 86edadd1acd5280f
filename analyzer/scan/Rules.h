// The rules a run uses: the built-in ones (rules/), with the user's rule files (--rules FILE,
// `.opscope.yaml` rules:) layered on top in order, a later rule with the same id replacing an
// earlier one. Every command that scans reads them through here.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "db/Database.h"
#include "python/Rules.h"
#include "rewrite/RewriteRules.h"
#include "rewrite/Rules.h"

namespace opscope::scan {

struct LayeredRules {
  rewrite::RuleSet hazards;                 // kind hazards
  std::vector<python::RuleSet> python;      // kind python, one set per platform
  std::vector<db::SourceText> rewriteFiles; // kind rewrites: built-in files, then the user's
  rewrite::RewriteRuleSet rewrites;         // rewriteFiles, loaded: the rewrite's edits, the scan's per-use answers
  std::vector<db::SourceText> userFiles;    // every user file as read, whatever its kind
};

/// Reads the built-in rules and then `userFiles`. A file that cannot be read, has an unknown kind,
/// or has errors (printed to `err` as FILE:LINE:COLUMN) is a UsageError; so is a user hazard that
/// names a code check the C/C++/CUDA frontend does not have.
LayeredRules loadLayeredRules(const db::Database& db, const std::vector<std::string>& userFiles, std::ostream& err);

/// The built-in rules alone (loaded once; a built-in file with errors is a bug: logic_error).
const LayeredRules& builtinLayeredRules(const db::Database& db);

}  // namespace opscope::scan
