// `opscope rewrite --verify`: parses every translation unit of a rewritten tree with Clang, in
// process, as HIP against a HIP installation's headers (no GPU, no device libraries), once for the
// host and once for the device (gfx906, through code generation, so that inline assembly the
// AMDGPU assembler rejects counts as hipcc counts it), and says per file whether it would compile,
// with its first errors as FILE:LINE:COLUMN. Nothing is written but the verdicts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "rewrite/Edit.h"

namespace opscope::rewrite {

/// A HIP installation found on disk: its root (the --rocm-path Clang takes: ROOT/include/hip) and
/// the version its hip_version.h declares.
struct HipInstallation {
  std::string root;
  std::string version;  // "5.2.21153"; "" when hip_version.h says nothing
};

/// The installation at `given` (a ROCm/DTK root, its include/ directory or include/hip itself),
/// or, when `given` is empty, the first of /opt/rocm and /usr (Debian's libamdhip64-dev) that has
/// include/hip/hip_runtime.h. Returns nullopt with `error` set when there is none.
std::optional<HipInstallation> findHipInstallation(const std::string& given, std::string& error);

struct VerifyOptions {
  HipInstallation hip;
  std::string offloadArch = "gfx906";
  std::string standard = "c++17";
  /// Header directories of the tree, searched after the file's own directory (as the scan does).
  std::vector<std::string> includeDirs;
  unsigned maxErrors = 5;  // errors kept per file
};

/// One error, where the rewritten file has it, and where the scanned (original) file had that
/// line when the rewrite's edits say so.
struct VerifyError {
  std::string file;  // relative to the verified root when under it, else absolute
  unsigned line = 0, column = 0;
  std::string message;
  unsigned originalLine = 0;  // 0: the same as `line` (no edit moved it) or not a rewritten file
  std::string str() const;    // FILE:LINE:COL: message
};

/// The verdict on one translation unit.
struct FileVerdict {
  std::string file;  // relative to the verified root
  bool compiles = false;
  std::vector<VerifyError> errors;  // the first ones, host errors before device errors
  unsigned errorCount = 0;
  /// A header the unit includes that this HIP installation does not have (hipblas/hipblas.h on
  /// Debian): the unit cannot be checked here; said once per header in the report, not as errors.
  std::string missingLibraryHeader;
};

struct VerifyReport {
  HipInstallation hip;
  std::string offloadArch;
  std::vector<FileVerdict> files;
  unsigned compiling() const;
  std::map<std::string, std::vector<std::string>> missingLibraries() const;  // header -> files
};

/// The translation units under `root`: .cu, .cpp, .cc, .cxx, .hip and .c files that no file of the
/// tree includes by name (a .cu file #included into another is checked through it), sorted.
std::vector<std::string> translationUnits(const std::string& root);

/// Every directory under `root` holding a header (.h, .hpp, .hh, .cuh, .inl), sorted.
std::vector<std::string> headerDirectories(const std::string& root);

/// A file as it was scanned and the edits the rewrite made to it: errors in the rewritten file are
/// placed on the original line too.
struct RewrittenFile {
  std::string original;
  std::vector<Edit> edits;
};

/// Verifies `units` (paths relative to `root`). `rewritten` is keyed by path relative to `root`.
VerifyReport verifyTree(const std::string& root, const std::vector<std::string>& units, const VerifyOptions& options,
                        const std::map<std::string, RewrittenFile>& rewritten = {});

/// The original line of `rewrittenLine` in a file made from `original` by `edits` (0 when the line
/// is one the rewrite inserted).
unsigned originalLineOf(const std::string& original, const std::vector<Edit>& edits, unsigned rewrittenLine);

/// The report as text: one line per file (failures with their first errors), libraries absent
/// from the installation said once, then a summary line.
void writeVerifyText(const VerifyReport& report, std::ostream& out);
/// The report as JSON: {"hip": {...}, "offload_arch", "files": [...], "missing_libraries", "summary"}.
void writeVerifyJson(const VerifyReport& report, std::ostream& out);

}  // namespace opscope::rewrite
