// A target platform at a stated SDK level ("dcu@hip-5.7"), and the answers at that level.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"

namespace opscope::db {

class Database;

/// A platform and, optionally, the product and the SDK level its answers assume: `dcu` (the
/// opdb's own level: the one each entry was written for), `dcu@hip-5.7` (HIP 5.7),
/// `ascend:910b@torch_npu-2.4` (Ascend 910B with torch_npu 2.4). An entry whose
/// `constraints.sdk` states a range for that SDK ("HIP >=6.2.0", "torch_npu >=2.1 <2.13") is
/// re-decided at the level; an entry whose `constraints.unsupported_on` names the product is
/// `missing` there; every other entry answers as written.
struct TargetDescriptor {
  std::string platform;  // a platforms.yaml id: "dcu"
  std::string sdk;       // lower case: "hip"; empty for the opdb's own level
  std::string version;   // "5.7"; empty when `sdk` is
  std::string product;   // a platforms.yaml product id ("910b", never an alias); empty: any
  /// "dcu", "dcu@hip-5.7" or "ascend:910b@torch_npu-2.4", the form parseTarget reads.
  std::string str() const;
  /// What qualifies the answers, for reports: "910B (Atlas A2), torch_npu 2.4"; "" for none.
  std::string qualifier(const Database& db) const;
};

/// Parses "PLATFORM[:PRODUCT][@SDK-VERSION]" (VERSION: digits and dots, at most three
/// numbers). With `db`, checks the platform, the product (an id or alias of the platform's
/// platforms.yaml `products`, stored as its id) and the SDK and version (one of its `sdks`, and
/// of that SDK's `versions` when it lists them). On failure returns nullopt and sets `error` to
/// a sentence naming the text and listing what is valid.
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
/// the target's SDK level when the deciding entry states a range for that SDK, then for the
/// target's product. Inside the range an entry written `native` or `mapped` keeps its status,
/// any other becomes `native` (no target, or the target is the symbol itself) or `mapped`;
/// outside it an entry written `native` or `mapped` is `missing`, the note naming the version
/// that adds (or removed) it, and any other keeps its status with that sentence added.
/// Sentences of the entry's note that start with "At <SDK> " describe the opdb's own level and
/// are replaced. A product the entry's `unsupported_on` names makes it `missing`, the note
/// naming the product; one its `cpu_fallback_on` names makes a covered answer `emulated` (every
/// call falls back to the CPU there); a product its `products` list leaves out keeps the answer,
/// the note saying the source does not speak for that product.
Coverage lookupAt(const Database& db, const TargetDescriptor& target, std::string_view symbol);

/// The versions of `sdk` (lower case) that `db` knows for `platform`: the platforms.yaml list,
/// else the bounds of the `constraints.sdk` ranges of that platform's entries; ascending.
std::vector<std::vector<int>> knownVersions(const Database& db, std::string_view platform, std::string_view sdk);

}  // namespace opscope::db
