// The minimum-SDK answer: per target platform and SDK, the lowest level under which every op a
// scan found is supported, and the ops that need a newer one.
#pragma once

#include <string>
#include <vector>

#include "core/Model.h"
#include "db/Database.h"
#include "db/Target.h"

namespace opscope::db {

/// For each target and each SDK its platform lists in platforms.yaml (`sdks`): the lowest
/// level at which every symbol of `symbols` whose answering entry states a `constraints.sdk`
/// range for that SDK is inside its range. `minimum` is the largest lower bound among them
/// (rounded up to a level the opdb knows), `newer` the ops whose lower bound is above the
/// oldest known level (newest first, then by name), `removed` the ops whose upper bound is at
/// or below `minimum` (no single level serves them with the rest). Symbols without such a range
/// are counted in `ops` but not in `dated`. A target with a product or level of its own is
/// judged the same way: the answer says which level the code needs, not what the target has.
std::vector<MinimumSdk> minimumSdk(const Database& db, const std::vector<TargetDescriptor>& targets,
                                   const std::vector<std::string>& symbols);

/// The symbols `report`'s findings look up in the opdb (no inventory kinds, hazards or device
/// code), distinct and sorted: the input minimumSdk takes from a scan.
std::vector<std::string> symbolsInUse(const Report& report);

}  // namespace opscope::db
