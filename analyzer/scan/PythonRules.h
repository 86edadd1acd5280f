// Loader of the Python rewrite rules (rules/python/*.yaml; format in rules/README.md, "Python
// rules") into the Python frontend's plain RuleSet data. Strict: every problem is reported as
// FILE:LINE:COLUMN, and a file with errors contributes no rule.
#pragma once

#include <string_view>
#include <vector>

#include "db/Database.h"
#include "python/Rules.h"

namespace opscope::scan {

/// Reads `files`; rule sets of the same platform are merged in file order (a later rule with the
/// same id replaces an earlier one). Returns false if any file had an error.
bool loadPythonRules(const std::vector<db::SourceText>& files, std::vector<python::RuleSet>& sets,
                     std::vector<db::Diagnostic>& diags);

/// The built-in rule files (rules/python/*.yaml, embedded at build time), paths relative to the
/// source root.
std::vector<db::SourceText> builtinPythonRuleFiles();

/// The rule set for `platform` in `sets`, or an empty one.
python::RuleSet rulesFor(const std::vector<python::RuleSet>& sets, std::string_view platform);

}  // namespace opscope::scan
