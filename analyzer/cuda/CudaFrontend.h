// The C/C++/CUDA frontend: parses translation units with Clang (no CUDA toolkit needed: bundled
// declaration shims stand in for it), finds CUDA API uses, kernels and launches, and falls back
// to a lexical scan wherever parsing cannot vouch for the code.
#pragma once

#include <string>
#include <vector>

#include "core/Model.h"
#include "core/SymbolCatalog.h"

namespace opscope::cuda {

/// One file to scan and the compiler arguments to use for it (empty: inferred).
struct TranslationUnit {
  std::string file;  // absolute path
  std::vector<std::string> args;
};

struct ScanOptions {
  std::string root;                      // absolute; findings outside it are not reported
  std::vector<std::string> includeDirs;  // absolute; added as -I to inferred arguments
  unsigned jobs = 0;                     // 0: all cores
};

/// What scanning produced: one InputFile per unit (paths relative to root) and the findings,
/// de-duplicated across units (a header is reported once) and in canonical order.
struct ScanResult {
  std::vector<InputFile> inputs;
  std::vector<Finding> findings;
};

/// Scans the units in parallel; the result does not depend on `jobs`.
ScanResult scan(const std::vector<TranslationUnit>& units, const SymbolCatalog& catalog,
                const ScanOptions& options);

/// Language of a C/C++/CUDA file by extension: "cuda", "c++", "c", or "" if not ours.
std::string languageOf(const std::string& path);

/// The embedded declaration shims, as (file name, content).
const std::vector<std::pair<std::string, std::string>>& shimFiles();

}  // namespace opscope::cuda
