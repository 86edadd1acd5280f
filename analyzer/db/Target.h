// A target platform at a stated SDK level ("dcu@hip-5.7"), and the answers at that level.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"

namespace opscope::db {

class Database;

/// A platform and, optionally, the SDK level its answers assume: `dcu` (the opdb's own level:
/// the one each entry was written for) or `dcu@hip-5.7` (HIP 5.7). An entry whose
/// `constraints.sdk` states a range for that SDK ("HIP >=6.2.0", "HIP >=1.5.0 <6.0.0") is
/// re-decided at the level; every other entry answers as written.
struct TargetDescriptor {
  std::string platform;  // a platforms.yaml id: "dcu"
  std::string sdk;       // lower case: "hip"; empty for the opdb's own level
  std::string version;   // "5.7"; empty when `sdk` is
  /// "dcu" or "dcu@hip-5.7", the form parseTarget reads.
  std::string str() const;
};

/// Parses "PLATFORM" or "PLATFORM@SDK-VERSION" (VERSION: digits and dots, at most three
/// numbers). Checks the platform against `db` when given. On failure returns nullopt and sets
/// `error` to a sentence naming the text.
std::optional<TargetDescriptor> parseTarget(std::string_view text, const Database* db, std::string& error);

/// Parses a comma-separated list ("dcu@hip-5.7,ascend"; "all" or "" is every platform at its own
/// level). A platform named twice keeps its first descriptor. nullopt and `error` on failure.
std::optional<std::vector<TargetDescriptor>> parseTargets(std::string_view list, const Database& db,
                                                          std::string& error);

/// An SDK range as `constraints.sdk` states it: "HIP >=6.2.0", "HIP <7.0.0", "HIP >=1.5 <6.0".
struct SdkRange {
  std::string sdk;       // as written: "HIP" (compared case-insensitively)
  std::vector<int> min;  // inclusive; empty: no lower bound
  std::vector<int> max;  // exclusive; empty: no upper bound
};
/// nullopt when `text` is not in that form (free-text SDK notes such as "torch_npu v2.1-v2.15").
std::optional<SdkRange> parseSdkRange(std::string_view text);
/// "5.7" -> {5, 7}; nullopt unless digits and dots (at most three numbers).
std::optional<std::vector<int>> parseVersion(std::string_view text);
/// Compares versions with missing trailing numbers read as 0 (5.2 == 5.2.0).
int compareVersions(const std::vector<int>& a, const std::vector<int>& b);

/// The answer for `symbol` on `target`: Database::lookup(target.platform, symbol), re-decided at
/// the target's SDK level when the deciding entry states a range for that SDK. Inside the range
/// the answer is `native` (the entry's target is the symbol itself) or `mapped`; outside it is
/// `missing`, the note naming the version that adds (or removed) the target. Sentences of the
/// entry's note that start with "At <SDK> " describe the opdb's own level and are replaced.
Coverage lookupAt(const Database& db, const TargetDescriptor& target, std::string_view symbol);

}  // namespace opscope::db
