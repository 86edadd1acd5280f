// The inline-expectation harness of the CUDA frontend, in the manner of clang-tidy's
// CHECK-MESSAGES: each input under tests/cuda/inputs says, beside the code, exactly which findings
// it must yield.
//   // CHECK: [[@LINE-1]]:COL SYMBOL KIND EVIDENCE [via MACRO...] [lib=LIBRARY] [{DETAIL}]
//   // CHECK-INPUT: STATUS [text the input's message contains]
// lib= and {DETAIL} are checked when given. The scan must produce exactly the CHECKed findings in
// each file: a missing one or an extra one fails the test.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cuda/CudaFrontend.h"
#include "db/Catalog.h"
#include "db/Database.h"

namespace opscope::cuda::testing {

struct ExpectedFinding {
  unsigned line = 0, column = 0;
  std::string symbol, kind, evidence;
  std::vector<std::string> chain;
  std::optional<std::string> library, detail;
  std::string text;  // the CHECK line, for messages
};

struct Expectations {
  std::vector<ExpectedFinding> findings;
  std::optional<std::string> status;
  std::string messagePart;
  std::vector<std::string> malformed;  // CHECK lines that do not parse
};

Expectations readExpectations(const std::filesystem::path& file);

/// "LINE:COL SYMBOL KIND EVIDENCE [via ...] lib=L {detail}" for messages.
std::string describe(const Finding& f);

bool matches(const ExpectedFinding& e, const Finding& f);

/// The test universe (tests/cuda/universe.yaml) as a catalog: fixed, so expectations do not
/// move when the built-in opdb grows.
const SymbolCatalog& testCatalog();

/// Scan options with the built-in hazard rules (rules/cuda/*.yaml) mapped in.
ScanOptions optionsWithRules(const std::string& root);

}  // namespace opscope::cuda::testing
