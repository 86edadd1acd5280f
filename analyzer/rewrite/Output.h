// What a rewrite produces besides the files themselves: a unified diff and the
// clang-apply-replacements YAML of the edits. Pure functions of texts and edits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rewrite/Edit.h"

namespace opscope::rewrite {

/// A unified diff (3 lines of context) from `before` to `before` with `edits` applied, with
/// headers `a/<path>` and `b/<path>`; empty when the edits change nothing.
std::string unifiedDiff(const std::string& path, std::string_view before, const std::vector<Edit>& edits);

/// The edits as one clang-apply-replacements document (TranslationUnitReplacements): paths are
/// `root`/file, absolute, as the tool expects.
std::string replacementsYaml(const std::vector<Edit>& edits, const std::string& root);

}  // namespace opscope::rewrite
