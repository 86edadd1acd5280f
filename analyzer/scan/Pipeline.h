// The one scan pipeline. `opscope scan`, `rewrite`, and the tests build a ScanRequest, open a
// Session (the opdb, the rules and the targets the request names), let it find the inputs and
// run: every frontend behind one interface, every answer from one resolver, C/C++/CUDA parses
// isolated and bounded, results cached between runs. The CLI only parses options and renders.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/Model.h"
#include "db/Database.h"
#include "db/Target.h"
#include "scan/Files.h"
#include "scan/Inputs.h"
#include "scan/Request.h"
#include "scan/Rules.h"

namespace opscope::scan {

/// Loads the built-in opdb plus the overlays; prints diagnostics to `err`. Throws UsageError
/// when any layer has errors. The overlays' texts, as read, go to `overlayTexts` when given.
void loadDatabase(db::Database& db, const std::vector<std::string>& overlays, std::ostream& err,
                  db::KindMask kinds = db::kAllKinds, std::vector<db::SourceText>* overlayTexts = nullptr);

/// What a scan produced.
struct ScanOutcome {
  Report report;                        // finalized; suppressions applied; no gate yet
  std::vector<std::string> notes;       // what the user should be told (printed as notes)
  std::vector<Finding> codeFindings;    // C/C++ findings as found, before answers (for rewrite)
  std::vector<std::string> parsedUnits; // C/C++/CUDA units Clang parsed this run (absolute)
  size_t unitsFromCache = 0;            // units whose results came from the cache
};

class Session {
 public:
  /// Loads what `request` names (opdb overlays, rule files; diagnostics to `err`) and resolves
  /// its targets. Throws UsageError for any of them with errors, or an unknown target.
  Session(ScanRequest request, std::ostream& err);
  ~Session();

  const ScanRequest& request() const { return request_; }
  const db::Database& db() const { return *db_; }
  const LayeredRules& rules() const { return rules_; }
  const std::vector<Platform>& targets() const { return targets_; }
  /// Each target as the request named it, with its SDK level if one was given (`dcu@hip-5.7`).
  const std::vector<db::TargetDescriptor>& levels() const { return levels_; }

  /// Finds the inputs under the request's paths (excludes, size limit, shard). Throws
  /// UsageError for a path that does not exist. Idempotent.
  const DiscoveredInputs& discover(ProgressSink* progress = nullptr);

  /// Runs every frontend over the inputs (discovering them first if needed).
  ScanOutcome run(ProgressSink* progress = nullptr);

 private:
  ScanRequest request_;
  std::unique_ptr<db::Database> db_;
  std::vector<db::SourceText> overlayTexts_;  // the opdb overlays as loaded (part of every cache key)
  LayeredRules rules_;
  std::vector<Platform> targets_;
  std::vector<db::TargetDescriptor> levels_;
  std::optional<DiscoveredInputs> inputs_;
};

/// The platforms `spec` names ("ascend,dcu@hip-5.7"; "" or "all": every one), each with its SDK
/// level when one is given. Throws UsageError for an unknown one or a malformed level.
std::vector<db::TargetDescriptor> resolveTargets(const db::Database& db, const std::string& spec);

}  // namespace opscope::scan
