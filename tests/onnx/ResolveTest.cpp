// Opset resolution (since_version from an operator-version table) and element-type inference.
#include <gtest/gtest.h>

#include "onnx/DataTypes.h"
#include "onnx/Opset.h"
#include "onnx/Types.h"
#include "tests/onnx/TestUtil.h"
#include "tests/onnx/WireWriter.h"

namespace opscope::onnx {
namespace {
using namespace testing;

VersionTable smallTable() {
  VersionTable t;
  for (int v : {1, 6, 13}) t.add("ai.onnx", "Relu", v);
  for (int v : {1, 6, 7, 13, 14}) t.add("", "Add", v);
  t.add("ai.onnx", "LayerNormalization", 17);
  for (int v : {1, 11, 13, 19, 21}) t.add("ai.onnx", "If", v);
  for (int v : {1, 6, 9, 13, 19, 21}) t.add("ai.onnx", "Cast", v);
  t.add("ai.onnx.ml", "LabelEncoder", 1);
  t.add("ai.onnx.ml", "LabelEncoder", 2);
  t.add("ai.onnx.ml", "LabelEncoder", 4);
  t.setNewestOpset("ai.onnx", 28);
  t.setNewestOpset("ai.onnx.ml", 5);
  return t;
}

TEST(Opset, VersionTableResolvesTheLargestSinceVersionNotAboveTheOpset) {
  VersionTable t = smallTable();
  EXPECT_EQ(t.sinceVersion("", "Relu", 12), 6);
  EXPECT_EQ(t.sinceVersion("ai.onnx", "Relu", 13), 13);
  EXPECT_EQ(t.sinceVersion("ai.onnx", "Relu", 28), 13);
  EXPECT_EQ(t.sinceVersion("ai.onnx", "LayerNormalization", 16), std::nullopt);
  EXPECT_EQ(t.sinceVersion("ai.onnx", "NoSuchOp", 16), std::nullopt);
  EXPECT_EQ(t.sinceVersion("ai.onnx.ml", "LabelEncoder", 3), 2);
  EXPECT_TRUE(t.knowsDomain(""));
  EXPECT_FALSE(t.knowsDomain("com.microsoft"));
  EXPECT_EQ(t.newestOpset("ai.onnx"), 28);
}

TEST(Opset, NodesResolveInTheirScopesOpsets) {
  Msg graph;
  graph.msg(1, node("Relu", {"x"}, {"a"}));
  graph.msg(1, node("LayerNormalization", {"a"}, {"b"}));  // needs opset 17; the model has 12
  graph.msg(1, node("Attention", {"b"}, {"c"}, "", "com.microsoft"));
  graph.msg(1, node("LabelEncoder", {"c"}, {"d"}, "", "ai.onnx.ml"));
  graph.msg(1, node("Gelu", {"d"}, {"e"}, "", "local"));
  Msg fn = Msg().str(1, "Gelu").str(10, "local").msg(9, opset("", 14)).msg(7, node("Add", {"X", "X"}, {"Y"}));
  Msg m = model(graph, 12);
  m.msg(8, opset("ai.onnx.ml", 3)).msg(8, opset("com.microsoft", 1)).msg(8, opset("local", 1)).msg(25, fn);
  ModelInfo info = readOk(m.bytes());
  std::vector<std::string> notes;
  std::vector<ResolvedOp> ops = resolveOperators(info, smallTable(), notes);
  ASSERT_EQ(ops.size(), 6u);
  EXPECT_EQ(ops[0].kind, OpKind::Standard);
  EXPECT_EQ(ops[0].sinceVersion, 6);
  EXPECT_EQ(ops[0].opset, 12);
  EXPECT_EQ(ops[1].kind, OpKind::UnknownOp);  // not defined at opset 12
  EXPECT_EQ(ops[2].kind, OpKind::Custom);
  EXPECT_EQ(ops[2].domain, "com.microsoft");
  EXPECT_EQ(ops[3].sinceVersion, 2);
  EXPECT_EQ(ops[4].kind, OpKind::LocalFunction);
  EXPECT_EQ(ops[4].function, 0u);
  // The function body resolves with the function's own opset_import (14), not the model's (12).
  EXPECT_EQ(ops[5].opset, 14);
  EXPECT_EQ(ops[5].sinceVersion, 14);
  EXPECT_TRUE(notes.empty()) << notes.front();
}

TEST(Opset, NotesOpsetsNewerThanTheTableAndMissingTables) {
  ModelInfo info = readOk(model(Msg().msg(1, node("Relu", {"x"}, {"y"})), 30).bytes());
  std::vector<std::string> notes;
  std::vector<ResolvedOp> ops = resolveOperators(info, smallTable(), notes);
  EXPECT_EQ(ops[0].sinceVersion, 13);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("opset 30 of ai.onnx is newer than the operator-version table (28)"), std::string::npos);

  notes.clear();
  ops = resolveOperators(info, VersionTable(), notes);
  EXPECT_EQ(ops[0].kind, OpKind::NoTable);
  EXPECT_FALSE(ops[0].sinceVersion);
  ASSERT_EQ(notes.size(), 1u);
}

TEST(Types, FlowFromDeclarationsThroughRules) {
  Msg graph;
  graph.msg(11, valueInfo("x", dtype::kFloat, {2, 2}));
  graph.msg(5, rawTensor("w8", dtype::kFloat8E4M3FN, {2, 2}, 4));
  graph.msg(5, rawTensor("scale", dtype::kBfloat16, {1}, 2));
  Msg cast = node("Cast", {"x"}, {"xb"});
  cast.msg(5, intAttr("to", dtype::kBfloat16));
  graph.msg(1, cast);
  graph.msg(1, node("DequantizeLinear", {"w8", "scale"}, {"wb"}));
  graph.msg(1, node("MatMul", {"xb", "wb"}, {"y"}));
  graph.msg(1, node("Shape", {"y"}, {"s"}));
  graph.msg(1, node("Greater", {"y", "y"}, {"cond"}));
  Msg ifNode = node("If", {"cond"}, {"z"});
  ifNode.msg(
      5,
      graphAttr(
          "then_branch",
          Msg().msg(1, node("Cast", {"y"}, {"t"}).msg(5, intAttr("to", dtype::kDouble))).msg(12, Msg().str(1, "t"))));
  graph.msg(1, ifNode);
  graph.msg(1, node("Identity", {"z"}, {"out"}));
  graph.msg(13, valueInfo("s", dtype::kInt32));  // a declaration beats the rule (int64)
  ModelInfo info = readOk(model(graph).bytes());
  inferTypes(info);
  auto outType = [&](const std::string& name) {
    for (const NodeInfo& n : info.nodes)
      for (size_t k = 0; k < n.outputs.size(); ++k)
        if (n.outputs[k] == name) return n.outputTypes[k];
    return -1;
  };
  EXPECT_EQ(outType("xb"), dtype::kBfloat16);
  EXPECT_EQ(outType("wb"), dtype::kBfloat16);
  EXPECT_EQ(outType("y"), dtype::kBfloat16);
  EXPECT_EQ(outType("s"), dtype::kInt32);
  EXPECT_EQ(outType("cond"), dtype::kBool);
  EXPECT_EQ(outType("t"), dtype::kDouble);  // inside the subgraph, from the outer scope's y
  EXPECT_EQ(outType("z"), dtype::kDouble);  // If takes its branch's output type
  EXPECT_EQ(outType("out"), dtype::kDouble);
  EXPECT_EQ(info.nodes[1].inputTypes, (std::vector<std::int32_t>{dtype::kFloat8E4M3FN, dtype::kBfloat16}));
}

TEST(Types, OperatorsWhoseOutputsDifferFromTheirInputs) {
  Msg graph;
  graph.msg(11, valueInfo("x", dtype::kFloat16, {1, 3, 8, 8}));
  graph.msg(1, node("OptionalHasElement", {"x"}, {"has"}));
  graph.msg(1, node("Not", {"has"}, {"none"}));
  graph.msg(1, node("MaxPool", {"x"}, {"pooled", "indices"}));
  graph.msg(1, node("HannWindow", {"n"}, {"window"}).msg(5, intAttr("output_datatype", dtype::kDouble)));
  ModelInfo info = readOk(model(graph).bytes());
  inferTypes(info);
  EXPECT_EQ(info.nodes[0].outputTypes[0], dtype::kBool);
  EXPECT_EQ(info.nodes[1].inputTypes[0], dtype::kBool);
  EXPECT_EQ(info.nodes[2].outputTypes, (std::vector<std::int32_t>{dtype::kFloat16, dtype::kInt64}));
  EXPECT_EQ(info.nodes[3].outputTypes[0], dtype::kDouble);
}

TEST(Types, DataTypeNamesAndConstraintSpellings) {
  EXPECT_EQ(dataTypeName(dtype::kFloat8E5M2FNUZ), "float8e5m2fnuz");
  EXPECT_EQ(dataTypeName(99), "dtype(99)");
  EXPECT_EQ(shortDataTypeName(dtype::kBfloat16), "bf16");
  EXPECT_EQ(dataTypeBytes(dtype::kInt4, 5), 3u);
  EXPECT_EQ(dataTypeBytes(dtype::kUint2, 5), 2u);
  EXPECT_EQ(dataTypeBytes(dtype::kString, 5), 0u);
  EXPECT_TRUE(dataTypeMatches("FP8", dtype::kFloat8E4M3FN));
  EXPECT_TRUE(dataTypeMatches("tensor(bfloat16)", dtype::kBfloat16));
  EXPECT_TRUE(dataTypeMatches("fp16", dtype::kFloat16));
  EXPECT_TRUE(dataTypeMatches("INT64", dtype::kInt64));
  EXPECT_FALSE(dataTypeMatches("fp16", dtype::kBfloat16));
  EXPECT_FALSE(dataTypeMatches("fp32", dtype::kDouble));
}

}  // namespace
}  // namespace opscope::onnx
