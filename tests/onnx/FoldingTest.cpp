// Constant folding before coverage, per-node rules (constraints.node), and the partition estimate
// counted after folding, on the shape chains torch.onnx writes for view/reshape.
#include <gtest/gtest.h>

#include "onnx/Coverage.h"
#include "onnx/DataTypes.h"
#include "onnx/Folding.h"
#include "onnx/NodeRules.h"
#include "onnx/Types.h"
#include "tests/onnx/TestUtil.h"
#include "tests/onnx/WireWriter.h"

namespace opscope::onnx {
namespace {
using namespace testing;

/// Every operator of the test native on "gpu", with optional node rules.
class RuleCoverage : public OperatorCoverage {
 public:
  std::map<std::string, std::vector<std::string>> rules;
  std::map<std::string, CoverageStatus> status;
  std::optional<OperatorAnswer> find(std::string_view platform, std::string_view domain,
                                     std::string_view opType) const override {
    if (platform != "gpu" || canonicalDomain(domain) != "ai.onnx") return std::nullopt;
    OperatorAnswer a;
    std::string op(opType);
    auto s = status.find(op);
    a.coverage.status = s == status.end() ? CoverageStatus::Native : s->second;
    if (auto it = rules.find(op); it != rules.end()) a.nodeRules = it->second;
    return a;
  }
};

/// A dimension with a symbolic name (dynamic axis).
Msg valueInfoDims(std::string_view name, std::int32_t elemType, std::vector<std::string> dims) {
  Msg shape;
  for (const std::string& d : dims) {
    Msg dim;
    if (!d.empty() && std::isdigit(static_cast<unsigned char>(d[0])))
      dim.varint(1, std::stoull(d));
    else
      dim.str(2, d);
    shape.msg(1, dim);
  }
  Msg type = Msg().msg(1, Msg().varint(1, static_cast<std::uint64_t>(elemType)).msg(2, shape));
  return Msg().str(1, name).msg(2, type);
}

Msg stringAttr(std::string_view name, std::string_view v) { return Msg().str(1, name).varint(20, 3).str(4, v); }

/// torch.onnx's x.view(x.size(0), -1): Shape -> Gather(0) -> Unsqueeze -> Concat(-1) -> Reshape.
Msg viewGraph(std::vector<std::string> inputDims) {
  Msg g;
  g.msg(11, valueInfoDims("x", dtype::kFloat, inputDims));
  g.msg(5, rawTensor("zero", dtype::kInt64, {}, 8));
  g.msg(5, rawTensor("axes", dtype::kInt64, {1}, 8));
  g.msg(1, Msg(node("Constant", {}, {"minus_one"}, "c")).msg(5, tensorAttr("value", rawTensor("", dtype::kInt64, {1}, 8))));
  g.msg(1, node("Relu", {"x"}, {"r"}, "relu"));
  g.msg(1, node("Shape", {"r"}, {"s"}, "shape"));
  g.msg(1, node("Gather", {"s", "zero"}, {"n"}, "gather"));
  g.msg(1, node("Unsqueeze", {"n", "axes"}, {"n1"}, "unsqueeze"));
  g.msg(1, node("Concat", {"n1", "minus_one"}, {"shape2"}, "concat").msg(5, intAttr("axis", 0)));
  g.msg(1, node("Reshape", {"r", "shape2"}, {"y"}, "reshape"));
  g.msg(1, node("Relu", {"y"}, {"z"}, "relu2"));
  g.msg(12, valueInfo("z", dtype::kFloat));
  return g;
}

struct Evaluated {
  ModelInfo model;
  std::vector<ResolvedOp> ops;
};

Evaluated prepare(const Msg& m) {
  Evaluated e{readOk(m.bytes()), {}};
  inferTypes(e.model);
  VersionTable t;
  for (const char* op : {"Constant", "Relu", "Shape", "Gather", "Unsqueeze", "Concat", "Reshape", "Resize", "MaxPool",
                         "Identity", "NonZero"})
    t.add("", op, 13);
  std::vector<std::string> notes;
  e.ops = resolveOperators(e.model, t, notes);
  return e;
}

RuleCoverage migraphxLike() {
  RuleCoverage c;
  c.rules["Reshape"] = {"input 1 dynamic | dynamic shape is not supported"};
  return c;
}

TEST(Folding, ShapeChainsOnStaticShapesFoldAway) {
  Evaluated e = prepare(model(viewGraph({"1", "3", "8", "8"})));
  ConstantFacts f = foldConstants(e.model);
  // c, shape, gather, unsqueeze, concat fold; relu, reshape, relu2 run.
  EXPECT_EQ(f.folded, (std::vector<bool>{true, false, true, true, true, true, false, false}));
  EXPECT_TRUE(f.isConstant("shape2"));
  PlatformCoverage pc = evaluateCoverage(e.model, e.ops, migraphxLike(), "gpu", f);
  EXPECT_EQ(pc.nodes[6].status, CoverageStatus::Native) << pc.nodes[6].reason;
  EXPECT_TRUE(pc.nodes[2].folded);
  EXPECT_EQ(pc.nodes[2].reason, "folded at conversion time (every input is constant)");
  EXPECT_TRUE(pc.nodes[0].reason.empty());  // a Constant is only a value
  EXPECT_EQ(pc.partition.foldedNodes, 5u);
  EXPECT_EQ(pc.partition.nodes, 3u);
  EXPECT_EQ(pc.partition.acceleratorSegments, 1u);
  EXPECT_EQ(pc.partition.fallbackSegments, 0u);
  EXPECT_TRUE(pc.unsupported.empty());  // folded nodes are not listed
}

TEST(Folding, ADynamicAxisFoldsOnceTheConverterFixesTheInputShapes) {
  Evaluated e = prepare(model(viewGraph({"batch", "3", "8", "8"})));
  EXPECT_EQ(foldConstants(e.model).foldedNodes, 5u);
}

TEST(Folding, ADynamicAxisKeepsTheChainAndTheRuleNamesTheInput) {
  Evaluated e = prepare(model(viewGraph({"batch", "3", "8", "8"})));
  ConstantFacts f = foldConstants(e.model, FoldOptions{false});
  EXPECT_EQ(f.folded, (std::vector<bool>{true, false, false, false, false, false, false, false}));
  PlatformCoverage pc = evaluateCoverage(e.model, e.ops, migraphxLike(), "gpu", f);
  EXPECT_EQ(pc.nodes[6].status, CoverageStatus::Partial);
  EXPECT_EQ(pc.nodes[6].reason, "input 1 is computed at run time: dynamic shape is not supported");
  EXPECT_TRUE(pc.nodes[6].constrained);
  // relu -> [shape chain] -> reshape (falls back) -> relu2: one fallback segment, two crossings in
  // (r and shape2) and one out.
  EXPECT_EQ(pc.partition.nodes, 7u);
  EXPECT_EQ(pc.partition.fallbackSegments, 1u);
  EXPECT_EQ(pc.partition.acceleratorSegments, 2u);
  EXPECT_EQ(pc.partition.transitions, 3u);
  ASSERT_EQ(pc.unsupported.size(), 1u);
  EXPECT_EQ(pc.unsupported[0].key, "ai.onnx:Reshape");
}

TEST(Folding, UndeclaredShapesFlowFromStaticInputs) {
  // No value_info for r: its shape is static because x's is and Relu keeps it.
  Evaluated e = prepare(model(viewGraph({"2", "4"})));
  EXPECT_TRUE(foldConstants(e.model).folded[2]);
  // A data-dependent shape stops the flow.
  Msg g;
  g.msg(11, valueInfoDims("x", dtype::kFloat, {"4"}));
  g.msg(1, node("NonZero", {"x"}, {"i"}, "nz"));
  g.msg(1, node("Shape", {"i"}, {"s"}, "shape"));
  g.msg(12, valueInfo("s", dtype::kInt64));
  Evaluated e2 = prepare(model(g));
  EXPECT_EQ(foldConstants(e2.model).folded, (std::vector<bool>{false, false}));
}

TEST(NodeRules, AttributesOutputsAndConjunctions) {
  Msg g;
  g.msg(11, valueInfoDims("x", dtype::kFloat, {"1", "3", "8", "8"}));
  g.msg(11, valueInfoDims("sizes", dtype::kInt64, {"4"}));
  g.msg(1, node("Resize", {"x", "", "", "sizes"}, {"a"}, "cubic").msg(5, stringAttr("mode", "cubic")));
  g.msg(1, node("Resize", {"x", "", "", "sizes"}, {"b"}, "linear").msg(5, stringAttr("mode", "linear")));
  g.msg(1, node("Resize", {"x", "", "", "sizes"}, {"c"}, "nearest"));
  Msg pool = node("MaxPool", {"x"}, {"d", "idx"}, "pool");
  pool.msg(5, Msg().str(1, "dilations").varint(20, 7).varint(8, 1).varint(8, 2));
  g.msg(1, pool);
  g.msg(1, node("MaxPool", {"x"}, {"e"}, "plain"));
  RuleCoverage c;
  c.rules["Resize"] = {"attr mode in cubic | cubic mode is not supported",
                       "attr mode in linear and inputs 1+ dynamic | linear mode needs constant inputs"};
  c.rules["MaxPool"] = {"attr dilations not in 1 | dilation is partially supported",
                        "output 1 used | the indices output is not supported"};
  c.status["Resize"] = CoverageStatus::Partial;  // partial only for what its rules state
  Evaluated e = prepare(model(g));
  PlatformCoverage pc = evaluateCoverage(e.model, e.ops, c, "gpu");
  EXPECT_EQ(pc.nodes[0].reason, "attribute mode = cubic: cubic mode is not supported");
  EXPECT_EQ(pc.nodes[1].reason,
            "attribute mode = linear and input 3 is computed at run time: linear mode needs constant inputs");
  EXPECT_EQ(pc.nodes[2].status, CoverageStatus::Native);
  EXPECT_EQ(pc.nodes[3].status, CoverageStatus::Partial);
  EXPECT_EQ(pc.nodes[3].reason,
            "attribute dilations = [1,2]: dilation is partially supported; output 1 is produced: the indices output "
            "is not supported");
  EXPECT_EQ(pc.nodes[4].status, CoverageStatus::Native);
}

TEST(NodeRules, MalformedRulesAreRefusedWithTheRule) {
  std::string error;
  EXPECT_FALSE(parseNodeRule("input 1 dynamic", error));
  EXPECT_NE(error.find("lacks '| REASON'"), std::string::npos);
  EXPECT_FALSE(parseNodeRule("input x dynamic | why", error));
  EXPECT_NE(error.find("bad index"), std::string::npos);
  EXPECT_FALSE(parseNodeRule("attr mode maybe cubic | why", error));
  EXPECT_FALSE(parseNodeRule("input 1 dynamic |  ", error));
  std::optional<NodeRule> r = parseNodeRule("input 0 rank >= 5 and attr mode in a,b | no 5-D", error);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->checks.size(), 2u);
  EXPECT_EQ(r->checks[0].rank, 5u);
  EXPECT_EQ(r->checks[1].values, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r->reason, "no 5-D");
}

}  // namespace
}  // namespace opscope::onnx
