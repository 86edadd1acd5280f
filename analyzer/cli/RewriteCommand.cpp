// `opscope rewrite PATH... --target PLATFORM`: the scan pipeline (the same request as `scan`,
// `.opscope.yaml` included), then the findings become edits for one platform (analyzer/rewrite
// for C/C++/CUDA, the Python frontend's suggestions for scripts), merged and shown or written:
// a diff, a rewritten copy of the tree, the files in place, clang-apply-replacements YAML, SARIF.
#include <boost/program_options.hpp>
#include <filesystem>
#include <map>
#include <sstream>
#include <unistd.h>

#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Options.h"
#include "reports/Renderer.h"
#include "rewrite/Apply.h"
#include "rewrite/CodeRewriter.h"
#include "rewrite/Output.h"
#include "rewrite/Rules.h"
#include "rewrite/Verify.h"
#include "python/PythonFrontend.h"

namespace opscope::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;
namespace {

constexpr const char* kRewriteUsage =
    "usage: opscope rewrite PATH... --target PLATFORM [options]\n\n"
    "Rewrites the C, C++, CUDA and Python files under each PATH for one platform, from the scan's\n"
    "findings and the rules (rules/, plus --rules files). Hygon DCU gets a complete CUDA->HIP\n"
    "rewrite; Ascend, Cambricon and Enflame get suggested C/C++ edits (written only with\n"
    "--apply-suggestions) and porting notes for kernels, and rewritten Python scripts. Uses that\n"
    "cannot be rewritten completely are left as they are and listed. Settings in the nearest\n"
    ".opscope.yaml apply as they do for opscope scan. --verify (dcu) parses the rewritten files as HIP\n"
    "against the HIP headers and says which compile: exit 0 all, 1 not all, 2 usage error.\n\noptions";

struct RewriteArgs {
  ScanOptionValues scan;
  std::string outDir, exportFixes, sarif, launch = "keep";
  std::string hipPath, verifyFormat = "text", verifyOutput, offloadArch = "gfx906";
};

struct Snapshot {
  std::string absolute;
  std::string text;
  std::string hash;
};

/// What the rewrite works from and produces.
struct Plan {
  std::map<std::string, Snapshot> snapshot;  // every scanned source and script, by reported path
  rewrite::CodeRewrite code;                  // C/C++ edits, leftovers, notes
  rewrite::EditSet edits;                     // what will be written
  std::vector<Suggestion> offered;            // everything offered (SARIF carries all of it)
  std::vector<rewrite::Note> notes;
  std::vector<rewrite::Conflict> conflicts;
  bool writesCode = false;
};

std::string locationOf(const std::string& file, unsigned line, unsigned column) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

void addOptions(po::options_description& desc, RewriteArgs& a) {
  desc.add_options()
      ("help,h", "this help")
      ("target,t", po::value(&a.scan.request.targets), "the platform: ascend, cambricon, enflame or dcu, optionally at an SDK level (dcu@hip-5.7)")
      ("diff", "print a unified diff of the edits on stdout")
      ("out-dir", po::value(&a.outDir), "write a rewritten copy of the scanned tree into DIR (untouched files copied)")
      ("in-place", "rewrite the files where they are (atomically; refused for files changed since the scan)")
      ("export-fixes", po::value(&a.exportFixes), "write the edits as clang-apply-replacements YAML to FILE")
      ("sarif", po::value(&a.sarif), "write the findings with the edits as SARIF fixes to FILE")
      ("apply-suggestions", "also write the C/C++ edits of platforms whose rules only suggest them")
      ("launch", po::value(&a.launch), "kernel launches: keep (<<<>>>) or macro (the platform's launch macro, hipLaunchKernelGGL)")
      ("verify", "dcu: parse every rewritten translation unit with Clang as HIP against the HIP headers (host and device, no GPU) and say per file whether it compiles; exit 1 when one does not")
      ("hip-path", po::value(&a.hipPath), "--verify: the HIP installation (ROCm/DTK root or its include/hip); default /opt/rocm, then /usr (Debian's libamdhip64-dev)")
      ("offload-arch", po::value(&a.offloadArch), "--verify: the GPU architecture of the device-side check (default gfx906, Hygon DCU)")
      ("verify-format", po::value(&a.verifyFormat), "--verify: text (default) or json")
      ("verify-output", po::value(&a.verifyOutput), "--verify: write the verdicts to FILE (atomically) instead of stdout")
      ("path", po::value(&a.scan.request.paths), "files or directories to rewrite");
  addScanOptions(desc, a.scan);
}

/// The platform's rewrite rules (built-in and --rules files of kind rewrites, loaded with the rules).
rewrite::PlatformRewrites platformRules(const scan::Session& session, const std::string& target) {
  if (const rewrite::PlatformRewrites* p = session.rules().rewrites.platform(target)) return *p;
  rewrite::PlatformRewrites none;
  none.platform = target;
  return none;
}

/// Everything the scan will read, read first: edits are made against these texts, and a file
/// whose content differs from them when it is written is refused.
std::map<std::string, Snapshot> takeSnapshot(const scan::DiscoveredInputs& inputs) {
  std::map<std::string, Snapshot> out;
  for (const auto* list : {&inputs.sources, &inputs.python})
    for (const std::string& abs : *list)
      if (std::optional<std::string> text = readSourceText(inputs.root, abs))
        out[scan::relativePath(inputs.root, abs)] = Snapshot{abs, *text, rewrite::contentHash(*text)};
  return out;
}

/// The edits: the C/C++ rewrite of the code findings, and the scripts' suggestions.
void planEdits(Plan& plan, const scan::ScanOutcome& scanned, const scan::Session& session,
               const rewrite::PlatformRewrites& rules, bool launchMacro, bool applySuggestions) {
  const std::string& target = rules.platform;
  rewrite::FileTexts codeTexts;
  for (const auto& [rel, snap] : plan.snapshot)
    if (!python::isPythonFile(rel)) codeTexts[rel] = snap.text;
  rewrite::CodeRewriteOptions options;
  options.launchMacro = launchMacro;
  plan.code = rewrite::rewriteCode(scanned.codeFindings, codeTexts, session.db(), rules, options);
  plan.writesCode = rules.mode == rewrite::PlatformRewrites::Mode::Apply || applySuggestions;
  plan.offered = rewrite::toSuggestions(plan.code.edits.edits(), target);
  if (plan.writesCode)
    for (const rewrite::Edit& e : plan.code.edits.edits()) plan.edits.add(e);
  plan.notes = plan.code.notes;
  for (const Suggestion& s : scanned.report.suggestions) {
    if (s.platform != target || !python::isPythonFile(s.file)) continue;
    plan.offered.push_back(s);
    if (s.length == 0 && s.replacement.empty()) {
      plan.notes.push_back(rewrite::Note{s.file, s.line, s.column, "", s.reason});
      continue;
    }
    plan.edits.add(rewrite::Edit{s.file, s.offset, s.length, s.replacement, "python", s.reason, s.line, s.column});
  }
  plan.conflicts = plan.code.edits.conflicts();
  plan.conflicts.insert(plan.conflicts.end(), plan.edits.conflicts().begin(), plan.edits.conflicts().end());
}

/// What the user must know first: conflicts, then what was left, then notes, then the count.
void printPlan(const Plan& plan, const std::string& target, std::ostream& err) {
  for (const rewrite::Conflict& c : plan.conflicts) err << "opscope: error: " << c.message() << "\n";
  std::map<std::pair<std::string, std::string>, std::vector<const rewrite::Leftover*>> left;
  for (const rewrite::Leftover& l : plan.code.leftovers) left[{l.symbol, l.reason}].push_back(&l);
  for (const auto& [key, uses] : left) {
    const rewrite::Leftover& first = *uses.front();
    err << locationOf(first.file, first.line, first.column) << ": left: " << key.first << ": " << key.second;
    if (uses.size() > 1) err << " (" << uses.size() << " uses)";
    err << "\n";
  }
  for (const rewrite::Note& n : plan.notes)
    err << locationOf(n.file, n.line, n.column) << ": note: " << (n.symbol.empty() ? "" : n.symbol + ": ") << n.text << "\n";
  size_t codeEdits = plan.code.edits.edits().size();
  err << "opscope rewrite: " << target << ": " << plan.edits.edits().size() << " edit(s) in " << plan.edits.files().size() << " file(s)";
  if (!plan.writesCode && codeEdits > 0) err << "; " << codeEdits << " C/C++ edit(s) suggested only (--apply-suggestions writes them)";
  err << "; " << plan.code.leftovers.size() << " use(s) left as they are\n";
}

/// `--verify`: the rewritten tree (the --out-dir copy, the files in place, or a temporary copy
/// removed afterwards) parsed as HIP. Returns false when a file does not compile.
bool verifyRewrite(const Plan& plan, const RewriteArgs& a, bool inPlace, const std::string& root,
                   const rewrite::HipInstallation& hip, std::ostream& out, std::ostream& err) {
  std::map<std::string, rewrite::RewrittenFile> rewritten;
  std::map<std::string, std::string> texts;
  for (const std::string& file : plan.edits.files()) {
    auto snap = plan.snapshot.find(file);
    if (snap == plan.snapshot.end()) continue;
    std::vector<rewrite::Edit> edits = plan.edits.forFile(file);
    auto text = rewrite::applyEdits(snap->second.text, edits);
    if (!text || *text == snap->second.text) continue;
    texts[file] = *text;
    rewritten[file] = rewrite::RewrittenFile{snap->second.text, std::move(edits)};
  }
  std::string tree = inPlace ? root : a.outDir;
  fs::path temporary;
  if (tree.empty()) {
    temporary = fs::temp_directory_path() / ("opscope-verify-" + rewrite::contentHash(root + std::to_string(::getpid())));
    fs::remove_all(temporary);
    std::string error;
    rewrite::writeTreeCopy(root, temporary.string(), texts, error);
    if (!error.empty()) throw UsageError{"--verify: " + error};
    tree = temporary.string();
  }
  rewrite::VerifyOptions options;
  options.hip = hip;
  options.offloadArch = a.offloadArch;
  options.includeDirs = rewrite::headerDirectories(tree);
  // The units the scan read: a file named on the command line is verified alone, not its directory.
  std::vector<std::string> units;
  for (const std::string& unit : rewrite::translationUnits(tree))
    if (plan.snapshot.count(unit)) units.push_back(unit);
  err << "opscope rewrite --verify: " << units.size() << " translation unit(s) against HIP "
      << (hip.version.empty() ? "" : hip.version + " ") << "at " << hip.root << "\n";
  rewrite::VerifyReport report = rewrite::verifyTree(tree, units, options, rewritten);
  if (!temporary.empty()) fs::remove_all(temporary);
  auto render = [&](std::ostream& s) {
    if (a.verifyFormat == "json") rewrite::writeVerifyJson(report, s);
    else rewrite::writeVerifyText(report, s);
  };
  if (a.verifyOutput.empty()) render(out);
  else writeFileAtomically(a.verifyOutput, render);
  if (!a.verifyOutput.empty() || a.verifyFormat == "json")
    err << "opscope rewrite --verify: " << report.compiling() << " of " << report.files.size() << " file(s) compile\n";
  return report.compiling() == report.files.size();
}

/// Writes what was asked: a diff, fixes, SARIF, a tree copy, the files in place. Returns false
/// when a file could not be written in place.
bool writeOutputs(Plan& plan, const po::variables_map& vm, const RewriteArgs& a, scan::ScanOutcome& scanned,
                  std::ostream& out, std::ostream& err) {
  const std::string& root = scanned.report.root;
  std::map<std::string, std::string> rewritten;
  for (const std::string& file : plan.edits.files()) {
    auto snap = plan.snapshot.find(file);
    if (snap == plan.snapshot.end()) continue;
    auto text = rewrite::applyEdits(snap->second.text, plan.edits.forFile(file));
    if (!text) throw UsageError{"an edit reaches past the end of " + file};
    if (*text != snap->second.text) rewritten[file] = *text;
  }
  if (vm.count("diff"))
    for (const std::string& file : plan.edits.files())
      if (plan.snapshot.count(file)) out << rewrite::unifiedDiff(file, plan.snapshot[file].text, plan.edits.forFile(file));
  if (!a.exportFixes.empty()) writeFileAtomically(a.exportFixes, rewrite::replacementsYaml(plan.edits.edits(), root));
  if (!a.sarif.empty()) {
    scanned.report.suggestions = plan.offered;
    scanned.report.finalize();
    writeFileAtomically(a.sarif, [&](std::ostream& s) { reports::createRenderer(reports::Format::Sarif, {})->render(scanned.report, s); });
  }
  if (!a.outDir.empty()) {
    std::string error;
    auto results = rewrite::writeTreeCopy(root, a.outDir, rewritten, error);
    if (!error.empty()) throw UsageError{error};
    for (const rewrite::WriteResult& r : results)
      if (r.status == rewrite::WriteResult::Status::Refused) err << r.path << ": " << r.message << "\n";
    err << "opscope rewrite: " << rewritten.size() << " file(s) rewritten into " << a.outDir << "\n";
  }
  if (!vm.count("in-place")) return true;
  rewrite::InPlaceOptions options;
  for (const std::string& p : a.scan.request.paths) options.roots.push_back(fs::absolute(p).lexically_normal().string());
  size_t written = 0;
  bool ok = true;
  for (const auto& [file, text] : rewritten) {
    rewrite::WriteResult r = rewrite::writeInPlace(plan.snapshot[file].absolute, plan.snapshot[file].hash, text, options);
    if (r.status == rewrite::WriteResult::Status::Refused) {
      err << "opscope: error: " << file << ": " << r.message << "\n";
      ok = false;
    } else if (r.status == rewrite::WriteResult::Status::Written) {
      ++written;
    }
  }
  err << "opscope rewrite: " << written << " file(s) rewritten in place\n";
  return ok;
}

}  // namespace

int rewriteCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  po::options_description desc(kRewriteUsage);
  RewriteArgs a;
  addOptions(desc, a);
  po::variables_map vm = parseOptions(args, desc, "path", "rewrite");
  if (vm.count("help")) {
    out << desc << "\n";
    return kOk;
  }
  std::string target = a.scan.request.targets;
  if (a.scan.request.paths.empty()) throw UsageError{"rewrite needs at least one PATH (see opscope rewrite --help)"};
  if (target.empty()) throw UsageError{"rewrite needs --target PLATFORM"};
  if (target.find(',') != std::string::npos || target == "all") throw UsageError{"rewrite takes one --target platform"};
  if (vm.count("in-place") && !a.outDir.empty()) throw UsageError{"--in-place and --out-dir exclude each other"};
  if (a.launch != "keep" && a.launch != "macro") throw UsageError{"--launch '" + a.launch + "': expected keep or macro"};
  bool verify = vm.count("verify") > 0;
  if (!verify && (vm.count("hip-path") || vm.count("verify-format") || vm.count("verify-output") || vm.count("offload-arch")))
    throw UsageError{"--hip-path, --offload-arch, --verify-format and --verify-output go with --verify"};
  if (a.verifyFormat != "text" && a.verifyFormat != "json") throw UsageError{"--verify-format '" + a.verifyFormat + "': expected text or json"};
  std::optional<rewrite::HipInstallation> hip;
  if (verify) {
    std::string error;
    if (target.substr(0, 3) != "dcu") throw UsageError{"--verify checks a HIP rewrite: it needs --target dcu"};
    hip = rewrite::findHipInstallation(a.hipPath, error);
    if (!hip) throw UsageError{error};
  }

  scan::Session session(toRequest(a.scan, vm), err);
  target = session.targets().front().id;  // "dcu@hip-5.7" answers at HIP 5.7 and rewrites for dcu
  rewrite::PlatformRewrites rules = platformRules(session, target);
  if (a.launch == "macro" && rules.launchMacro.empty()) throw UsageError{"--launch macro: " + target + " has no launch macro in its rules"};
  Plan plan;
  plan.snapshot = takeSnapshot(session.discover());
  scan::ScanOutcome scanned = session.run();
  for (const std::string& note : scanned.notes) err << "opscope: note: " << note << "\n";
  planEdits(plan, scanned, session, rules, a.launch == "macro", vm.count("apply-suggestions") > 0);
  printPlan(plan, target, err);
  if (!plan.conflicts.empty()) {
    err << "opscope: nothing written: resolve the conflicting edits (or drop one of the rules)\n";
    return kUsageError;
  }
  if (!writeOutputs(plan, vm, a, scanned, out, err)) return kUsageError;
  if (verify && !verifyRewrite(plan, a, vm.count("in-place") > 0, scanned.report.root, *hip, out, err)) return kGateFailed;
  return kOk;
}

}  // namespace opscope::cli
