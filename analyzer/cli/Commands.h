// Subcommands of the CLI; each parses its own options and returns an ExitCode.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "db/Database.h"
#include "scan/Files.h"
#include "scan/Pipeline.h"

namespace opscope::cli {

using scan::UsageError;
using scan::readSourceText;
using scan::writeFileAtomically;

int scanCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int dbCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int reportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int mergeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int onnxCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int fitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int rewriteCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

using scan::loadDatabase;

}  // namespace opscope::cli
