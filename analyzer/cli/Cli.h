// The command line: `opscope scan|db ...`. Exit codes are a contract (see ExitCode).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace opscope::cli {

/// The exit-code contract: 0 ok, 1 gate failed, 2 usage or input error, 3 internal error.
enum ExitCode : int { kOk = 0, kGateFailed = 1, kUsageError = 2, kInternalError = 3 };

/// Runs one opscope command line; never throws.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

/// Same, from a vector (for tests). args[0] is the program name.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

inline constexpr const char* kToolVersion = "0.1.0";

}  // namespace opscope::cli
