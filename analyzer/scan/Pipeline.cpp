#include "scan/Pipeline.h"

#include <filesystem>
#include <sstream>

#include "scan/Stage.h"
#include "db/EffortModel.h"
#include "db/KernelRollUp.h"
#include "db/MinimumSdk.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "scan/BuildFiles.h"
#include "scan/Cache.h"
#include "scan/Suppressions.h"
#include "scan/Workers.h"

namespace opscope::scan {
namespace fs = std::filesystem;

// The version of the opscope code that produced a result; part of every cache key.
constexpr const char* kEngineVersion = "0.1.0";

void loadDatabase(db::Database& db, const std::vector<std::string>& overlays, std::ostream& err, db::KindMask kinds,
                  std::vector<db::SourceText>* overlayTexts) {
  std::vector<db::Diagnostic> diags;
  bool ok = db::loadBuiltin(db, diags, kinds);
  for (const std::string& f : overlays) {
    std::optional<std::string> text = readSourceText("", f);
    if (!text) throw UsageError{"cannot read the opdb overlay '" + f + "'"};
    if (overlayTexts) overlayTexts->push_back({f, *text});
    ok = db.addLayer(f, {db::SourceText{f, *text}}, diags) && ok;
  }
  for (const db::Diagnostic& d : diags) err << d.str() << "\n";
  if (!ok) throw UsageError{"the coverage database has errors (see above)"};
}

std::vector<db::TargetDescriptor> resolveTargets(const db::Database& db, const std::string& spec) {
  std::string error;
  std::optional<std::vector<db::TargetDescriptor>> targets = db::parseTargets(spec, db, error);
  if (!targets) throw UsageError{error};
  if (targets->empty()) throw UsageError{"--target names no platform"};
  return *targets;
}

Session::Session(ScanRequest request, std::ostream& err) : request_(std::move(request)), db_(std::make_unique<db::Database>()) {
  loadDatabase(*db_, request_.overlays, err, db::kAllKinds, &overlayTexts_);
  rules_ = loadLayeredRules(*db_, request_.ruleFiles, err);
  levels_ = resolveTargets(*db_, request_.targets);
  for (const db::TargetDescriptor& t : levels_) {
    Platform p = *db_->platform(t.platform);
    // The level qualifies every answer; the report says which one they assume.
    if (std::string q = t.qualifier(*db_); !q.empty()) p.stack += " (answers for " + q + ")";
    targets_.push_back(std::move(p));
  }
}

Session::~Session() = default;

const DiscoveredInputs& Session::discover(ProgressSink* progress) {
  if (inputs_) return *inputs_;
  if (progress) progress->stage("finding files", 0);
  inputs_ = discoverInputs(request_.paths, request_.excludes, request_.inputLimits, [&] {
    if (progress) progress->advance();
  });
  if (!request_.shard.empty()) {
    unsigned k = 0, n = 0;
    char slash = 0;
    std::istringstream ss(request_.shard);
    if (!(ss >> k >> slash >> n) || slash != '/' || !ss.eof()) throw UsageError{"--shard '" + request_.shard + "': expected K/N"};
    keepShard(*inputs_, k, n);
  }
  return *inputs_;
}

namespace {

/// The running executable's identity (size and modification time): a rebuilt opscope, whose
/// built-in opdb, rules or checks may differ under the same version number, never reads results
/// an earlier build cached.
std::string buildIdentity() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "unknown-build";
  auto size = fs::file_size(self, ec);
  if (ec) return "unknown-build";
  auto time = fs::last_write_time(self, ec);
  if (ec) return "unknown-build";
  return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

/// What every cached result depends on besides its own inputs: opscope's version, the opdb
/// (version and every overlay's content), the rules in use and the limits that shape results.
std::string cacheSalt(const ScanRequest& request, const db::Database& db, const std::vector<db::SourceText>& overlays,
                      const LayeredRules& rules, const std::vector<Platform>& targets) {
  llvm::BLAKE3 h;
  auto field = [&](const std::string& s) {
    h.update(std::to_string(s.size()) + ":");
    h.update(s);
  };
  field(kEngineVersion);
  static const std::string build = buildIdentity();
  field(build);
  field(db.version());
  // The texts as they were loaded (the built-in opdb and rules are part of the build).
  for (const db::SourceText& overlay : overlays) field(overlay.path + "\n" + overlay.text);
  for (const db::SourceText& rule : rules.userFiles) field(rule.path + "\n" + rule.text);
  for (const Platform& p : targets) field(p.id + "|" + p.stack);
  field(std::to_string(request.maxSyntaxDepth) + "/" + std::to_string(request.maxOnnxDepth));
  return llvm::toHex(h.final<16>(), /*LowerCase=*/true);
}

}  // namespace

ScanOutcome Session::run(ProgressSink* progress) {
  const DiscoveredInputs& inputs = discover(progress);
  ScanOutcome outcome;
  Report& report = outcome.report;
  report.toolVersion = kEngineVersion;
  report.opdbVersion = db_->version();
  report.targets = targets_;
  report.root = inputs.root;
  report.inputs = inputs.problems;

  std::unique_ptr<TaskRunner> runner = makeProcessTaskRunner(
      WorkerLimits{request_.jobs, request_.unitTimeoutSeconds, request_.unitMemoryBytes});
  std::unique_ptr<DiskCache> cache;
  if (request_.cache) cache = std::make_unique<DiskCache>(cacheDirectory(request_), request_.cacheMaxBytes);

  ScanState state{request_, *db_, rules_, inputs, report, CoverageResolver(*db_, rules_.hazards, rules_.rewrites, targets_, levels_)};
  state.progress = progress;
  state.runner = runner.get();
  state.cache = cache.get();
  state.cacheSalt = cacheSalt(request_, *db_, overlayTexts_, rules_, targets_);
  for (const std::unique_ptr<Frontend>& frontend : builtinFrontends()) frontend->run(state);

  // A sharded scan reads what it needs of other shards' files (headers, modules) and reports
  // only its own.
  if (!inputs.notOwned.empty()) {
    std::erase_if(report.inputs, [&](const InputFile& in) { return !state.owns(in.path); });
    std::erase_if(report.findings, [&](const ReportFinding& rf) { return !state.owns(rf.finding.location.file); });
    std::erase_if(report.suggestions, [&](const Suggestion& s) { return !state.owns(s.file); });
  }
  applySuppressions(report, [&](const std::string& rel) { return readSourceText(report.root, rel); });
  // Device code takes its kernel's verdict, and each kernel gets one answer per platform.
  db::rollUpKernels(report, *db_);
  // Per target and SDK, the lowest level every dated op in use needs.
  report.minimumSdk = db::minimumSdk(*db_, levels_, db::symbolsInUse(report));
  // The porting plan's weights (rules/effort.yaml); finalize() derives the plan from them.
  report.effort = db::builtinEffortModel();
  report.finalize();
  outcome.notes = std::move(state.notes);
  outcome.codeFindings = std::move(state.codeFindings);
  outcome.parsedUnits = std::move(state.parsedUnits);
  outcome.unitsFromCache = state.unitsFromCache;
  return outcome;
}

bool ScanState::owns(const std::string& rel) const {
  if (inputs.notOwned.empty()) return true;
  std::string abs = fs::path(rel).is_absolute() ? rel : (fs::path(inputs.root) / rel).lexically_normal().string();
  return !inputs.notOwned.count(abs);
}

void ScanState::add(std::vector<Finding> findings) {
  for (Finding& f : findings) report.findings.push_back(coverage.resolve(std::move(f)));
}

void ScanState::addCode(std::vector<Finding> findings) {
  codeFindings.insert(codeFindings.end(), findings.begin(), findings.end());
  add(std::move(findings));
}

cuda::ScanOptions ScanState::cudaOptions() const {
  cuda::ScanOptions options;
  options.root = inputs.root;
  options.includeDirs = inputs.includeDirs;
  options.jobs = request.jobs;
  options.headersNotAlone = inputs.headersNotAlone;
  for (const rewrite::HazardRule& h : rules.hazards.hazards()) {
    for (const std::string& c : h.checks) options.checkHazards[c] = h.id;
    for (const std::string& s : h.symbols) options.hazardTriggers.push_back(cuda::HazardTrigger{h.id, s});
  }
  options.runner = runner;
  options.cache = cache;
  options.cacheSalt = cacheSalt;
  return options;
}

std::vector<std::unique_ptr<Frontend>> builtinFrontends() {
  std::vector<std::unique_ptr<Frontend>> out;
  out.push_back(makeCudaFrontend());
  out.push_back(makePythonFrontend());
  out.push_back(makeBuildFileFrontend());
  out.push_back(makeOnnxFrontend());
  return out;
}

}  // namespace opscope::scan
