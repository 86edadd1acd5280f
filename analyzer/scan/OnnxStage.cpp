// The ONNX stage of the scan, and the wiring between the opdb and analyzer/onnx that the
// `onnx` and `fit` commands share.
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "scan/OnnxData.h"
#include "scan/Stage.h"
#include "core/Serialize.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "onnx/DataTypes.h"
#include "onnx/Folding.h"
#include "onnx/Sizing.h"
#include "onnx/Types.h"

namespace opscope::scan {

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

bool producedByPytorch(const onnx::ModelInfo& model) { return model.producerName == "pytorch"; }

std::optional<onnx::OperatorAnswer> RuleAwareCoverage::find(std::string_view platform, std::string_view domain,
                                                            std::string_view opType) const {
  const db::Entry* e = db_.entry(platform, db_.onnxSymbol(domain, opType));
  if (e && e->category == kInferredFromAten && !pytorchModel_) return std::nullopt;
  std::optional<onnx::OperatorAnswer> a = plain_.find(platform, domain, opType);
  if (a && e && a->nodeRules.empty()) a->nodeRules = e->constraints.node;
  return a;
}

bool hasOnnxList(const db::Database& db, const PlatformId& platform) {
  const auto* entries = db.entries(platform);
  if (!entries) return false;
  for (const auto& [symbol, e] : *entries) {
    if (e.category == kInferredFromAten) continue;
    if (e.kind == SymbolKind::OnnxOp) return true;
    if (const db::SymbolInfo* s = db.symbol(symbol); s && s->kind == SymbolKind::OnnxOp) return true;
  }
  return false;
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
  for (const onnx::PlatformCoverage& pc : platforms) out.partitions[pc.platform] = onnx::toGraphPartition(pc.partition);
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

namespace {

// The record kind. Its byte form is versioned by recordFormat() (core/Serialize.h), which every
// cache entry carries: bump kRecordFormatVersion there when this record changes shape.
constexpr std::string_view kOnnxRecord = "opscope-onnx-record";

/// What the stage adds to the report for one model.
struct ModelResult {
  InputFile input;
  std::optional<ModelReport> model;
  std::vector<ReportFinding> findings;
};

std::string serialize(const ModelResult& r) {
  ByteWriter w;
  w.str(kOnnxRecord);
  w.input(r.input);
  w.u64(r.model.has_value());
  if (r.model) w.model(*r.model);
  w.u64(r.findings.size());
  for (const ReportFinding& rf : r.findings) w.reportFinding(rf);
  return w.take();
}

std::optional<ModelResult> deserialize(std::string_view bytes) {
  ByteReader in(bytes);
  if (in.str() != kOnnxRecord) return std::nullopt;
  ModelResult r;
  r.input = in.input();
  if (in.u64()) r.model = in.model();
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) r.findings.push_back(in.reportFinding());
  if (!in.atEnd()) return std::nullopt;
  return r;
}

/// A model's cache key. Models can be gigabytes of weights the reader never touches, so the key
/// is the model's and its external data files' identity (size, modification and change times,
/// inode) rather than a hash of their bytes: any write to them changes it.
std::optional<std::string> modelKey(const ScanState& state, const std::string& file) {
  struct stat st;
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  llvm::BLAKE3 h;
  auto field = [&](const std::string& s) {
    h.update(std::to_string(s.size()) + ":");
    h.update(s);
  };
  field(std::string(kOnnxRecord));
  field(state.cacheSalt);
  field(file);
  for (auto v : {static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec),
                 static_cast<long long>(st.st_mtim.tv_nsec), static_cast<long long>(st.st_ctim.tv_sec),
                 static_cast<long long>(st.st_ctim.tv_nsec), static_cast<long long>(st.st_ino)})
    field(std::to_string(v));
  // External data lives beside the model; a change there (size, time) changes the key too.
  std::error_code ec;
  for (std::filesystem::directory_iterator it(std::filesystem::path(file).parent_path(), ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path() == file || !it->is_regular_file(ec)) continue;
    struct stat other;
    if (::stat(it->path().c_str(), &other) != 0) continue;
    field(it->path().filename().string() + "@" + std::to_string(other.st_size) + "@" + std::to_string(other.st_mtim.tv_sec) +
          "." + std::to_string(other.st_mtim.tv_nsec));
  }
  return "onnx-" + llvm::toHex(h.final<16>(), /*LowerCase=*/true);
}

ModelResult analyze(ScanState& state, const std::string& file, const onnx::ReadOptions& readOptions) {
  ModelResult out;
  std::string rel = state.reported(file);
  auto analyzed = analyzeModel(file, state.db, readOptions);
  if (auto* e = std::get_if<onnx::ReadError>(&analyzed)) {
    onnx::ReadError shown = *e;
    shown.file = rel;
    out.input = InputFile{rel, "onnx", InputStatus::Error, shown.str()};
    return out;
  }
  AnalyzedModel& m = std::get<AnalyzedModel>(analyzed);
  std::string message;
  for (const std::string& problem : externalDataErrors(m.model)) message += (message.empty() ? "" : "; ") + problem;
  out.input = InputFile{rel, "onnx", InputStatus::Graph, message};

  // The opdb's answers with each operator's node rules; the inferred (aten) answers only for
  // models PyTorch exported. Constants are folded once, as the converters fold them.
  RuleAwareCoverage coverage(state.db, producedByPytorch(m.model));
  onnx::ConstantFacts facts = onnx::foldConstants(m.model);
  std::vector<onnx::PlatformCoverage> platforms;
  for (const Platform& p : state.coverage.targets())
    platforms.push_back(onnx::evaluateCoverage(m.model, m.ops, coverage, p.id, facts));
  out.model = modelReport(rel, m, platforms, state.db, state.coverage.targets());
  for (size_t i = 0; i < m.model.nodes.size(); ++i) {
    const onnx::ResolvedOp& op = m.ops[i];
    // A call of a local function is its body's nodes, which are findings of their own.
    if (op.kind == onnx::OpKind::LocalFunction) continue;
    const onnx::NodeInfo& n = m.model.nodes[i];
    ReportFinding rf;
    Finding& f = rf.finding;
    f.symbol = Symbol{state.db.onnxSymbol(op.domain, op.opType), SymbolKind::OnnxOp, op.domain};
    f.location = Location{rel, 1, 1, 1, 1, {}};
    f.evidence = Evidence::Graph;
    f.context = n.path;
    f.detail = "byte=" + std::to_string(n.offset);
    if (op.sinceVersion) f.detail += " since_version=" + std::to_string(*op.sinceVersion);
    if (op.opset) f.detail += " opset=" + std::to_string(op.opset);
    if (op.kind == onnx::OpKind::Custom) f.detail += " custom_domain";
    if (op.kind == onnx::OpKind::UnknownOp) f.detail += " not_in_opset";
    if (std::int32_t t = onnx::nodeDataType(n)) f.detail += " dtype=" + onnx::shortDataTypeName(t);
    for (const onnx::PlatformCoverage& pc : platforms) rf.coverage[pc.platform] = CoverageResolver::node(pc.nodes[i]);
    out.findings.push_back(std::move(rf));
  }
  return out;
}

class OnnxStage : public Frontend {
 public:
  const char* name() const override { return "ONNX"; }

  void run(ScanState& state) override {
    if (state.inputs.onnx.empty()) return;
    onnx::ReadOptions readOptions;
    readOptions.maxSubgraphDepth = state.request.maxOnnxDepth;
    // Each subgraph level is three messages (graph, node, attribute) plus what a graph holds.
    readOptions.maxMessageDepth = std::max(readOptions.maxMessageDepth, 4 * state.request.maxOnnxDepth + 16);
    if (state.progress) state.progress->stage("ONNX: models", state.inputs.onnx.size());
    for (const std::string& file : state.inputs.onnx) {
      if (state.progress) state.progress->advance();
      std::optional<std::string> key = state.cache ? modelKey(state, file) : std::nullopt;
      std::optional<ModelResult> result;
      if (key)
        if (std::optional<std::string> entry = state.cache->load(*key)) result = deserialize(*entry);
      if (!result) {
        result = analyze(state, file, readOptions);
        if (key && result->input.status != InputStatus::Error) state.cache->store(*key, serialize(*result));
      }
      state.report.inputs.push_back(std::move(result->input));
      if (result->model) state.report.models.push_back(std::move(*result->model));
      for (ReportFinding& rf : result->findings) state.report.findings.push_back(std::move(rf));
    }
  }
};

}  // namespace

std::unique_ptr<Frontend> makeOnnxFrontend() { return std::make_unique<OnnxStage>(); }

}  // namespace opscope::scan
