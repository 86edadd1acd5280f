#include "onnx/Coverage.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "onnx/DataTypes.h"

namespace opscope::onnx {
namespace {

/// How bad a status is for "will this node run there": covered statuses in report order, then
/// unknown, then missing (a source says no).
int severity(CoverageStatus s) {
  switch (s) {
    case CoverageStatus::Native: return 0;
    case CoverageStatus::Mapped: return 1;
    case CoverageStatus::Partial: return 2;
    case CoverageStatus::Emulated: return 3;
    case CoverageStatus::Unknown: return 4;
    case CoverageStatus::Missing: return 5;
  }
  return 4;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string range(const OperatorAnswer& a) {
  return (a.opsetMin ? std::to_string(*a.opsetMin) : "") + "-" + (a.opsetMax ? std::to_string(*a.opsetMax) : "");
}

class Evaluator {
 public:
  Evaluator(const ModelInfo& model, const std::vector<ResolvedOp>& ops, const OperatorCoverage& source,
            const PlatformId& platform)
      : model_(model), ops_(ops), source_(source), platform_(platform), functionNodes_(model.functions.size()) {
    for (std::uint32_t i = 0; i < model.nodes.size(); ++i)
      if (const GraphInfo& g = model.graphs[model.nodes[i].graph]; g.function && *g.function < functionNodes_.size())
        functionNodes_[*g.function].push_back(i);
  }

  PlatformCoverage run() {
    PlatformCoverage out;
    out.platform = platform_;
    out.nodes.resize(model_.nodes.size());
    nodes_ = &out.nodes;
    for (size_t i = 0; i < model_.nodes.size(); ++i)
      if (ops_[i].kind != OpKind::LocalFunction) out.nodes[i] = operatorNode(i);
    for (size_t i = 0; i < model_.nodes.size(); ++i)
      if (ops_[i].kind == OpKind::LocalFunction) out.nodes[i] = callNode(i);
    for (size_t i = 0; i < model_.nodes.size(); ++i) {
      if (ops_[i].kind == OpKind::LocalFunction) continue;
      ++out.nodesByStatus[out.nodes[i].status];
    }
    out.unsupported = groups(out.nodes);
    out.partition = partition(out.nodes);
    return out;
  }

 private:
  NodeCoverage operatorNode(size_t i) const {
    const ResolvedOp& r = ops_[i];
    const NodeInfo& n = model_.nodes[i];
    NodeCoverage c;
    std::optional<OperatorAnswer> a = source_.find(platform_, r.domain, r.opType);
    if (!a) {
      c.status = CoverageStatus::Unknown;
      if (r.kind == OpKind::Custom)
        c.reason = "custom domain " + r.domain + ": no platform data";
      else if (r.kind == OpKind::UnknownOp)
        c.reason = "not an operator of " + r.domain + " at opset " + std::to_string(r.opset);
      else
        c.reason = "no entry";
      return c;
    }
    c.answer = a->coverage;
    c.status = a->coverage.status;
    if (!isCovered(c.status)) return c;
    std::int32_t type = nodeDataType(n);
    if (!a->dtypes.empty() && type != 0 && std::none_of(a->dtypes.begin(), a->dtypes.end(), [&](const std::string& d) {
          return dataTypeMatches(d, type);
        })) {
      c.status = CoverageStatus::Missing;
      c.reason = "dtype " + shortDataTypeName(type) + " is not among the supported " + joined(a->dtypes);
      return c;
    }
    if (r.opset > 0 && ((a->opsetMin && r.opset < *a->opsetMin) || (a->opsetMax && r.opset > *a->opsetMax))) {
      c.status = CoverageStatus::Partial;
      c.reason = "model opset " + std::to_string(r.opset) + " is outside the supported opsets " + range(*a) +
                 " (convert the model's opset, or check the operator)";
    }
    return c;
  }

  /// A call of a local function runs as its body: its status is the worst of the body's nodes.
  NodeCoverage callNode(size_t i) {
    NodeCoverage c;
    std::uint32_t f = *ops_[i].function;
    auto [status, bad] = functionVerdict(f);
    c.status = status;
    const FunctionInfo& fn = model_.functions[f];
    c.reason = "local function " + fn.domain + ":" + fn.name +
               (bad ? ": " + std::to_string(bad) + " body node(s) not covered" : ": every body node covered");
    return c;
  }

  std::pair<CoverageStatus, unsigned> functionVerdict(std::uint32_t f) {
    if (auto it = verdicts_.find(f); it != verdicts_.end()) return it->second;
    if (!inProgress_.insert(f).second) return {CoverageStatus::Unknown, 0};  // recursive functions
    CoverageStatus worst = CoverageStatus::Native;
    unsigned bad = 0;
    for (std::uint32_t i : functionNodes_[f]) {
      CoverageStatus s =
          ops_[i].kind == OpKind::LocalFunction ? functionVerdict(*ops_[i].function).first : (*nodes_)[i].status;
      if (!isCovered(s)) ++bad;
      if (severity(s) > severity(worst)) worst = s;
    }
    inProgress_.erase(f);
    return verdicts_[f] = {worst, bad};
  }

  std::vector<OperatorGroup> groups(const std::vector<NodeCoverage>& nodes) const {
    std::map<std::tuple<std::string, CoverageStatus, std::string>, OperatorGroup> byKey;
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (ops_[i].kind == OpKind::LocalFunction) continue;
      const NodeCoverage& c = nodes[i];
      // Covered nodes are listed only when a constraint of their entry is not met (the reason says which).
      if (isCovered(c.status) && c.reason.empty()) continue;
      std::string key = histogramKey(ops_[i].domain, ops_[i].opType);
      OperatorGroup& g = byKey[{key, c.status, c.reason}];
      g.key = key;
      g.status = c.status;
      g.reason = c.reason;
      ++g.count;
      if (g.paths.size() < OperatorGroup::kMaxPaths) g.paths.push_back(model_.nodes[i].path);
    }
    std::vector<OperatorGroup> out;
    for (auto& [k, g] : byKey) out.push_back(std::move(g));
    std::sort(out.begin(), out.end(), [](const OperatorGroup& a, const OperatorGroup& b) {
      if (a.count != b.count) return a.count > b.count;
      return std::tie(a.key, a.status, a.reason) < std::tie(b.key, b.status, b.reason);
    });
    return out;
  }

  bool graphOnAccelerator(std::uint32_t graph, const std::vector<NodeCoverage>& nodes,
                          std::unordered_map<std::uint32_t, bool>& memo) const {
    if (auto it = memo.find(graph); it != memo.end()) return it->second;
    bool ok = true;
    for (std::uint32_t n : model_.graphs[graph].nodes) ok = ok && nodeOnAccelerator(n, nodes, memo);
    return memo[graph] = ok;
  }

  bool nodeOnAccelerator(std::uint32_t n, const std::vector<NodeCoverage>& nodes,
                         std::unordered_map<std::uint32_t, bool>& memo) const {
    if (!isCovered(nodes[n].status)) return false;
    for (std::uint32_t sub : model_.nodes[n].subgraphs)
      if (!graphOnAccelerator(sub, nodes, memo)) return false;
    return true;
  }

  PartitionEstimate partition(const std::vector<NodeCoverage>& nodes) const {
    PartitionEstimate p;
    if (model_.graphs.empty()) return p;
    const std::vector<std::uint32_t>& main = model_.graphs[0].nodes;
    std::unordered_map<std::uint32_t, bool> memo;
    std::vector<bool> on(main.size());
    std::unordered_map<std::string, size_t> producer;
    for (size_t k = 0; k < main.size(); ++k) {
      on[k] = nodeOnAccelerator(main[k], nodes, memo);
      for (const std::string& out : model_.nodes[main[k]].outputs)
        if (!out.empty()) producer.emplace(out, k);
    }
    std::vector<size_t> parent(main.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    std::set<std::pair<size_t, size_t>> crossing;
    for (size_t k = 0; k < main.size(); ++k) {
      for (const std::string& in : model_.nodes[main[k]].inputs) {
        auto it = producer.find(in);
        if (it == producer.end() || it->second == k) continue;
        if (on[it->second] == on[k])
          parent[find(it->second)] = find(k);
        else
          crossing.emplace(it->second, k);
      }
    }
    std::set<size_t> accel, fallback;
    for (size_t k = 0; k < main.size(); ++k) (on[k] ? accel : fallback).insert(find(k));
    p.nodes = main.size();
    p.acceleratorNodes = static_cast<std::uint64_t>(std::count(on.begin(), on.end(), true));
    p.acceleratorSegments = static_cast<unsigned>(accel.size());
    p.fallbackSegments = static_cast<unsigned>(fallback.size());
    p.transitions = static_cast<unsigned>(crossing.size());
    p.acceleratorShare = p.nodes ? static_cast<double>(p.acceleratorNodes) / static_cast<double>(p.nodes) : 0;
    return p;
  }

  const ModelInfo& model_;
  const std::vector<ResolvedOp>& ops_;
  const OperatorCoverage& source_;
  const PlatformId& platform_;
  std::vector<std::vector<std::uint32_t>> functionNodes_;  // body nodes of each function
  std::vector<NodeCoverage>* nodes_ = nullptr;
  std::map<std::uint32_t, std::pair<CoverageStatus, unsigned>> verdicts_;
  std::set<std::uint32_t> inProgress_;
};

}  // namespace

std::string operatorSymbol(std::string_view domain, std::string_view opType) {
  std::string d = canonicalDomain(domain);
  return (d == "ai.onnx" ? std::string("onnx") : d) + "::" + std::string(opType);
}

std::int32_t nodeDataType(const NodeInfo& node) {
  // The floating-point data an operator computes on decides; index, shape and condition inputs
  // (int64, bool) only when there is no floating input.
  for (std::int32_t t : node.inputTypes)
    if (isFloatingType(t)) return t;
  for (std::int32_t t : node.inputTypes)
    if (t) return t;
  for (std::int32_t t : node.outputTypes)
    if (t) return t;
  return 0;
}

PlatformCoverage evaluateCoverage(const ModelInfo& model, const std::vector<ResolvedOp>& ops,
                                  const OperatorCoverage& source, const PlatformId& platform) {
  return Evaluator(model, ops, source, platform).run();
}

}  // namespace opscope::onnx
