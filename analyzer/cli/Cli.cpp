#include "cli/Cli.h"

#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string_view>

#include "cli/Commands.h"

namespace opscope::cli {
namespace {

constexpr const char* kUsage =
    "usage: opscope <command> [options]\n"
    "\n"
    "Finds the CUDA APIs, kernels and libraries a code base uses and how Huawei Ascend,\n"
    "Cambricon MLU, Enflame GCU and Hygon DCU cover them.\n"
    "\n"
    "commands:\n"
    "  scan PATH...        scan source trees and files, report coverage per platform\n"
    "  db validate|stats|show   check and query the coverage database (opdb)\n"
    "  report RESULTS.json render saved results in other formats, and gate them\n"
    "  merge A.json B.json ... -o ALL.json   join the results of a sharded scan\n"
    "  onnx MODEL          an ONNX model's summary and its operator coverage per platform\n"
    "  fit MODEL | --params N --dtype D   cards and servers of each accelerator a model needs\n"
    "  rewrite PATH... --target P   port sources to one platform: diff, copy, in place, fixes\n"
    "\n"
    "options:\n"
    "  -h, --help          this help; `opscope <command> --help` for a command's options\n"
    "  --version           tool and opdb versions\n"
    "\n"
    "exit codes: 0 ok, 1 gate failed, 2 usage or input error, 3 internal error\n";

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    // Fault injection for the test of exit code 3 (tests/cli/ReliabilityCliTest.cpp): nothing
    // else reaches an internal error on purpose.
    if (const char* fault = std::getenv("OPSCOPE_FAULT_INJECTION"); fault && std::string_view(fault) == "internal-error")
      throw std::runtime_error("fault injected by OPSCOPE_FAULT_INJECTION=internal-error");
    if (args.size() < 2) {
      err << kUsage;
      return kUsageError;
    }
    const std::string& cmd = args[1];
    std::vector<std::string> rest(args.begin() + 2, args.end());
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
      out << kUsage;
      return kOk;
    }
    if (cmd == "--version" || cmd == "-V") {
      db::Database db;
      loadDatabase(db, {}, err, /*kinds=*/0);
      out << "opscope " << kToolVersion << " (opdb " << db.version() << ")\n";
      return kOk;
    }
    if (cmd == "scan") return scanCommand(rest, out, err);
    if (cmd == "db") return dbCommand(rest, out, err);
    if (cmd == "report") return reportCommand(rest, out, err);
    if (cmd == "merge") return mergeCommand(rest, out, err);
    if (cmd == "onnx") return onnxCommand(rest, out, err);
    if (cmd == "fit") return fitCommand(rest, out, err);
    if (cmd == "rewrite") return rewriteCommand(rest, out, err);
    err << "opscope: unknown command '" << cmd << "'\n\n" << kUsage;
    return kUsageError;
  } catch (const UsageError& e) {
    err << "opscope: " << e.message << "\n";
    return kUsageError;
  } catch (const std::exception& e) {
    err << "opscope: internal error: " << e.what() << "\n";
    return kInternalError;
  } catch (...) {
    err << "opscope: internal error\n";
    return kInternalError;
  }
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  std::vector<std::string> args(argv, argv + argc);
  return run(args, out, err);
}

}  // namespace opscope::cli
