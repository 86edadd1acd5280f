// `opscope report RESULTS.json` renders saved results (and gates them like a scan);
// `opscope merge A.json B.json ... -o ALL.json` joins the results of a sharded scan.
#include <boost/program_options.hpp>
#include <fstream>
#include <map>
#include <tuple>
#include <sstream>

#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Options.h"
#include "cli/Gate.h"
#include "cli/Output.h"
#include "db/EffortModel.h"
#include "db/MinimumSdk.h"
#include "reports/JsonReader.h"

namespace opscope::cli {
namespace po = boost::program_options;
namespace {

Report readResults(const std::string& path, const EffortModel& effort = db::builtinEffortModel()) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError{"cannot read '" + path + "'"};
  std::stringstream ss;
  ss << in.rdbuf();
  reports::ReadResult r = reports::readJsonReport(ss.str(), path);
  if (!r.ok) throw UsageError{r.error};
  // The plan is derived from the findings with the built-in weights, as a scan derives it.
  r.report.effort = effort;
  r.report.finalize();
  return std::move(r.report);
}

/// Where a finding is: a graph finding's place is its node path (every node of a model is at 1:1).
using FindingKey = std::tuple<std::string, unsigned, unsigned, std::string, SymbolKind, std::string>;

}  // namespace

int reportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  po::options_description desc(
      "usage: opscope report RESULTS.json [options]\n\n"
      "Renders saved results (opscope scan --format json) in other formats, and gates them exactly as\n"
      "opscope scan would.\n\noptions");
  std::string format, output, effortFile;
  std::vector<std::string> files;
  GateArgs gateArgs;
  desc.add_options()("help,h", "this help")(
      "format,f", po::value(&format)->default_value("text"), ("formats, comma-separated: " + reports::formatNames()).c_str())(
      "output,o", po::value(&output), "write to FILE (one format) or into DIR (several)")(
      "effort", po::value(&effortFile), "effort weights of the porting plan (rules/effort.yaml format) instead of the built-in ones")(
      "results", po::value(&files), "the results file");
  addGateOptions(desc, gateArgs);
  po::variables_map vm = parseOptions(args, desc, "results");
  if (vm.count("help")) {
    out << desc << "\n";
    return kOk;
  }
  if (files.size() != 1) throw UsageError{"report needs exactly one RESULTS.json (see opscope report --help)"};
  OutputSpec spec = parseOutputSpec(format, output);
  GatePolicy policy = parseGatePolicy(gateArgs);
  EffortModel effort = db::builtinEffortModel();
  if (!effortFile.empty()) {
    std::vector<db::Diagnostic> diags;
    std::optional<EffortModel> loaded = db::loadEffortModelFile(effortFile, {}, diags);
    std::string messages;
    for (const db::Diagnostic& d : diags) messages += (messages.empty() ? "" : "\n") + d.str();
    if (!loaded) throw UsageError{messages.empty() ? "cannot read '" + effortFile + "'" : messages};
    if (!messages.empty()) err << messages << "\n";
    effort = std::move(*loaded);
  }
  Report report = readResults(files.front(), effort);
  bool failed = runGate(report, policy, gateArgs);
  emitReport(report, spec, out);
  printGateFailures(report, err);
  return failed ? kGateFailed : kOk;
}

namespace {

/// Shards of one scan: the same opscope, opdb and targets (UsageError otherwise); a different
/// root is only a warning.
void checkSameScan(const Report& first, const std::string& firstFile, const Report& r, const std::string& file,
                   std::ostream& err) {
  auto ids = [](const Report& x) {
    std::string s;
    for (const Platform& p : x.targets) s += p.id + ",";
    return s;
  };
  if (r.opdbVersion != first.opdbVersion || r.toolVersion != first.toolVersion)
    throw UsageError{file + ": made by opscope " + r.toolVersion + " with opdb " + r.opdbVersion + ", not " +
                     first.toolVersion + " with opdb " + first.opdbVersion + " like " + firstFile};
  if (ids(r) != ids(first)) throw UsageError{file + ": scanned for other targets than " + firstFile};
  if (r.root != first.root)
    err << "opscope: warning: " << file << " was scanned under " << r.root << ", " << firstFile << " under "
        << first.root << "; paths are relative to each\n";
}

/// Suggestions in canonical order, each once.
void sortUnique(std::vector<Suggestion>& suggestions) {
  auto key = [](const Suggestion& s) { return std::tie(s.platform, s.file, s.offset, s.length, s.replacement); };
  std::sort(suggestions.begin(), suggestions.end(), [&](const Suggestion& a, const Suggestion& b) { return key(a) < key(b); });
  suggestions.erase(std::unique(suggestions.begin(), suggestions.end(),
                                [&](const Suggestion& a, const Suggestion& b) { return key(a) == key(b); }),
                    suggestions.end());
}

}  // namespace

int mergeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  po::options_description desc(
      "usage: opscope merge A.json B.json ... -o ALL.json\n\n"
      "Joins the results of a sharded scan (opscope scan --shard K/N --format json) into one results\n"
      "file, as if the whole tree had been scanned at once.\n\noptions");
  std::string output;
  std::vector<std::string> files, overlays;
  desc.add_options()("help,h", "this help")("output,o", po::value(&output), "the merged results file (JSON)")(
      "db", po::value(&overlays), "an opdb overlay the shards were scanned with (repeatable, in the scan's order): the "
      "minimum SDK is derived again for the whole tree from the same opdb")("results", po::value(&files), "results files");
  po::variables_map vm = parseOptions(args, desc, "results");
  if (vm.count("help")) {
    out << desc << "\n";
    return kOk;
  }
  if (files.empty()) throw UsageError{"merge needs at least one results file (see opscope merge --help)"};
  if (output.empty()) throw UsageError{"merge needs -o FILE"};

  Report merged;
  std::map<std::string, InputFile> inputs;
  std::map<FindingKey, ReportFinding> findings;
  std::map<std::string, ModelReport> models;
  std::map<std::tuple<std::string, unsigned, std::string>, KernelReport> kernels;
  for (size_t i = 0; i < files.size(); ++i) {
    Report r = readResults(files[i]);
    if (i == 0) {
      merged.toolVersion = r.toolVersion;
      merged.opdbVersion = r.opdbVersion;
      merged.root = r.root;
      merged.targets = r.targets;
    } else {
      checkSameScan(merged, files[0], r, files[i], err);
    }
    // A file several shards saw (a header their units include): keep one entry, the same one
    // an unsharded scan keeps (the first in canonical order).
    for (InputFile& in : r.inputs) {
      auto [it, inserted] = inputs.try_emplace(in.path, in);
      if (!inserted && std::tie(in.status, in.message) < std::tie(it->second.status, it->second.message)) it->second = in;
    }
    for (ReportFinding& rf : r.findings) {
      const Finding& f = rf.finding;
      FindingKey key{f.location.file, f.location.line, f.location.column, f.symbol.name, f.symbol.kind,
                     f.evidence == Evidence::Graph ? f.context : std::string()};
      auto [it, inserted] = findings.try_emplace(key, rf);
      // The same choice the CUDA frontend makes between units: best evidence, then canonical order.
      if (!inserted && std::tie(f.evidence, f) < std::tie(it->second.finding.evidence, it->second.finding)) it->second = rf;
    }
    for (Suggestion& s : r.suggestions) merged.suggestions.push_back(std::move(s));
    // Each model is read by the one shard that owns its file; a repeated one is kept once.
    for (ModelReport& m : r.models) models.try_emplace(m.file, std::move(m));
    // A kernel in a header several shards saw: one entry, with the same verdicts.
    for (KernelReport& k : r.kernels) kernels.try_emplace({k.location.file, k.location.line, k.name}, std::move(k));
  }
  for (auto& [key, k] : kernels) merged.kernels.push_back(std::move(k));
  for (auto& [file, m] : models) merged.models.push_back(std::move(m));
  for (auto& [path, in] : inputs) merged.inputs.push_back(std::move(in));
  for (auto& [key, rf] : findings) merged.findings.push_back(std::move(rf));
  sortUnique(merged.suggestions);
  // The minimum SDK is a function of every op the tree uses: derived again for the whole tree,
  // from the opdb the shards used.
  db::Database db;
  loadDatabase(db, overlays, err);
  std::vector<db::TargetDescriptor> platforms;
  for (const Platform& p : merged.targets) platforms.push_back(db::TargetDescriptor{p.id, "", "", ""});
  merged.minimumSdk = db::minimumSdk(db, platforms, db::symbolsInUse(merged));
  merged.effort = db::builtinEffortModel();
  merged.finalize();
  emitReport(merged, parseOutputSpec("json", output), out);
  return kOk;
}

}  // namespace opscope::cli
