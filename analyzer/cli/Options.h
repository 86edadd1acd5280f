// Command-line parsing shared by the commands (Boost.Program_options).
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "scan/Request.h"

namespace opscope::cli {

/// Parses one command's arguments against `desc`, the words that are no option going to the
/// option named `positional`. A malformed command line is a UsageError, pointing at
/// `opscope COMMAND --help` when `command` is given.
boost::program_options::variables_map parseOptions(const std::vector<std::string>& args,
                                                   const boost::program_options::options_description& desc,
                                                   const char* positional, const std::string& command = "");

/// The options of every command that scans (`scan`, `rewrite`): what is scanned, how, and with
/// which data. Their values land in `request` or in the text fields below until toRequest().
struct ScanOptionValues {
  scan::ScanRequest request;
  std::string maxFileSize, unitTimeout, unitMemory, cacheSize, importStrategy;
};
void addScanOptions(boost::program_options::options_description& desc, ScanOptionValues& values);

/// The finished request: sizes and limits checked (UsageError naming the option otherwise), the
/// flags of `vm` applied, then `.opscope.yaml` under the command line (scan::applyProjectConfig).
scan::ScanRequest toRequest(ScanOptionValues& values, const boost::program_options::variables_map& vm);

}  // namespace opscope::cli
