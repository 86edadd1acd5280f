// Rewrite rules for C/C++/CUDA code (rules/cuda/<platform>.yaml, `kind: rewrites`; format in
// rules/README.md, "Rewrite rules"): renames of API names, types, enum values and macros, calls
// with argument templates, header includes, the opdb's mappings taken as renames, and the note
// kernels get. Strict loader: a problem is a diagnostic at FILE:LINE:COLUMN and a file with
// errors contributes nothing.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/Model.h"
#include "db/Database.h"
#include "rewrite/CallSyntax.h"

namespace opscope::rewrite {

/// A name replaced by another where it is spelled: a function, type, enum value or macro.
struct RenameRule {
  std::string id, symbol, to, reason;
  std::optional<SymbolKind> kind;  // when set, only findings of this kind
};

/// A call replaced as a whole, its arguments placed by a template; a call whose arguments do
/// not fit the template is left as it is and reported.
struct CallRule {
  std::string id, symbol, templateText, note;
  ArgumentTemplate argumentTemplate;
};

/// An `#include` of `from` replaced by one of `to` (the same delimiters kept).
struct HeaderRule {
  std::string id, from, to;
};

/// A macro that CUDA's headers define and code tests in #if/#ifdef/#ifndef/#elif lines (an include
/// guard such as __DRIVER_TYPES_H__, a feature macro such as __CUDACC__), replaced there by the
/// platform's macro that tells the same: the header's own guard, the compiler's macro.
struct GuardRule {
  std::string id, from, to;
};

/// A name the platform lacks in every version, defined by the rewrite where it is used: each use
/// is renamed to `to`, and `definition` (which defines `to` from names the platform has) is put
/// once into each file with a use, after the #include lines before it, inside an #ifndef guard,
/// so a header included by a file that defines it too is still one definition.
struct FallbackRule {
  std::string id, symbol, to, reason, definition;
};

/// Arguments written exactly as one of `arguments` (after trimming), in calls of one of `symbols`,
/// wrapped by `to` (`{}` is the argument): HIP 5.2's threadIdx.x and friends are proxy objects
/// that convert to unsigned int, so `min(n, blockDim.x)` matches no overload of HIP's min exactly
/// and device printf gets an object, where CUDA passes an unsigned int.
struct ArgumentCastRule {
  std::string id, to, reason;
  std::set<std::string> symbols, arguments;
};

/// The project's own definitions of compound assignments between two values of one of `types`
/// (`operator+=(float3&, float3)`, as NVIDIA's helper_math.h writes them), kept only where
/// `condition` holds (`#if CONDITION` ... `#endif` around each run of them): HIP's vector types
/// define the same operators as members, so a call of either is ambiguous under HIP.
struct OperatorGuardRule {
  std::string id, condition, reason;
  std::set<std::string> operators, types;
};

/// A library the opdb maps but whose mapped names do not take the same arguments: its names
/// are left untouched and reported with `reason`.
struct ExcludedLibrary {
  std::string library, reason;
};

/// Which opdb entries of the platform become renames.
struct OpdbRenames {
  bool enabled = false;
  std::set<CoverageStatus> statuses;  // e.g. mapped, partial
  std::set<SymbolKind> kinds;         // empty: every kind
  std::vector<ExcludedLibrary> excluded;
};

/// Every C/C++/CUDA rewrite rule of one platform, merged over the files read.
struct PlatformRewrites {
  PlatformId platform;
  /// apply: `opscope rewrite` writes the edits; suggest: the edits are offered (report, SARIF,
  /// exported fixes) and written only with --apply-suggestions, because the result still needs
  /// hand work to build (kernels to port).
  enum class Mode { Apply, Suggest } mode = Mode::Suggest;
  OpdbRenames opdb;
  std::vector<RenameRule> renames;
  std::vector<CallRule> calls;
  std::vector<HeaderRule> headers;
  std::string kernelNote;    // placeholders {name} {lines} {hazards}; empty: none
  std::string launchMacro;            // `hipLaunchKernelGGL`: takes (kernel, grid, block, shared, stream, args...)
  std::string launchKernelNameMacro;  // wraps a kernel name holding commas (template arguments)
  std::vector<GuardRule> guards;
  std::vector<FallbackRule> fallbacks;
  std::vector<ArgumentCastRule> argumentCasts;
  std::vector<OperatorGuardRule> operatorGuards;
  std::string entryInclude;  // included into a CUDA source that gets edits but includes none of `headers`' targets
  std::vector<std::string> files;  // the files that contributed, in order

  const CallRule* call(const std::string& symbol) const;
  /// Every call rule for `symbol`, in file order: the rewrite uses the first whose template takes
  /// the call's arguments (`cudaEventCreate(&e)` and `cudaEventCreate(&e, flags)` differ).
  std::vector<const CallRule*> callsFor(const std::string& symbol) const;
  const RenameRule* rename(const std::string& symbol, SymbolKind kind) const;
  const HeaderRule* header(const std::string& from) const;
  const GuardRule* guard(const std::string& from) const;
  const FallbackRule* fallback(const std::string& symbol) const;
  const ArgumentCastRule* argumentCast(const std::string& symbol) const;
};

/// The rewrite rules of every platform.
class RewriteRuleSet {
 public:
  /// Reads the `kind: rewrites` files among `files` (others are skipped) in order; a later file
  /// for the same platform adds its rules, replacing rules with the same id, and its scalars
  /// (mode, kernel-note, entry-include, opdb-renames) win. `platforms` are the known ids.
  /// Returns false if any file had an error.
  bool load(const std::vector<db::SourceText>& files, const std::vector<PlatformId>& platforms,
            std::vector<db::Diagnostic>& diags);
  /// The rules of `platform`, or nullptr when no file names it.
  const PlatformRewrites* platform(const PlatformId& id) const;

 private:
  std::map<PlatformId, PlatformRewrites> byPlatform_;
};

}  // namespace opscope::rewrite
