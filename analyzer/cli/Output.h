// Rendering a finished report in the formats and places the user asked for, shared by
// `opscope scan` and `opscope report`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/Model.h"
#include "reports/Renderer.h"

namespace opscope::cli {

/// `--format F[,F...]` with `-o FILE` (one format) or `-o DIR` (several; DIR/opscope-report.EXT).
struct OutputSpec {
  std::vector<reports::Format> formats;
  std::string output;  // empty: stdout (one format only)
};

/// Parses the two options; throws UsageError for an unknown format or several formats without -o.
OutputSpec parseOutputSpec(const std::string& formatList, const std::string& output);

/// Renders `report` as `spec` says. Files are written atomically; when files are written the
/// terminal (`out`) gets the text summary and one line per file. Throws UsageError naming a file
/// that cannot be written.
void emitReport(const Report& report, const OutputSpec& spec, std::ostream& out);

}  // namespace opscope::cli
