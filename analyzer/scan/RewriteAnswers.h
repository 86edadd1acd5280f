// Per-use answers the platform's rewrite rules decide (rules/cuda/<platform>.yaml), so that the
// scan says what `opscope rewrite` does: a name a `fallbacks` rule defines works after the rewrite
// (partial, with the rule's reason), a name a `renames` rule maps is mapped to its target, a macro
// a `guards` rule maps is partial (mapped where tested in #if lines), and a call whose target
// function takes another argument shape (CUDA's C++ overloads default an argument HIP's C function
// requires, or take a kernel where HIP takes const void*) is partial with the exact fix: the first
// `calls` rule whose template takes the use's argument count decides. Each such answer names its
// rule in `layer` ("rewrite:ID", core/Model.h: rewriteRuleOf).
#pragma once

#include <optional>

#include "core/Model.h"
#include "rewrite/RewriteRules.h"

namespace opscope::scan {

/// The number of arguments a call finding was written with ("args=N" in its detail), if known.
std::optional<unsigned> writtenArguments(const Finding& f);

/// `answer` for `f` as the platform's rewrite rules leave it (see the file comment); `answer`
/// itself when no rule speaks or `rules` is null.
Coverage rewriteAnswerForUse(const rewrite::PlatformRewrites* rules, const Finding& f, Coverage answer);

}  // namespace opscope::scan
