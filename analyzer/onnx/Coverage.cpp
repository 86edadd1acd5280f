#include "onnx/Coverage.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "onnx/DataTypes.h"
#include "onnx/NodeRules.h"

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
            const PlatformId& platform, const ConstantFacts& facts)
      : model_(model), ops_(ops), source_(source), platform_(platform), facts_(facts),
        functionNodes_(model.functions.size()) {
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
    c.folded = i < facts_.folded.size() && facts_.folded[i];
    const Answer& cached = answer(r.domain, r.opType);
    const std::optional<OperatorAnswer>& a = cached.answer;
    if (!a) {
      c.status = CoverageStatus::Unknown;
      if (r.kind == OpKind::Custom)
        c.reason = "custom domain " + r.domain + ": no platform data";
      else if (r.kind == OpKind::UnknownOp)
        c.reason = "not an operator of " + r.domain + " at opset " + std::to_string(r.opset);
      else
        c.reason = "no entry";
      if (c.folded) c.reason += "; folded at conversion time (every input is constant)";
      return c;
    }
    c.answer = a->coverage;
    c.status = a->coverage.status;
    if (!isCovered(c.status)) return c;
    if (c.folded) {
      // Computed once by the converter from constants: no kernel runs, so no dtype, opset or node
      // limitation of a kernel applies.
      c.reason = n.opType == "Constant" ? "" : "folded at conversion time (every input is constant)";
      return c;
    }
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
      c.constrained = true;
      c.reason = "model opset " + std::to_string(r.opset) + " is outside the supported opsets " + range(*a) +
                 " (convert the model's opset, or check the operator)";
      return c;
    }
    std::string hits;
    for (const NodeRule& rule : cached.rules)
      if (std::optional<std::string> what = ruleHit(rule, n, facts_))
        hits += (hits.empty() ? "" : "; ") + *what + ": " + rule.reason;
    if (!hits.empty()) {
      c.status = CoverageStatus::Partial;
      c.constrained = true;
      c.reason = hits;
    } else if (c.status == CoverageStatus::Partial && !a->nodeRules.empty()) {
      // The entry is partial only for the limitations its rules state, and this node hits none.
      c.status = CoverageStatus::Native;
    }
    return c;
  }

  /// One operator's answer and parsed node rules, looked up once per (domain, op type).
  struct Answer {
    std::optional<OperatorAnswer> answer;
    std::vector<NodeRule> rules;  // malformed rules are left out (the opdb loader reports them)
  };

  const Answer& answer(const std::string& domain, const std::string& opType) const {
    auto [it, added] = answers_.try_emplace(domain + '\n' + opType);
    if (added) {
      it->second.answer = source_.find(platform_, domain, opType);
      if (it->second.answer)
        for (const std::string& text : it->second.answer->nodeRules) {
          std::string error;
          if (std::optional<NodeRule> rule = parseNodeRule(text, error)) it->second.rules.push_back(std::move(*rule));
        }
    }
    return it->second;
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
      if (isCovered(c.status) && (c.reason.empty() || c.folded)) continue;
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

  PartitionEstimate partition(const std::vector<NodeCoverage>& nodes) const {
    PartitionEstimate p;
    if (model_.graphs.empty()) return p;
    PlacementMemo pessimistic{false, {}}, optimistic{true, {}};
    Split low = split(nodes, pessimistic), high = split(nodes, optimistic);
    for (std::uint32_t n : model_.graphs[0].nodes) {
      if (nodes[n].folded) {
        ++p.foldedNodes;
        continue;
      }
      if (!nodeOnAccelerator(n, nodes, pessimistic) && nodeOnAccelerator(n, nodes, optimistic)) ++p.unknownNodes;
    }
    p.nodes = low.nodes;
    p.acceleratorNodes = low.accelerator;
    p.acceleratorSegments = low.acceleratorSegments;
    p.fallbackSegments = low.fallbackSegments;
    p.transitions = low.transitions;
    p.acceleratorShare = p.nodes ? static_cast<double>(low.accelerator) / static_cast<double>(p.nodes) : 0;
    p.acceleratorNodesIfUnknownRun = high.accelerator;
    p.acceleratorSegmentsIfUnknownRun = high.acceleratorSegments;
    p.fallbackSegmentsIfUnknownRun = high.fallbackSegments;
    p.transitionsIfUnknownRun = high.transitions;
    p.acceleratorShareIfUnknownRun = p.nodes ? static_cast<double>(high.accelerator) / static_cast<double>(p.nodes) : 0;
    return p;
  }

 public:
  struct PlacementMemo {
    bool unknownRun = false;
    std::unordered_map<std::uint32_t, bool> graphs;
  };

  bool graphOnAccelerator(std::uint32_t graph, const std::vector<NodeCoverage>& nodes, PlacementMemo& memo) const {
    if (auto it = memo.graphs.find(graph); it != memo.graphs.end()) return it->second;
    bool ok = true;
    for (std::uint32_t n : model_.graphs[graph].nodes) ok = ok && (nodes[n].folded || nodeOnAccelerator(n, nodes, memo));
    return memo.graphs[graph] = ok;
  }

  bool nodeOnAccelerator(std::uint32_t n, const std::vector<NodeCoverage>& nodes, PlacementMemo& memo) const {
    const NodeCoverage& c = nodes[n];
    bool runs = (isCovered(c.status) && !c.constrained) || (memo.unknownRun && c.status == CoverageStatus::Unknown);
    if (!runs) return false;
    for (std::uint32_t sub : model_.nodes[n].subgraphs)
      if (!graphOnAccelerator(sub, nodes, memo)) return false;
    return true;
  }

 private:
  struct Split {
    std::uint64_t nodes = 0, accelerator = 0;
    unsigned acceleratorSegments = 0, fallbackSegments = 0, transitions = 0;
  };

  /// Segments of the main graph's unfolded nodes: data edges between nodes on the same side join
  /// them; edges from folded nodes carry constants and join nothing.
  Split split(const std::vector<NodeCoverage>& nodes, PlacementMemo& memo) const {
    const std::vector<std::uint32_t>& main = model_.graphs[0].nodes;
    std::vector<size_t> live;
    for (size_t k = 0; k < main.size(); ++k)
      if (!nodes[main[k]].folded) live.push_back(k);
    std::vector<bool> on(live.size());
    std::unordered_map<std::string, size_t> producer;
    for (size_t j = 0; j < live.size(); ++j) {
      on[j] = nodeOnAccelerator(main[live[j]], nodes, memo);
      for (const std::string& out : model_.nodes[main[live[j]]].outputs)
        if (!out.empty()) producer.emplace(out, j);
    }
    std::vector<size_t> parent(live.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    std::set<std::pair<size_t, size_t>> crossing;
    for (size_t j = 0; j < live.size(); ++j) {
      for (const std::string& in : model_.nodes[main[live[j]]].inputs) {
        auto it = producer.find(in);
        if (it == producer.end() || it->second == j) continue;
        if (on[it->second] == on[j])
          parent[find(it->second)] = find(j);
        else
          crossing.emplace(it->second, j);
      }
    }
    std::set<size_t> accel, fallback;
    for (size_t j = 0; j < live.size(); ++j) (on[j] ? accel : fallback).insert(find(j));
    Split out;
    out.nodes = live.size();
    out.accelerator = static_cast<std::uint64_t>(std::count(on.begin(), on.end(), true));
    out.acceleratorSegments = static_cast<unsigned>(accel.size());
    out.fallbackSegments = static_cast<unsigned>(fallback.size());
    out.transitions = static_cast<unsigned>(crossing.size());
    return out;
  }

  const ModelInfo& model_;
  const std::vector<ResolvedOp>& ops_;
  const OperatorCoverage& source_;
  const PlatformId& platform_;
  const ConstantFacts& facts_;
  mutable std::unordered_map<std::string, Answer> answers_;
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
  ConstantFacts facts = foldConstants(model);
  return Evaluator(model, ops, source, platform, facts).run();
}

PlatformCoverage evaluateCoverage(const ModelInfo& model, const std::vector<ResolvedOp>& ops,
                                  const OperatorCoverage& source, const PlatformId& platform,
                                  const ConstantFacts& facts) {
  return Evaluator(model, ops, source, platform, facts).run();
}

GraphPartition toGraphPartition(const PartitionEstimate& e) {
  GraphPartition g;
  g.nodes = e.nodes;
  g.acceleratorNodes = e.acceleratorNodes;
  g.acceleratorSegments = e.acceleratorSegments;
  g.fallbackSegments = e.fallbackSegments;
  g.transitions = e.transitions;
  g.foldedNodes = e.foldedNodes;
  g.unknownNodes = e.unknownNodes;
  g.acceleratorNodesIfUnknownRun = e.acceleratorNodesIfUnknownRun;
  g.fallbackSegmentsIfUnknownRun = e.fallbackSegmentsIfUnknownRun;
  return g;
}

bool placedOnAccelerator(const ModelInfo& model, const PlatformCoverage& coverage, std::uint32_t node,
                         bool unknownRun) {
  if (node >= coverage.nodes.size() || coverage.nodes[node].folded) return false;
  const NodeCoverage& c = coverage.nodes[node];
  bool runs = (isCovered(c.status) && !c.constrained) || (unknownRun && c.status == CoverageStatus::Unknown);
  if (!runs) return false;
  for (std::uint32_t sub : model.nodes[node].subgraphs)
    for (std::uint32_t n : model.graphs[sub].nodes)
      if (!coverage.nodes[n].folded && !placedOnAccelerator(model, coverage, n, unknownRun)) return false;
  return true;
}

}  // namespace opscope::onnx
