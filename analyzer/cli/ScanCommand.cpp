// `opscope scan PATH...`: discover inputs, run the frontends, look findings up in the opdb,
// render the report.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Inputs.h"
#include "cli/ScanSteps.h"
#include "reports/Renderer.h"

namespace opscope::cli {
namespace po = boost::program_options;
namespace {

std::vector<Platform> resolveTargets(const db::Database& db, const std::string& spec) {
  std::vector<Platform> out;
  if (spec == "all" || spec.empty()) return db.platforms();
  std::stringstream ss(spec);
  std::string id;
  while (std::getline(ss, id, ',')) {
    if (id.empty()) continue;
    const Platform* p = db.platform(id);
    if (!p) {
      std::string known;
      for (const Platform& q : db.platforms()) known += (known.empty() ? "" : ", ") + q.id;
      throw UsageError{"unknown target '" + id + "' (known: " + known + ", all)"};
    }
    if (std::none_of(out.begin(), out.end(), [&](const Platform& q) { return q.id == id; })) out.push_back(*p);
  }
  if (out.empty()) throw UsageError{"--target names no platform"};
  return out;
}

}  // namespace

void addFindings(ScanContext& ctx, std::vector<Finding> findings) {
  for (Finding& f : findings) {
    ReportFinding rf;
    if (!isInventoryKind(f.symbol.kind))
      for (const Platform& p : ctx.report.targets) rf.coverage[p.id] = ctx.db.lookup(p.id, f.symbol.name);
    rf.finding = std::move(f);
    ctx.report.findings.push_back(std::move(rf));
  }
}

int scanCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  po::options_description desc(
      "usage: opscope scan PATH... [options]\n\n"
      "Scans C, C++ and CUDA sources under each PATH (file or directory) and reports, per target\n"
      "platform, how the CUDA APIs they use are covered.\n\noptions");
  std::string targets, format, output;
  std::vector<std::string> paths, overlays;
  unsigned jobs = 0;
  desc.add_options()
      ("help,h", "this help")
      ("target,t", po::value(&targets)->default_value("all"), "platforms: ascend,cambricon,enflame,dcu or all")
      ("format,f", po::value(&format)->default_value("text"), "report format: text or json")
      ("output,o", po::value(&output), "write the report to FILE (atomically) instead of stdout")
      ("db", po::value(&overlays)->composing(), "an opdb overlay file; repeatable, later ones win")
      ("jobs,j", po::value(&jobs)->default_value(0), "parallel parses (0: all cores)")
      ("path", po::value(&paths), "files or directories to scan");
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError{std::string(e.what()) + " (see opscope scan --help)"};
  }
  if (vm.count("help")) {
    out << desc << "\n";
    return kOk;
  }
  if (paths.empty()) throw UsageError{"scan needs at least one PATH (see opscope scan --help)"};
  auto fmt = reports::parseFormat(format);
  if (!fmt) throw UsageError{"unknown format '" + format + "' (expected text or json)"};

  db::Database db;
  loadDatabase(db, overlays, err);
  Report report;
  report.toolVersion = kToolVersion;
  report.opdbVersion = db.version();
  report.targets = resolveTargets(db, targets);

  DiscoveredInputs inputs = discoverInputs(paths);
  report.root = inputs.root;
  report.inputs = inputs.problems;

  ScanContext ctx{db, inputs, jobs, report};
  runCudaStep(ctx);
  report.finalize();

  reports::RenderOptions ro;
  if (output.empty()) {
    ro.color = *fmt == reports::Format::Text && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && &out == &std::cout;
    reports::createRenderer(*fmt, ro)->render(report, out);
    return kOk;
  }
  std::ostringstream buffer;
  reports::createRenderer(*fmt, ro)->render(report, buffer);
  writeFileAtomically(output, buffer.str());
  // With a report file, the terminal still gets the summary, and the path of the report.
  reports::RenderOptions summary;
  summary.listFindings = false;
  summary.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && &out == &std::cout;
  reports::createRenderer(reports::Format::Text, summary)->render(report, out);
  out << "\nreport (" << reports::toString(*fmt) << ") written to " << output << "\n";
  return kOk;
}

}  // namespace opscope::cli
