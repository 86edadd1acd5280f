// The ONNX step of `opscope scan`, and the wiring between the opdb and analyzer/onnx that the
// `onnx` and `fit` commands share.
#include <algorithm>
#include <filesystem>

#include "cli/OnnxData.h"
#include "cli/ScanSteps.h"
#include "onnx/DataTypes.h"
#include "onnx/Sizing.h"
#include "onnx/Types.h"

namespace opscope::cli {

std::optional<int> DbOperatorVersions::sinceVersion(std::string_view domain, std::string_view opType,
                                                    std::int64_t opset) const {
  if (opset <= 0) return std::nullopt;
  int clamped = opset > INT32_MAX ? INT32_MAX : static_cast<int>(opset);
  return db_.sinceVersion(domain, opType, clamped);
}

bool DbOperatorVersions::knowsDomain(std::string_view domain) const { return db_.opsetDomain(domain) != nullptr; }

bool DbOperatorVersions::knowsOperator(std::string_view domain, std::string_view opType) const {
  return db_.onnxOperator(domain, opType) != nullptr;
}

std::optional<std::int64_t> DbOperatorVersions::newestOpset(std::string_view domain) const {
  const db::OpsetDomain* d = db_.opsetDomain(domain);
  if (!d) return std::nullopt;
  return d->maxOpset;
}

std::optional<onnx::OperatorAnswer> DbOperatorCoverage::find(std::string_view platform, std::string_view domain,
                                                             std::string_view opType) const {
  std::string symbol = db_.onnxSymbol(domain, opType);
  const db::Entry* e = db_.entry(platform, symbol);
  if (!e) return std::nullopt;
  onnx::OperatorAnswer a;
  a.coverage = db_.lookup(platform, symbol);
  a.opsetMin = e->constraints.opsetMin;
  a.opsetMax = e->constraints.opsetMax;
  a.dtypes = e->constraints.dtypes;
  return a;
}

std::vector<onnx::Accelerator> acceleratorsFromDb(const db::Database& db) {
  std::vector<onnx::Accelerator> out;
  for (const db::Accelerator& a : db.accelerators()) {
    onnx::Accelerator acc;
    acc.id = a.id;
    acc.name = a.name.empty() ? a.id : a.name;
    acc.platform = a.platform;
    std::string sources;
    auto figure = [&](const char* key) {
      onnx::Range r;
      auto it = a.figures.find(key);
      if (it == a.figures.end() || !it->second.min) return r;
      r.low = *it->second.min;
      r.high = it->second.max ? *it->second.max : r.low;
      if (!it->second.note.empty()) acc.note += (acc.note.empty() ? "" : "; ") + std::string(key) + ": " + it->second.note;
      if (it->second.source)
        sources += (sources.empty() ? "" : "; ") + std::string(key) + ": " + it->second.source->describe();
      return r;
    };
    acc.memoryGB = figure("memory_gb");
    acc.bandwidthGBs = figure("memory_bandwidth_gbs");
    for (const char* dtype : {"fp32", "fp16", "bf16", "fp8", "int8", "int4"}) {
      auto it = a.dtypes.find(dtype);
      if (it == a.dtypes.end() || !it->second.supported)
        acc.undocumented.push_back(dtype);
      else if (*it->second.supported)
        acc.dtypes.push_back(dtype);
    }
    acc.source = sources;
    out.push_back(std::move(acc));
  }
  return out;
}

std::variant<AnalyzedModel, onnx::ReadError> analyzeModel(const std::string& path, const db::Database& db,
                                                          const onnx::ReadOptions& options) {
  onnx::ReadResult r = onnx::readModelFile(path, options);
  if (auto* e = std::get_if<onnx::ReadError>(&r)) return std::move(*e);
  AnalyzedModel m;
  m.model = std::get<onnx::ModelInfo>(std::move(r));
  onnx::inferTypes(m.model);
  m.summary = onnx::summarize(m.model);
  DbOperatorVersions versions(db);
  m.ops = onnx::resolveOperators(m.model, versions, m.notes);
  for (const std::string& w : m.model.warnings) m.notes.push_back(w);
  return m;
}

std::vector<std::string> externalDataErrors(const onnx::ModelInfo& model) {
  std::vector<std::string> out;
  for (const onnx::ExternalFile& e : model.externalFiles)
    if (!e.problem.empty()) out.push_back(model.path + ": byte " + std::to_string(e.firstOffset) + ": " + e.problem);
  return out;
}

std::string releasesForIrVersion(const db::Database& db, std::int64_t irVersion) {
  std::string first, last;
  for (const db::OnnxRelease& r : db.onnxReleases()) {
    if (r.irVersion != irVersion) continue;
    if (first.empty()) first = r.release;
    last = r.release;
  }
  if (first.empty()) return "";
  return "ONNX " + (first == last ? first : first + " to " + last);
}

namespace {

/// The graph-level facts of one model for the report: partition per target platform, and the
/// deployment sizing (the defaults of `opscope fit`) on the targets' cards and the NVIDIA
/// reference cards.
ModelReport modelReport(const std::string& rel, const AnalyzedModel& m, const std::vector<onnx::PlatformCoverage>& platforms,
                        const db::Database& db, const std::vector<Platform>& targets) {
  ModelReport out;
  out.file = rel;
  out.nodes = m.summary.nodes;
  for (const onnx::PlatformCoverage& pc : platforms) {
    const onnx::PartitionEstimate& e = pc.partition;
    out.partitions[pc.platform] =
        GraphPartition{e.nodes, e.acceleratorNodes, e.acceleratorSegments, e.fallbackSegments, e.transitions};
  }
  onnx::WeightProfile weights = onnx::profileFromModel(m.model, m.summary);
  onnx::Allowance allowance = onnx::allowanceFromModel(m.model, kDefaultAllowanceRatio, kDefaultBatch, kDefaultSequence);
  out.parameters = weights.parameters;
  out.precision = std::string(onnx::toString(weights.native));
  out.allowance = allowance.explanation;
  std::vector<onnx::Accelerator> cards;
  for (onnx::Accelerator& a : acceleratorsFromDb(db)) {
    bool target = std::any_of(targets.begin(), targets.end(), [&](const Platform& p) { return p.id == a.platform; });
    // A card with no memory figure in any source cannot be sized; `opscope fit` lists it as such.
    if ((a.platform == "reference" || target) && a.memoryGB.known()) cards.push_back(std::move(a));
  }
  for (const onnx::AcceleratorFit& fit :
       onnx::fitDeployment(weights, allowance, cards, onnx::defaultPrecisions(weights.native)))
    for (const onnx::Plan& plan : fit.plans)
      out.sizing.push_back(SizingRow{fit.accelerator.id, fit.accelerator.name, fit.accelerator.platform,
                                     std::string(onnx::toString(plan.requested)),
                                     std::string(onnx::toString(plan.effective)), plan.conversion, plan.available,
                                     plan.totalBytes, plan.cardsLow, plan.cardsHigh, plan.serversLow, plan.serversHigh});
  return out;
}

}  // namespace

void runOnnxStep(ScanContext& ctx) {
  if (ctx.inputs.onnx.empty()) return;
  namespace fs = std::filesystem;
  DbOperatorCoverage coverage(ctx.db);
  onnx::ReadOptions readOptions;
  readOptions.maxSubgraphDepth = ctx.limits.maxOnnxDepth;
  // Each subgraph level is three messages (graph, node, attribute) plus what a graph holds.
  readOptions.maxMessageDepth = std::max(readOptions.maxMessageDepth, 4 * ctx.limits.maxOnnxDepth + 16);
  if (ctx.progress) ctx.progress->stage("ONNX: models", ctx.inputs.onnx.size());
  for (const std::string& file : ctx.inputs.onnx) {
    if (ctx.progress) ctx.progress->advance();
    std::string rel = fs::path(file).lexically_relative(ctx.inputs.root).string();
    if (rel.empty() || rel.rfind("..", 0) == 0) rel = file;
    auto analyzed = analyzeModel(file, ctx.db, readOptions);
    if (auto* e = std::get_if<onnx::ReadError>(&analyzed)) {
      onnx::ReadError shown = *e;
      shown.file = rel;
      ctx.report.inputs.push_back(InputFile{rel, "onnx", InputStatus::Error, shown.str()});
      continue;
    }
    AnalyzedModel& m = std::get<AnalyzedModel>(analyzed);
    std::string message;
    for (const std::string& problem : externalDataErrors(m.model)) message += (message.empty() ? "" : "; ") + problem;
    ctx.report.inputs.push_back(InputFile{rel, "onnx", InputStatus::Graph, message});

    std::vector<onnx::PlatformCoverage> platforms;
    for (const Platform& p : ctx.report.targets)
      platforms.push_back(onnx::evaluateCoverage(m.model, m.ops, coverage, p.id));
    ctx.report.models.push_back(modelReport(rel, m, platforms, ctx.db, ctx.report.targets));
    for (size_t i = 0; i < m.model.nodes.size(); ++i) {
      const onnx::ResolvedOp& op = m.ops[i];
      // A call of a local function is its body's nodes, which are findings of their own.
      if (op.kind == onnx::OpKind::LocalFunction) continue;
      const onnx::NodeInfo& n = m.model.nodes[i];
      ReportFinding rf;
      Finding& f = rf.finding;
      f.symbol = Symbol{ctx.db.onnxSymbol(op.domain, op.opType), SymbolKind::OnnxOp, op.domain};
      f.location = Location{rel, 1, 1, 1, 1, {}};
      f.evidence = Evidence::Graph;
      f.context = n.path;
      f.detail = "byte=" + std::to_string(n.offset);
      if (op.sinceVersion) f.detail += " since_version=" + std::to_string(*op.sinceVersion);
      if (op.opset) f.detail += " opset=" + std::to_string(op.opset);
      if (op.kind == onnx::OpKind::Custom) f.detail += " custom_domain";
      if (op.kind == onnx::OpKind::UnknownOp) f.detail += " not_in_opset";
      if (std::int32_t t = onnx::nodeDataType(n)) f.detail += " dtype=" + onnx::shortDataTypeName(t);
      for (size_t k = 0; k < platforms.size(); ++k) {
        const onnx::NodeCoverage& nc = platforms[k].nodes[i];
        Coverage c = nc.answer;
        c.status = nc.status;
        if (!nc.reason.empty()) c.note = nc.reason + (c.note.empty() ? "" : "; " + c.note);
        rf.coverage[platforms[k].platform] = std::move(c);
      }
      ctx.report.findings.push_back(std::move(rf));
    }
  }
}

}  // namespace opscope::cli
