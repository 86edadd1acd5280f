// Inline suppressions: `// opscope-ignore` (C, C++, CUDA) and `# opscope: ignore` (Python) on
// the finding's line, or alone on the line above it; `[ID,...]` limits them to those symbols or
// hazard ids. Suppressed findings stay in the report, marked, and no gate counts them.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/Model.h"

namespace opscope::scan {

/// Marks the report's suppressed findings; `sourceText` gives a file's text by report path.
void applySuppressions(Report& report,
                       const std::function<std::optional<std::string>(const std::string&)>& sourceText);

}  // namespace opscope::scan
