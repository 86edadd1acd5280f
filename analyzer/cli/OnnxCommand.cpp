// `opscope onnx MODEL`: the model summary (IR version, opsets, producer, nodes, op histogram,
// parameters and bytes per dtype, subgraphs, external files) and its coverage per platform.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Options.h"
#include "scan/OnnxData.h"
#include "onnx/Split.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_os_ostream.h"

namespace opscope::cli {
using namespace opscope::scan;  // the ONNX wiring the scan pipeline and these commands share
namespace po = boost::program_options;
namespace {

std::string withCommas(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
  return buf;
}

std::string_view graphKind(onnx::GraphKind k) {
  switch (k) {
    case onnx::GraphKind::Main: return "main";
    case onnx::GraphKind::Subgraph: return "subgraph";
    case onnx::GraphKind::Function: return "function";
    case onnx::GraphKind::Training: return "training";
  }
  return "?";
}

/// The since_version shown beside each histogram row: every version the nodes of that operator
/// resolved to ("13", "6,13"), or what kept it from resolving.
std::map<std::string, std::string> versionsByKey(const AnalyzedModel& m) {
  std::map<std::string, std::set<int>> versions;
  std::map<std::string, std::string> other;
  for (size_t i = 0; i < m.ops.size(); ++i) {
    const onnx::ResolvedOp& op = m.ops[i];
    std::string key = onnx::histogramKey(op.domain, op.opType);
    if (op.sinceVersion)
      versions[key].insert(*op.sinceVersion);
    else if (op.kind == onnx::OpKind::Custom)
      other[key] = "custom domain";
    else if (op.kind == onnx::OpKind::LocalFunction)
      other[key] = "local function";
    else if (op.kind == onnx::OpKind::UnknownOp)
      other[key] = "not in opset " + std::to_string(op.opset);
    else
      other[key] = "unresolved";
  }
  std::map<std::string, std::string> out = other;
  for (const auto& [key, vs] : versions) {
    std::string s;
    for (int v : vs) s += (s.empty() ? "" : ",") + std::to_string(v);
    out[key] = s;
  }
  return out;
}

struct CoverageRun {
  Platform platform;
  onnx::PlatformCoverage coverage;
  bool hasList = true;  // the opdb has ONNX operator entries for the platform
};

}  // namespace

namespace {

/// A platform with no public ONNX operator list: one statement, and for a model PyTorch exported
/// the inferred path through the aten operators it was exported from.
void printNoListText(const AnalyzedModel& m, const CoverageRun& r, std::uint64_t total, std::ostream& out) {
  const onnx::PlatformCoverage& c = r.coverage;
  out << "  " << r.platform.id << " (" << r.platform.name << "): no public ONNX operator list exists for this "
      << "platform's model converter, so none of the " << withCommas(total)
      << " nodes can be answered from one\n";
  if (!producedByPytorch(m.model)) return;
  // The inferred path: the aten operators torch.onnx exports each node from, and the
  // platform's PyTorch build coverage of them.
  std::uint64_t inferredCovered = 0;
  for (const auto& [status, n] : c.nodesByStatus)
    if (isCovered(status) && status != CoverageStatus::Partial) inferredCovered += n;
  auto count = [&](CoverageStatus st) {
    auto it = c.nodesByStatus.find(st);
    return it == c.nodesByStatus.end() ? std::uint64_t{0} : it->second;
  };
  out << "    inferred from the model's PyTorch origin (confidence inferred): the platform's PyTorch build "
      << "runs the aten operators torch.onnx exports the op type from (those with coverage data) for "
      << withCommas(inferredCovered)
      << " of the " << withCommas(total) << " nodes";
  if (std::uint64_t n = count(CoverageStatus::Partial)) out << ", some of them for " << withCommas(n);
  if (std::uint64_t n = count(CoverageStatus::Missing)) out << ", none of them for " << withCommas(n);
  if (std::uint64_t n = count(CoverageStatus::Unknown)) out << "; no aten coverage data for " << withCommas(n);
  out << "\n";
  std::string uncovered;
  for (const onnx::OperatorGroup& g : c.unsupported)
    if (!isCovered(g.status) || g.status == CoverageStatus::Partial)
      uncovered += (uncovered.empty() ? "" : ", ") + g.key + " x" + std::to_string(g.count) + " (" +
                   std::string(toString(g.status)) + ")";
  if (!uncovered.empty()) out << "    by operator: " << uncovered << "\n";
}

/// Per platform: nodes covered, the partition estimate, and the unsupported operators.
void printCoverageText(const AnalyzedModel& m, const std::vector<CoverageRun>& runs, bool dynamicShapes, std::ostream& out) {
  if (runs.empty()) return;
  out << "\ncoverage (nodes of the model; calls of local functions count as their bodies):\n";
  for (const CoverageRun& r : runs) {
    const onnx::PlatformCoverage& c = r.coverage;
    std::uint64_t total = 0, covered = 0;
    for (const auto& [status, n] : c.nodesByStatus) {
      total += n;
      if (isCovered(status)) covered += n;
    }
    if (!r.hasList) {
      printNoListText(m, r, total, out);
      continue;
    }
    out << "  " << r.platform.id << " (" << r.platform.name << "): " << withCommas(covered) << " of "
        << withCommas(total) << " nodes covered ("
        << percent(total ? static_cast<double>(covered) / static_cast<double>(total) : 0) << ")";
    for (CoverageStatus st : kAllStatuses)
      if (auto it = c.nodesByStatus.find(st); it != c.nodesByStatus.end())
        out << " " << toString(st) << "=" << it->second;
    out << "\n";
    const onnx::PartitionEstimate& p = c.partition;
    out << "    partition estimate (" << withCommas(p.foldedNodes) << " main-graph node(s) folded at conversion"
        << (dynamicShapes ? "" : " for fixed input shapes") << ", "
        << withCommas(p.nodes) << " left): " << p.acceleratorSegments << " accelerator segment(s), "
        << p.fallbackSegments << " fallback segment(s), " << p.transitions << " transition(s); "
        << percent(p.acceleratorShare) << " of the nodes on the accelerator";
    if (p.unknownNodes)
      out << " if the " << withCommas(p.unknownNodes) << " unknown node(s) fall back; "
          << percent(p.acceleratorShareIfUnknownRun) << " (" << p.fallbackSegmentsIfUnknownRun
          << " fallback segment(s), " << p.transitionsIfUnknownRun << " transition(s)) if they run there";
    out << "\n";
    for (const onnx::OperatorGroup& g : c.unsupported) {
      out << "    " << toString(g.status) << " " << g.key << " x" << g.count;
      if (!g.reason.empty()) out << ": " << g.reason;
      out << "\n";
      for (const std::string& path : g.paths) out << "        " << path << "\n";
      if (g.count > g.paths.size()) out << "        ... " << g.count - g.paths.size() << " more\n";
    }
  }
}

void printText(const AnalyzedModel& m, const std::vector<CoverageRun>& runs, const db::Database& db,
               bool dynamicShapes, std::ostream& out) {
  const onnx::ModelInfo& model = m.model;
  const onnx::ModelSummary& s = m.summary;
  out << model.path << "\n";
  std::string release = releasesForIrVersion(db, model.irVersion);
  out << "  IR version " << model.irVersion << (release.empty() ? "" : " (" + release + ")");
  if (!model.producerName.empty())
    out << ", produced by " << model.producerName << (model.producerVersion.empty() ? "" : " " + model.producerVersion);
  if (model.modelVersion) out << ", model version " << model.modelVersion;
  out << "\n  opsets:";
  if (model.opsets.empty()) out << " none";
  for (const onnx::OpsetImport& o : model.opsets) out << " " << onnx::canonicalDomain(o.domain) << " " << o.version;
  out << "\n  file: " << onnx::formatBytes(static_cast<double>(model.fileBytes)) << "; weights "
      << onnx::formatBytes(static_cast<double>(s.embeddedBytes)) << " embedded, "
      << onnx::formatBytes(static_cast<double>(s.externalBytes)) << " in " << model.externalFiles.size()
      << " external file(s)\n";
  out << "  nodes: " << withCommas(s.nodes) << " (main graph " << withCommas(s.mainNodes) << ", subgraphs "
      << withCommas(s.subgraphNodes) << ", functions " << withCommas(s.functionNodes);
  if (s.trainingNodes) out << ", training " << withCommas(s.trainingNodes);
  out << ")\n";
  out << "  parameters: " << withCommas(s.parameterCount) << " ("
      << onnx::formatBytes(static_cast<double>(s.parameterBytes)) << ")\n";
  for (const auto& [dtype, t] : s.parameters) {
    char line[160];
    std::snprintf(line, sizeof line, "    %-16s %18s parameters %10s in %s tensor(s)\n", dtype.c_str(),
                  withCommas(t.elements).c_str(), onnx::formatBytes(static_cast<double>(t.bytes)).c_str(),
                  withCommas(t.tensors).c_str());
    out << line;
  }
  out << "\n  operators (domain:op, count, since_version):\n";
  std::map<std::string, std::string> versions = versionsByKey(m);
  std::vector<std::pair<std::string, std::uint64_t>> ops(s.opHistogram.begin(), s.opHistogram.end());
  std::sort(ops.begin(), ops.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [key, n] : ops) {
    char line[256];
    std::snprintf(line, sizeof line, "    %-44s %8s  %s\n", key.c_str(), withCommas(n).c_str(), versions[key].c_str());
    out << line;
  }
  if (!s.graphs.empty()) {
    out << "\n  subgraphs and functions: " << s.graphs.size() << " (deepest nesting " << s.maxDepth << ")\n";
    size_t shown = 0;
    for (const onnx::GraphSummary& g : s.graphs) {
      if (++shown > 50) {
        out << "    ... " << s.graphs.size() - 50 << " more\n";
        break;
      }
      out << "    " << graphKind(g.kind) << " " << g.path << ": " << withCommas(g.nodes) << " node(s)\n";
    }
  }
  if (!model.externalFiles.empty()) {
    out << "\n  external data:\n";
    for (const onnx::ExternalFile& e : model.externalFiles) {
      out << "    " << e.location << ": " << e.tensors << " tensor(s), needs "
          << onnx::formatBytes(static_cast<double>(e.requiredBytes));
      if (e.actualBytes) out << ", has " << onnx::formatBytes(static_cast<double>(*e.actualBytes));
      out << (e.problem.empty() ? "" : "  PROBLEM: " + e.problem) << "\n";
    }
  }
  if (!m.notes.empty()) {
    out << "\n  notes:\n";
    for (const std::string& n : m.notes) out << "    " << n << "\n";
  }
  printCoverageText(m, runs, dynamicShapes, out);
}

namespace {

int64_t jsonCount(std::uint64_t v) { return static_cast<int64_t>(v > INT64_MAX ? INT64_MAX : v); }

/// The model's external data files: what each must hold and what it has.
void writeExternalFilesJson(llvm::json::OStream& j, const onnx::ModelInfo& model) {
  auto u = jsonCount;
  auto text = [](const std::string& v) { return llvm::json::fixUTF8(v); };
  j.attributeArray("external_files", [&] {
    for (const onnx::ExternalFile& e : model.externalFiles)
      j.object([&] {
        j.attribute("location", text(e.location));
        j.attribute("tensors", u(e.tensors));
        j.attribute("required_bytes", u(e.requiredBytes));
        if (e.actualBytes)
          j.attribute("actual_bytes", u(*e.actualBytes));
        else
          j.attribute("actual_bytes", nullptr);
        j.attribute("problem", text(e.problem));
      });
  });
}

/// The "coverage" member of the summary: per platform, nodes by status, the partition range and
/// the unsupported operators.
void writeCoverageJson(llvm::json::OStream& j, const std::vector<CoverageRun>& runs) {
  auto u = jsonCount;
  auto text = [](const std::string& v) { return llvm::json::fixUTF8(v); };
  j.attributeObject("coverage", [&] {
    for (const CoverageRun& r : runs)
      j.attributeObject(r.platform.id, [&] {
        j.attributeObject("nodes_by_status", [&] {
          for (const auto& [st, n] : r.coverage.nodesByStatus) j.attribute(std::string(toString(st)), u(n));
        });
        j.attribute("public_operator_list", r.hasList);
        const onnx::PartitionEstimate& p = r.coverage.partition;
        j.attributeObject("partition", [&] {
          j.attribute("main_graph_nodes", u(p.nodes));
          j.attribute("folded_nodes", u(p.foldedNodes));
          j.attribute("unknown_nodes", u(p.unknownNodes));
          j.attribute("accelerator_nodes", u(p.acceleratorNodes));
          j.attribute("accelerator_segments", static_cast<int64_t>(p.acceleratorSegments));
          j.attribute("fallback_segments", static_cast<int64_t>(p.fallbackSegments));
          j.attribute("transitions", static_cast<int64_t>(p.transitions));
          j.attribute("accelerator_share", p.acceleratorShare);
          j.attributeObject("if_unknown_run", [&] {
            j.attribute("accelerator_nodes", u(p.acceleratorNodesIfUnknownRun));
            j.attribute("accelerator_segments", static_cast<int64_t>(p.acceleratorSegmentsIfUnknownRun));
            j.attribute("fallback_segments", static_cast<int64_t>(p.fallbackSegmentsIfUnknownRun));
            j.attribute("transitions", static_cast<int64_t>(p.transitionsIfUnknownRun));
            j.attribute("accelerator_share", p.acceleratorShareIfUnknownRun);
          });
        });
        j.attributeArray("unsupported", [&] {
          if (r.hasList)
          for (const onnx::OperatorGroup& g : r.coverage.unsupported)
            j.object([&] {
              j.attribute("operator", text(g.key));
              j.attribute("status", std::string(toString(g.status)));
              j.attribute("reason", text(g.reason));
              j.attribute("count", u(g.count));
              j.attributeArray("paths", [&] {
                for (const std::string& p2 : g.paths) j.value(text(p2));
              });
            });
        });
      });
  });
}

}  // namespace

void printJson(const AnalyzedModel& m, const std::vector<CoverageRun>& runs, const db::Database& db, std::ostream& os) {
  const onnx::ModelInfo& model = m.model;
  const onnx::ModelSummary& s = m.summary;
  llvm::raw_os_ostream raw(os);
  llvm::json::OStream j(raw, 2);
  auto u = [](std::uint64_t v) { return static_cast<int64_t>(v > INT64_MAX ? INT64_MAX : v); };
  auto text = [](const std::string& v) { return llvm::json::fixUTF8(v); };
  std::map<std::string, std::string> versions = versionsByKey(m);
  j.object([&] {
    j.attribute("schema", "opscope-onnx-summary-1");
    j.attribute("path", text(model.path));
    j.attribute("file_bytes", u(model.fileBytes));
    j.attribute("ir_version", model.irVersion);
    j.attribute("onnx_releases", releasesForIrVersion(db, model.irVersion));
    j.attribute("producer_name", text(model.producerName));
    j.attribute("producer_version", text(model.producerVersion));
    j.attribute("model_version", model.modelVersion);
    j.attributeArray("opsets", [&] {
      for (const onnx::OpsetImport& o : model.opsets)
        j.object([&] {
          j.attribute("domain", text(onnx::canonicalDomain(o.domain)));
          j.attribute("version", o.version);
        });
    });
    j.attributeObject("nodes", [&] {
      j.attribute("total", u(s.nodes));
      j.attribute("main_graph", u(s.mainNodes));
      j.attribute("subgraphs", u(s.subgraphNodes));
      j.attribute("functions", u(s.functionNodes));
      j.attribute("training", u(s.trainingNodes));
    });
    j.attributeObject("op_histogram", [&] {
      for (const auto& [key, n] : s.opHistogram) j.attribute(text(key), u(n));
    });
    j.attributeObject("since_versions", [&] {
      for (const auto& [key, v] : versions) j.attribute(text(key), v);
    });
    j.attributeObject("parameters", [&] {
      j.attribute("count", u(s.parameterCount));
      j.attribute("bytes", u(s.parameterBytes));
      j.attribute("embedded_bytes", u(s.embeddedBytes));
      j.attribute("external_bytes", u(s.externalBytes));
      j.attributeObject("by_dtype", [&] {
        for (const auto& [dtype, t] : s.parameters)
          j.attributeObject(dtype, [&] {
            j.attribute("tensors", u(t.tensors));
            j.attribute("parameters", u(t.elements));
            j.attribute("bytes", u(t.bytes));
          });
      });
    });
    j.attribute("max_subgraph_depth", static_cast<int64_t>(s.maxDepth));
    j.attributeArray("graphs", [&] {
      for (const onnx::GraphSummary& g : s.graphs)
        j.object([&] {
          j.attribute("path", text(g.path));
          j.attribute("kind", std::string(graphKind(g.kind)));
          j.attribute("depth", static_cast<int64_t>(g.depth));
          j.attribute("nodes", u(g.nodes));
        });
    });
    writeExternalFilesJson(j, model);
    j.attributeArray("notes", [&] {
      for (const std::string& n : m.notes) j.value(text(n));
    });
    writeCoverageJson(j, runs);
  });
  raw << "\n";
}

/// The platforms `spec` names, parsed as the scan parses --target (an SDK level is accepted;
/// operator answers do not depend on it).
std::vector<Platform> pickTargets(const db::Database& db, const std::string& spec) {
  std::vector<Platform> out;
  for (const db::TargetDescriptor& t : scan::resolveTargets(db, spec)) out.push_back(*db.platform(t.platform));
  return out;
}

}  // namespace

int onnxCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  po::options_description desc(
      "usage: opscope onnx MODEL [options]\n\n"
      "Reads an ONNX model without loading its weights and prints its summary (IR version,\n"
      "opsets, producer, nodes, operator histogram with subgraphs, parameters and bytes per dtype,\n"
      "subgraphs, external data) and how each target platform covers its operators.\n\noptions");
  std::string format, targets, split;
  std::vector<std::string> models, overlays;
  bool dynamicShapes = false;
  desc.add_options()("help,h", "this help")("format,f", po::value(&format)->default_value("text"), "text or json")(
      "target,t", po::value(&targets)->default_value("all"), "platforms: ascend,cambricon,enflame,dcu or all")(
      "db", po::value(&overlays)->composing(), "an opdb overlay file; repeatable, later ones win")(
      "dynamic-shapes", po::bool_switch(&dynamicShapes),
      "the model is converted with dynamic input shapes: symbolic input dims stay unknown, so shapes computed "
      "from them do not fold (by default converters compile for concrete input shapes)")(
      "split", po::value(&split),
      "write PREFIX.<platform>.accelerator.onnx and PREFIX.<platform>.fallback.onnx for each target "
      "with a public operator list: the two parts of the partition estimate (unknown operators fall back)")(
      "model", po::value(&models), "the .onnx file");
  po::variables_map vm = parseOptions(args, desc, "model", "onnx");
  if (vm.count("help")) {
    out << desc << "\n";
    return kOk;
  }
  if (models.size() != 1) throw UsageError{"onnx needs exactly one MODEL (see opscope onnx --help)"};
  if (format != "text" && format != "json") throw UsageError{"unknown format '" + format + "' (expected text or json)"};
  db::Database db;
  loadDatabase(db, overlays, err, db::kindBit(SymbolKind::OnnxOp));
  std::vector<Platform> platforms = pickTargets(db, targets);

  auto analyzed = analyzeModel(models.front(), db);
  if (auto* e = std::get_if<onnx::ReadError>(&analyzed)) {
    err << "opscope: " << e->str() << "\n";
    return kUsageError;
  }
  const AnalyzedModel& m = std::get<AnalyzedModel>(analyzed);
  RuleAwareCoverage coverage(db, producedByPytorch(m.model));
  onnx::FoldOptions foldOptions;
  foldOptions.fixedInputShapes = !dynamicShapes;
  onnx::ConstantFacts facts = onnx::foldConstants(m.model, foldOptions);
  std::vector<CoverageRun> runs;
  for (const Platform& p : platforms)
    runs.push_back({p, onnx::evaluateCoverage(m.model, m.ops, coverage, p.id, facts), hasOnnxList(db, p.id)});
  if (format == "json")
    printJson(m, runs, db, out);
  else
    printText(m, runs, db, dynamicShapes, out);
  int status = kOk;
  if (!split.empty()) {
    for (const CoverageRun& r : runs) {
      if (!r.hasList) {
        err << "opscope: --split: " << r.platform.id << " has no public ONNX operator list; no parts written\n";
        continue;
      }
      onnx::SplitResult parts = onnx::writeSplit(m.model, r.coverage, split + "." + r.platform.id);
      if (!parts.error.empty()) {
        err << "opscope: " << parts.error << "\n";
        status = kUsageError;
        continue;
      }
      for (const onnx::SplitPart* p : {&parts.accelerator, &parts.fallback})
        (format == "json" ? err : out) << "wrote " << p->path << ": " << p->nodes << " main-graph node(s), "
                                       << p->initializers << " initializer(s), " << p->inputs.size() << " input(s), "
                                       << p->outputs.size() << " output(s)"
                                       << (p->unshaped ? "; " + std::to_string(p->unshaped) +
                                                             " of them without a known rank (run ONNX shape "
                                                             "inference on the model first)"
                                                       : "")
                                       << "\n";
    }
  }
  // A model whose external data is missing cannot be deployed: an input error, after the summary.
  std::vector<std::string> problems = externalDataErrors(m.model);
  for (const std::string& p : problems) err << "opscope: " << p << "\n";
  return problems.empty() ? status : kUsageError;
}

}  // namespace opscope::cli
