// Per-platform model coverage: constraints, grouping of unsupported nodes, partition estimate.
#include <gtest/gtest.h>

#include "onnx/Coverage.h"
#include "onnx/DataTypes.h"
#include "onnx/Types.h"
#include "tests/onnx/TestUtil.h"
#include "tests/onnx/WireWriter.h"

namespace opscope::onnx {
namespace {
using namespace testing;

/// A coverage source written in the test: op -> answer, for platform "npu".
class FakeCoverage : public OperatorCoverage {
 public:
  void set(std::string op, CoverageStatus s, std::optional<int> min = {}, std::optional<int> max = {},
           std::vector<std::string> dtypes = {}) {
    OperatorAnswer a;
    a.coverage.status = s;
    a.coverage.source = "test";
    a.opsetMin = min;
    a.opsetMax = max;
    a.dtypes = std::move(dtypes);
    answers_[std::move(op)] = a;
  }
  std::optional<OperatorAnswer> find(std::string_view platform, std::string_view domain,
                                     std::string_view opType) const override {
    if (platform != "npu") return std::nullopt;
    auto it = answers_.find(histogramKey(domain, opType));
    if (it == answers_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, OperatorAnswer> answers_;
};

VersionTable table() {
  VersionTable t;
  for (const char* op : {"MatMul", "Add", "Relu", "Softmax", "If", "Identity", "Erf", "Mul", "Cast"}) t.add("", op, 13);
  return t;
}

struct Evaluated {
  ModelInfo model;
  std::vector<ResolvedOp> ops;
};

Evaluated prepare(const Msg& m) {
  Evaluated e{readOk(m.bytes()), {}};
  inferTypes(e.model);
  std::vector<std::string> notes;
  e.ops = resolveOperators(e.model, table(), notes);
  return e;
}

TEST(Coverage, ConstraintsDowngradeAndExplain) {
  Msg graph;
  graph.msg(11, valueInfo("x", dtype::kBfloat16, {4, 4}));
  graph.msg(1, node("MatMul", {"x", "x"}, {"a"}, "mm"));                   // bf16: not in [fp16, fp32]
  graph.msg(1, node("Add", {"a", "a"}, {"b"}, "add"));                     // opset 17 outside 8-16
  graph.msg(1, node("Relu", {"b"}, {"c"}, "relu"));                        // fine
  graph.msg(1, node("Softmax", {"c"}, {"d"}, "softmax"));                  // missing
  graph.msg(1, node("Attention", {"d"}, {"e"}, "attn", "com.microsoft"));  // custom: unknown
  FakeCoverage cov;
  cov.set("ai.onnx:MatMul", CoverageStatus::Native, {}, {}, {"fp16", "fp32"});
  cov.set("ai.onnx:Add", CoverageStatus::Native, 8, 16);
  cov.set("ai.onnx:Relu", CoverageStatus::Mapped);
  cov.set("ai.onnx:Softmax", CoverageStatus::Missing);
  Evaluated e = prepare(model(graph).msg(8, opset("com.microsoft", 1)));
  PlatformCoverage pc = evaluateCoverage(e.model, e.ops, cov, "npu");
  ASSERT_EQ(pc.nodes.size(), 5u);
  EXPECT_EQ(pc.nodes[0].status, CoverageStatus::Missing);
  EXPECT_EQ(pc.nodes[0].reason, "dtype bf16 is not among the supported fp16, fp32");
  EXPECT_EQ(pc.nodes[1].status, CoverageStatus::Partial);
  EXPECT_NE(pc.nodes[1].reason.find("model opset 17 is outside the supported opsets 8-16"), std::string::npos);
  EXPECT_EQ(pc.nodes[2].status, CoverageStatus::Mapped);
  EXPECT_EQ(pc.nodes[3].status, CoverageStatus::Missing);
  EXPECT_EQ(pc.nodes[4].status, CoverageStatus::Unknown);
  EXPECT_EQ(pc.nodes[4].reason, "custom domain com.microsoft: no platform data");
  EXPECT_EQ(pc.nodesByStatus[CoverageStatus::Missing], 2u);

  // Unsupported or constrained nodes, grouped by operator with their paths.
  ASSERT_EQ(pc.unsupported.size(), 4u);
  std::set<std::string> keys;
  for (const OperatorGroup& g : pc.unsupported) keys.insert(g.key);
  EXPECT_EQ(keys,
            (std::set<std::string>{"ai.onnx:MatMul", "ai.onnx:Add", "ai.onnx:Softmax", "com.microsoft:Attention"}));
  for (const OperatorGroup& g : pc.unsupported)
    if (g.key == "ai.onnx:Softmax") EXPECT_EQ(g.paths, (std::vector<std::string>{"main › softmax"}));

  // Partition: mm (off) -> add (partial by its opset: off) -> relu (on) -> softmax (off) -> attn
  // (unknown: off, or on at the optimistic end of the range).
  EXPECT_TRUE(pc.nodes[1].constrained);
  EXPECT_EQ(pc.partition.nodes, 5u);
  EXPECT_EQ(pc.partition.unknownNodes, 1u);
  EXPECT_EQ(pc.partition.acceleratorNodes, 1u);
  EXPECT_EQ(pc.partition.acceleratorSegments, 1u);
  EXPECT_EQ(pc.partition.fallbackSegments, 2u);
  EXPECT_EQ(pc.partition.transitions, 2u);
  EXPECT_DOUBLE_EQ(pc.partition.acceleratorShare, 0.2);
  EXPECT_EQ(pc.partition.acceleratorNodesIfUnknownRun, 2u);
  EXPECT_EQ(pc.partition.acceleratorSegmentsIfUnknownRun, 2u);
  EXPECT_EQ(pc.partition.fallbackSegmentsIfUnknownRun, 2u);
  EXPECT_EQ(pc.partition.transitionsIfUnknownRun, 3u);
  EXPECT_DOUBLE_EQ(pc.partition.acceleratorShareIfUnknownRun, 0.4);
}

TEST(Coverage, ControlFlowAndFunctionsTakeTheirBodiesVerdicts) {
  Msg graph;
  graph.msg(1, node("Relu", {"x"}, {"a"}, "r1"));
  Msg ifNode = node("If", {"c"}, {"b"}, "branch");
  ifNode.msg(5, graphAttr("then_branch", Msg().msg(1, node("Softmax", {"a"}, {"b"}, "inner"))));
  graph.msg(1, ifNode);
  graph.msg(1, node("Relu", {"b"}, {"d"}, "r2"));
  graph.msg(1, node("MyGelu", {"d"}, {"e"}, "gelu", "local"));
  Msg fn = Msg().str(1, "MyGelu").str(10, "local").msg(9, opset("", 17));
  fn.msg(7, node("Mul", {"X", "X"}, {"T"})).msg(7, node("Erf", {"T"}, {"Y"}));
  Msg m = model(graph);
  m.msg(8, opset("local", 1)).msg(25, fn);

  FakeCoverage cov;
  for (const char* op : {"ai.onnx:Relu", "ai.onnx:If", "ai.onnx:Mul"}) cov.set(op, CoverageStatus::Native);
  cov.set("ai.onnx:Erf", CoverageStatus::Emulated);
  Evaluated e = prepare(m);
  PlatformCoverage pc = evaluateCoverage(e.model, e.ops, cov, "npu");
  // The function call is as good as its worst body node; the If is on the accelerator only if
  // its body is, and the body's Softmax has no entry.
  EXPECT_EQ(pc.nodes[4].status, CoverageStatus::Emulated);  // nodes: r1, branch, inner, r2, gelu, Mul, Erf
  EXPECT_NE(pc.nodes[4].reason.find("every body node covered"), std::string::npos);
  EXPECT_EQ(pc.partition.nodes, 4u);
  EXPECT_EQ(pc.partition.acceleratorNodes, 3u);
  EXPECT_EQ(pc.partition.acceleratorSegments, 2u);
  EXPECT_EQ(pc.partition.fallbackSegments, 1u);
  // Call nodes are not counted themselves: their bodies are.
  std::uint64_t counted = 0;
  for (auto& [s, n] : pc.nodesByStatus) counted += n;
  EXPECT_EQ(counted, 6u);
  ASSERT_EQ(pc.unsupported.size(), 1u);
  EXPECT_EQ(pc.unsupported[0].paths, (std::vector<std::string>{"main › branch › then_branch › inner"}));
}

TEST(Coverage, TheFloatingInputDecidesTheDtype) {
  NodeInfo where;
  where.inputTypes = {dtype::kBool, dtype::kBfloat16, dtype::kBfloat16};
  EXPECT_EQ(nodeDataType(where), dtype::kBfloat16);
  NodeInfo range;
  range.inputTypes = {dtype::kInt64, 0, dtype::kInt64};
  EXPECT_EQ(nodeDataType(range), dtype::kInt64);
  NodeInfo random;
  random.outputTypes = {dtype::kFloat16};
  EXPECT_EQ(nodeDataType(random), dtype::kFloat16);
  EXPECT_EQ(nodeDataType(NodeInfo{}), 0);
}

TEST(Coverage, OperatorSymbols) {
  EXPECT_EQ(operatorSymbol("", "Add"), "onnx::Add");
  EXPECT_EQ(operatorSymbol("ai.onnx", "Add"), "onnx::Add");
  EXPECT_EQ(operatorSymbol("ai.onnx.ml", "LabelEncoder"), "ai.onnx.ml::LabelEncoder");
  EXPECT_EQ(operatorSymbol("com.microsoft", "Attention"), "com.microsoft::Attention");
}

}  // namespace
}  // namespace opscope::onnx
