// Findings for `#include`s of CUDA and CUDA-library headers (cuda_runtime.h, cublasLt.h, nccl.h):
// every directive whose header, as written, the catalog knows as a header symbol. The porting
// answer of a header (its HIP header, the SDK level that ships it) is the opdb's, like any name's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"
#include "core/SymbolCatalog.h"

namespace opscope::cuda {

/// One finding per `#include <H>` / `#include "H"` line of `text` (the file `file`) whose `H` the
/// catalog knows with kind header; the column is that of `H`'s first character. Directives inside
/// comments are skipped; a directive in an inactive #if branch still counts (the text says it).
std::vector<Finding> includeFindings(const std::string& file, std::string_view text, const SymbolCatalog& catalog);

}  // namespace opscope::cuda
