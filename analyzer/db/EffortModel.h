// The effort weights of the porting plan (rules/effort.yaml; format in rules/README.md, kind
// `effort`), read with the opdb's strict YAML reader: every problem is a diagnostic at
// FILE:LINE:COLUMN and a file with errors yields nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/Plan.h"
#include "db/Database.h"

namespace opscope::db {

/// Reads one effort file. `platforms` are the known platform ids (a profile may list only
/// those; empty accepts any). Every profile must give every weight of kEffortWeightIds, each
/// with a value >= 0, a rationale and a source id from the file's `sources`.
std::optional<EffortModel> loadEffortModel(const SourceText& file, const std::vector<PlatformId>& platforms,
                                           std::vector<Diagnostic>& diags);

/// Reads the effort file at `path` (e.g. for `--effort FILE`); a file that cannot be read is a
/// diagnostic too.
std::optional<EffortModel> loadEffortModelFile(const std::string& path, const std::vector<PlatformId>& platforms,
                                               std::vector<Diagnostic>& diags);

/// rules/effort.yaml as compiled into the binary.
const SourceText& builtinEffortFile();

/// The built-in weights (a test checks that they load without a diagnostic).
const EffortModel& builtinEffortModel();

}  // namespace opscope::db
