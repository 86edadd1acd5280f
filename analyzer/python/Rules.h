// Rewrite rules for Python scripts, one set per platform: plain data, read from rules/python/*.yaml
// by a loader outside this library (the format is documented in rules/README.md). The frontend
// turns them into exact edits because only it knows where each name is spelled in the source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"

namespace opscope::python {

/// Renames a qualified name and everything under it: `torch.cuda` -> `torch.npu` rewrites
/// `torch.cuda.synchronize()`, `T.cuda.amp.autocast`, `from torch.cuda import amp` and
/// `from torch import cuda`; `torch.Tensor.cuda` -> `torch.Tensor.npu` rewrites `x.cuda()`.
/// The longest matching `from` wins.
struct RenameRule {
  std::string id;
  std::string from;
  std::string to;
  std::string reason;
  std::string strategy;  // "explicit" (also when empty) or "runtime": see PortStrategy
};

/// Replaces text inside a string literal that yielded a finding of `symbol` (exact, or a prefix
/// when it ends in `*`): `device:cuda` with from `cuda` to `npu` turns 'cuda:0' into 'npu:0'.
struct StringRule {
  std::string id;
  std::string symbol;
  std::string from;
  std::string to;
  std::string reason;
  std::string strategy;  // as RenameRule::strategy
};

/// Renames a keyword argument PyTorch renamed, in every call that passes it:
/// `x.cuda(async=True)` -> `x.cuda(non_blocking=True)`. Applies in both import strategies: the
/// vendor's migration module does not rename keywords.
struct KeywordRule {
  std::string id;
  std::string from;
  std::string to;
  std::string reason;
};

/// Adds an import statement at module level, after the file's first module-level torch import
/// (or at the top, after the docstring and __future__ imports, when there is none), unless the
/// file already imports `unlessImported`.
struct ImportRule {
  enum class When {
    FileEdited,  // the file gets another edit for this platform
    EntryScript, // the file has an `if __name__ == "__main__":` block and imports torch
  };
  std::string id;
  std::string statement;       // "import torch_npu"
  std::string unlessImported;  // "torch_npu": a module whose import (or a submodule's) suffices
  When when = When::FileEdited;
  std::string reason;
  std::string strategy;  // as RenameRule::strategy
};

/// Advice without an edit, attached to the first finding of `symbol` (exact, or a prefix when it
/// ends in `*`) in each file: a Suggestion of length 0 with an empty replacement.
struct AdviceRule {
  std::string id;
  std::string symbol;
  std::string reason;
};

/// How a port reaches the platform's device: `explicit` writes every rename out (`.npu()`,
/// 'npu', 'hccl', `import torch_npu`); `runtime` adds only the vendor's migration import
/// (`from torch_npu.contrib import transfer_to_npu`), which makes those renames at run time.
/// A rule tagged with one strategy is used only in runs of that strategy; one run uses one.
enum class PortStrategy { Explicit, Runtime };
std::string_view toString(PortStrategy s);
/// "explicit" or "runtime" (an option's or .opscope.yaml's value); nullopt otherwise.
std::optional<PortStrategy> parsePortStrategy(std::string_view s);

/// An operator hazard of a script on one platform: a construct that runs, but not as written
/// (dynamic shapes, host syncs, unsupported dtypes, a vendor counterpart to use instead). Raised
/// at each site of one of the frontend's checks (hazardChecks()) or of a finding of one of
/// `symbols` (exact, or a prefix ending in '*'); each site gets a hazard finding `id` and this
/// platform's answer: `status`, `advice` (what to do), `target` (the vendor's counterpart).
struct HazardRule {
  std::string id;
  std::string title;
  std::vector<std::string> checks;
  std::vector<std::string> symbols;
  CoverageStatus status = CoverageStatus::Unknown;
  std::string target;
  std::string advice;
  std::string source;  // the provenance line of the file's source the rule cites
  Confidence confidence = Confidence::Official;
};

/// The code checks the Python frontend runs for hazard rules, with what each looks for.
struct HazardCheck {
  std::string_view id;
  std::string_view looksFor;
};
const std::vector<HazardCheck>& hazardChecks();

/// Every rule for one platform.
struct RuleSet {
  PlatformId platform;
  std::vector<RenameRule> renames;
  std::vector<StringRule> strings;
  std::vector<KeywordRule> keywords;
  std::vector<ImportRule> imports;
  std::vector<AdviceRule> advice;
  std::vector<HazardRule> hazards;
};

}  // namespace opscope::python
