// Per-use answers for calls whose target function takes another argument shape: CUDA's C++
// overloads default an argument HIP's C function requires (cudaStreamWaitEvent(s, e)), or take a
// kernel where HIP takes const void* (cudaFuncSetAttribute). The shapes are the rewrite's call
// rules (rules/cuda/<platform>.yaml, `calls:`): the first rule whose template takes the use's
// argument count decides, and unless that template is the plain rename it names the fix.
#pragma once

#include <optional>

#include "core/Model.h"
#include "rewrite/RewriteRules.h"

namespace opscope::scan {

/// The number of arguments a call finding was written with ("args=N" in its detail), if known.
std::optional<unsigned> writtenArguments(const Finding& f);

/// `answer` for `f`, turned `partial` when the answer is native or mapped, the finding is a call
/// with a known argument count, and the platform's first call rule that takes that count is not
/// the plain rename to `answer.target`: the note then says why (the rule's note) and gives the
/// fix (the rule's template with the use's arguments as arg1, arg2, ...). Otherwise `answer`.
Coverage callShapeForUse(const rewrite::PlatformRewrites* rules, const Finding& f, Coverage answer);

/// The built-in rewrite rules (rules/cuda/*.yaml) for `platforms`, loaded once.
const rewrite::RewriteRuleSet& builtinRewriteRules(const std::vector<PlatformId>& platforms);

}  // namespace opscope::scan
