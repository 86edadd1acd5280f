// The CI gate on the command line: --fail-under, --fail-on, --baseline, --update-baseline,
// shared by `opscope scan` and `opscope report`.
#pragma once

#include <boost/program_options.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/Gate.h"

namespace opscope::cli {

struct GateArgs {
  std::vector<std::string> failUnder;  // "PLATFORM=PERCENT"
  std::vector<std::string> failOn;     // "missing", "unknown", "hazard", "hazard:ID"
  std::string baseline;
  bool updateBaseline = false;
};

void addGateOptions(boost::program_options::options_description& desc, GateArgs& args);

/// Turns the options into a policy; throws UsageError for a malformed value.
GatePolicy parseGatePolicy(const GateArgs& args);

/// Evaluates the gate into report.gate (after writing the baseline if asked, so the new
/// baseline is what the gate compares with). Returns true when a condition failed.
bool runGate(Report& report, const GatePolicy& policy, const GateArgs& args);

/// One line per failed condition, for stderr.
void printGateFailures(const Report& report, std::ostream& err);

/// The baseline file format, opscope-baseline/1: JSON, known gaps with counts.
Baseline readBaseline(const std::string& path);
void writeBaseline(const std::string& path, const Baseline& baseline);

}  // namespace opscope::cli
