// `opscope scan PATH...`: the options become a scan request, the scan pipeline (analyzer/scan)
// produces the report model, and this command gates and renders it.
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Gate.h"
#include "cli/Options.h"
#include "cli/Output.h"
#include "cli/Progress.h"
#include "reports/Renderer.h"
#include "scan/Stage.h"

namespace opscope::cli {
namespace po = boost::program_options;
namespace {

constexpr const char* kScanUsage =
    "usage: opscope scan PATH... [options]\n\n"
    "Scans the C, C++, CUDA, Python and ONNX files under each PATH (file or directory) and reports,\n"
    "per target platform, how the APIs and operators they use are covered. Settings in the nearest\n"
    ".opscope.yaml (from the scan root upward) apply first; options add to them or override them.\n"
    "Each C/C++/CUDA parse runs in a worker process with a deadline and a memory cap; results are\n"
    "cached between runs (--no-cache to bypass).\n\noptions";

struct ScanArgs {
  ScanOptionValues scan;
  std::string format, output, progress;
  GateArgs gate;
};

void addOptions(po::options_description& desc, ScanArgs& a) {
  desc.add_options()
      ("help,h", "this help")
      ("target,t", po::value(&a.scan.request.targets), "platforms: ascend,cambricon,enflame,dcu or all (default: all); PLATFORM[:PRODUCT][@SDK-VERSION] answers for that product and SDK level (ascend:910b@torch_npu-2.4, dcu@hip-5.7)")
      ("format,f", po::value(&a.format)->default_value("text"), ("report formats, comma-separated: " + reports::formatNames()).c_str())
      ("output,o", po::value(&a.output), "write the report to FILE (one format) or into DIR (several), atomically")
      ("shard", po::value(&a.scan.request.shard), "K/N: scan only the K-th of N deterministic shares of the inputs (merge them with opscope merge)")
      ("export-clang-commands", po::value(&a.scan.request.exportClangCommands), "also write DIR/compile_commands.json with the exact clang arguments of each C/C++/CUDA parse (and the shims they use), to repeat a parse with clang")
      ("progress", po::value(&a.progress), "auto (on a terminal, for scans over 2 s), always or never; default: $OPSCOPE_PROGRESS, else auto")
      ("path", po::value(&a.scan.request.paths), "files or directories to scan");
  addScanOptions(desc, a.scan);
  addGateOptions(desc, a.gate);
}

}  // namespace

int scanCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  po::options_description desc(kScanUsage);
  ScanArgs a;
  addOptions(desc, a);
  po::variables_map vm = parseOptions(args, desc, "path", "scan");
  if (vm.count("help")) {
    out << desc << "\n";
    return kOk;
  }
  scan::ScanRequest& r = a.scan.request;
  if (r.paths.empty() && !r.compileCommands.empty()) r.paths.push_back(scan::compileDatabaseRoot(r.compileCommands));
  if (r.paths.empty()) throw UsageError{"scan needs at least one PATH (see opscope scan --help)"};
  OutputSpec spec = parseOutputSpec(a.format, a.output);
  Progress::Settings progressSettings = Progress::settingsFor(err, a.progress);
  scan::ScanRequest request = toRequest(a.scan, vm);
  // The project's gate settings first, the command line's after them.
  a.gate.failUnder.insert(a.gate.failUnder.begin(), request.failUnder.begin(), request.failUnder.end());
  a.gate.failOn.insert(a.gate.failOn.begin(), request.failOn.begin(), request.failOn.end());
  if (a.gate.baseline.empty()) a.gate.baseline = request.baseline;
  GatePolicy policy = parseGatePolicy(a.gate);

  scan::Session session(std::move(request), err);
  Progress progress(err, progressSettings);
  scan::ScanOutcome outcome = session.run(&progress);
  progress.finish();
  for (const std::string& note : outcome.notes) err << "opscope: note: " << note << "\n";

  bool failed = runGate(outcome.report, policy, a.gate);
  emitReport(outcome.report, spec, out);
  printGateFailures(outcome.report, err);
  return failed ? kGateFailed : kOk;
}

}  // namespace opscope::cli
