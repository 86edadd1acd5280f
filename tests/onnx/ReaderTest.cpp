// The streaming reader on models built with libonnx's protobuf classes (an independent encoder)
// and with the test encoder for fields newer than those classes (IR 10-13).
#include <gtest/gtest.h>

#include "onnx/DataTypes.h"
#include "onnx/Summary.h"
#include "onnx/onnx_pb.h"
#include "tests/onnx/TestUtil.h"
#include "tests/onnx/WireWriter.h"

namespace opscope::onnx {
namespace {
using namespace testing;

::onnx::NodeProto* addNode(::onnx::GraphProto* g, const std::string& op, std::vector<std::string> in,
                           std::vector<std::string> out, const std::string& name = "", const std::string& domain = "") {
  ::onnx::NodeProto* n = g->add_node();
  n->set_op_type(op);
  if (!name.empty()) n->set_name(name);
  if (!domain.empty()) n->set_domain(domain);
  for (auto& i : in) n->add_input(i);
  for (auto& o : out) n->add_output(o);
  return n;
}

void typed(::onnx::ValueInfoProto* v, const std::string& name, int type, std::vector<std::int64_t> dims) {
  v->set_name(name);
  auto* t = v->mutable_type()->mutable_tensor_type();
  t->set_elem_type(type);
  for (auto d : dims) t->mutable_shape()->add_dim()->set_dim_value(d);
}

::onnx::ModelProto baseModel() {
  ::onnx::ModelProto m;
  m.set_ir_version(8);
  m.set_producer_name("pytorch");
  m.set_producer_version("2.4.0");
  m.set_model_version(3);
  auto* o = m.add_opset_import();
  o->set_domain("");
  o->set_version(17);
  auto* ms = m.add_opset_import();
  ms->set_domain("com.microsoft");
  ms->set_version(1);
  m.mutable_graph()->set_name("torch_jit");
  return m;
}

std::string serialize(const ::onnx::ModelProto& m) {
  std::string s;
  EXPECT_TRUE(m.SerializeToString(&s));
  return s;
}

TEST(Reader, HeaderOpsetsNodesAndPaths) {
  ::onnx::ModelProto m = baseModel();
  auto* g = m.mutable_graph();
  typed(g->add_input(), "x", ::onnx::TensorProto::FLOAT, {1, 4});
  addNode(g, "MatMul", {"x", "w"}, {"y"}, "mm");
  addNode(g, "Relu", {"y"}, {"z"});
  addNode(g, "FusedGelu", {"z"}, {"out"}, "gelu", "com.microsoft");
  typed(g->add_output(), "out", ::onnx::TensorProto::FLOAT, {1, 4});
  auto* meta = m.add_metadata_props();
  meta->set_key("author");
  meta->set_value("me");

  ModelInfo info = readOk(serialize(m));
  EXPECT_EQ(info.irVersion, 8);
  EXPECT_EQ(info.producerName, "pytorch");
  EXPECT_EQ(info.producerVersion, "2.4.0");
  EXPECT_EQ(info.modelVersion, 3);
  ASSERT_EQ(info.opsets.size(), 2u);
  EXPECT_EQ(info.opsets[1].domain, "com.microsoft");
  ASSERT_EQ(info.metadata.size(), 1u);
  EXPECT_EQ(info.metadata[0].second, "me");
  ASSERT_EQ(info.graphs.size(), 1u);
  EXPECT_EQ(info.graphs[0].name, "torch_jit");
  ASSERT_EQ(info.nodes.size(), 3u);
  EXPECT_EQ(info.nodes[0].path, "torch_jit › mm");
  EXPECT_EQ(info.nodes[1].path, "torch_jit › #1 (Relu)");  // unnamed nodes get index and op
  EXPECT_EQ(info.nodes[2].domain, "com.microsoft");
  EXPECT_EQ(info.nodes[0].inputs, (std::vector<std::string>{"x", "w"}));
  ASSERT_EQ(info.graphs[0].inputs.size(), 1u);
  EXPECT_EQ(info.graphs[0].inputs[0].elemType, dtype::kFloat);
  ASSERT_EQ(info.graphs[0].inputs[0].shape.size(), 2u);
  EXPECT_EQ(info.graphs[0].inputs[0].shape[1].value, 4);

  ModelSummary s = summarize(info);
  EXPECT_EQ(s.nodes, 3u);
  EXPECT_EQ(s.opHistogram["ai.onnx:MatMul"], 1u);
  EXPECT_EQ(s.opHistogram["com.microsoft:FusedGelu"], 1u);
}

TEST(Reader, WalksIfLoopScanBodiesAtAnyDepth) {
  ::onnx::ModelProto m = baseModel();
  auto* g = m.mutable_graph();
  auto* loop = addNode(g, "Loop", {"n", "c", "v"}, {"v_out"}, "loop");
  auto* body = loop->add_attribute();
  body->set_name("body");
  body->set_type(::onnx::AttributeProto::GRAPH);
  auto* bodyGraph = body->mutable_g();
  bodyGraph->set_name("loop_body");
  addNode(bodyGraph, "Add", {"v_in", "one"}, {"v_next"}, "add");
  auto* inner = addNode(bodyGraph, "If", {"c_in"}, {"c_out"}, "branch");
  for (const char* branch : {"then_branch", "else_branch"}) {
    auto* a = inner->add_attribute();
    a->set_name(branch);
    a->set_type(::onnx::AttributeProto::GRAPH);
    addNode(a->mutable_g(), "Identity", {"c_in"}, {"c_out"}, std::string(branch) + "_id");
  }
  auto* scan = addNode(g, "Scan", {"s"}, {"s_out"}, "scan");
  auto* graphs = scan->add_attribute();  // a GRAPHS attribute: every graph in it is walked
  graphs->set_name("bodies");
  graphs->set_type(::onnx::AttributeProto::GRAPHS);
  addNode(graphs->add_graphs(), "Neg", {"a"}, {"b"});
  addNode(graphs->add_graphs(), "Abs", {"a"}, {"b"});

  ModelInfo info = readOk(serialize(m));
  ModelSummary s = summarize(info);
  EXPECT_EQ(s.nodes, 8u);
  EXPECT_EQ(s.mainNodes, 2u);
  EXPECT_EQ(s.subgraphNodes, 6u);
  EXPECT_EQ(s.maxDepth, 2u);
  EXPECT_EQ(s.opHistogram["ai.onnx:Identity"], 2u);
  ASSERT_EQ(info.graphs.size(), 6u);
  std::vector<std::string> paths;
  for (const NodeInfo& n : info.nodes) paths.push_back(n.path);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "torch_jit › loop › body › branch › then_branch › then_branch_id"),
            paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "torch_jit › scan › bodies[1] › #0 (Abs)"), paths.end());
  // The If node inside the body owns two graphs, whose parent is the loop body.
  const NodeInfo& branch = info.nodes[2];
  EXPECT_EQ(branch.name, "branch");
  ASSERT_EQ(branch.subgraphs.size(), 2u);
  const GraphInfo& thenGraph = info.graphs[branch.subgraphs[0]];
  EXPECT_EQ(thenGraph.attribute, "then_branch");
  EXPECT_EQ(thenGraph.depth, 2u);
  EXPECT_EQ(info.graphs[*thenGraph.parentGraph].name, "loop_body");
}

TEST(Reader, LocalFunctionsAndTheirNodes) {
  ::onnx::ModelProto m = baseModel();
  auto* o = m.add_opset_import();
  o->set_domain("custom.fn");
  o->set_version(1);
  addNode(m.mutable_graph(), "MyGelu", {"x"}, {"y"}, "call", "custom.fn");
  auto* f = m.add_functions();
  f->set_name("MyGelu");
  f->set_domain("custom.fn");
  f->add_input("X");
  f->add_output("Y");
  auto* fo = f->add_opset_import();
  fo->set_domain("");
  fo->set_version(18);
  auto* n1 = f->add_node();
  n1->set_op_type("Mul");
  n1->add_input("X");
  n1->add_output("T");
  auto* n2 = f->add_node();
  n2->set_op_type("Erf");
  n2->add_input("T");
  n2->add_output("Y");

  ModelInfo info = readOk(serialize(m));
  ASSERT_EQ(info.functions.size(), 1u);
  EXPECT_EQ(info.functions[0].name, "MyGelu");
  ASSERT_EQ(info.functions[0].opsets.size(), 1u);
  EXPECT_EQ(info.functions[0].opsets[0].version, 18);
  const GraphInfo& body = info.graphs[info.functions[0].graph];
  EXPECT_EQ(body.kind, GraphKind::Function);
  EXPECT_EQ(body.nodes.size(), 2u);
  EXPECT_EQ(info.nodes[body.nodes[1]].path, "function custom.fn:MyGelu › #1 (Erf)");
  ModelSummary s = summarize(info);
  EXPECT_EQ(s.nodes, 3u);
  EXPECT_EQ(s.functionNodes, 2u);
  EXPECT_EQ(s.opHistogram["custom.fn:MyGelu"], 1u);
}

TEST(Reader, TensorsAreMeasuredNotRead) {
  ::onnx::ModelProto m = baseModel();
  auto* g = m.mutable_graph();
  auto* w = g->add_initializer();  // raw fp16 [64, 32]
  w->set_name("w");
  w->set_data_type(::onnx::TensorProto::FLOAT16);
  w->add_dims(64);
  w->add_dims(32);
  w->set_raw_data(std::string(64 * 32 * 2, '\x01'));
  auto* b = g->add_initializer();  // typed float_data [32]
  b->set_name("b");
  b->set_data_type(::onnx::TensorProto::FLOAT);
  b->add_dims(32);
  for (int i = 0; i < 32; ++i) b->add_float_data(1.0f);
  auto* q = g->add_initializer();  // int4 [5]: 3 bytes
  q->set_name("q");
  q->set_data_type(dtype::kInt4);  // newer than libonnx 1.12
  q->add_dims(5);
  q->set_raw_data("abc");
  auto* c = addNode(g, "Constant", {}, {"k"}, "const");
  auto* value = c->add_attribute();
  value->set_name("value");
  value->set_type(::onnx::AttributeProto::TENSOR);
  auto* t = value->mutable_t();
  t->set_data_type(::onnx::TensorProto::BFLOAT16);
  t->add_dims(10);
  t->set_raw_data(std::string(20, '\0'));
  auto* cf = addNode(g, "Constant", {}, {"kf"}, "const_floats");
  auto* floats = cf->add_attribute();
  floats->set_name("value_floats");
  floats->set_type(::onnx::AttributeProto::FLOATS);
  for (int i = 0; i < 7; ++i) floats->add_floats(0.5f);

  std::string bytes = serialize(m);
  ModelInfo info = readOk(bytes);
  ASSERT_EQ(info.tensors.size(), 5u);
  // Nodes (field 1) come before initializers (field 5) in the encoding: the Constants first.
  const TensorInfo& k = info.tensors[0];
  EXPECT_EQ(k.role, TensorRole::Constant);
  EXPECT_EQ(k.dataType, dtype::kBfloat16);
  EXPECT_EQ(k.node, 0u);
  EXPECT_EQ(info.nodes[0].valueType, dtype::kBfloat16);
  const TensorInfo& kf = info.tensors[1];
  EXPECT_EQ(kf.role, TensorRole::Constant);
  EXPECT_EQ(kf.elements, 7u);
  EXPECT_EQ(kf.dataType, dtype::kFloat);
  EXPECT_EQ(kf.name, "kf");
  const TensorInfo& wt = info.tensors[2];
  EXPECT_EQ(wt.name, "w");
  EXPECT_EQ(wt.role, TensorRole::Initializer);
  EXPECT_EQ(wt.storage, TensorStorage::Raw);
  EXPECT_EQ(wt.elements, 2048u);
  EXPECT_EQ(wt.bytes, 4096u);
  EXPECT_EQ(wt.payloadBytes, 4096u);
  // The payload offset points at the raw bytes inside the file.
  EXPECT_EQ(bytes.substr(wt.payloadOffset, 4), std::string(4, '\x01'));
  EXPECT_EQ(info.tensors[3].storage, TensorStorage::Typed);
  EXPECT_EQ(info.tensors[3].bytes, 128u);
  EXPECT_EQ(info.tensors[4].bytes, 3u);

  ModelSummary s = summarize(info);
  EXPECT_EQ(s.parameterCount, 2048u + 32 + 5 + 10 + 7);
  EXPECT_EQ(s.parameters["float16"].bytes, 4096u);
  EXPECT_EQ(s.parameters["float"].elements, 39u);
  EXPECT_EQ(s.parameters["bfloat16"].bytes, 20u);
  EXPECT_EQ(s.parameters["int4"].tensors, 1u);
}

TEST(Reader, ExternalDataIsCheckedNeverOpened) {
  Msg graph;
  graph.msg(5, externalTensor("a", dtype::kFloat, {1024, 1024}, "weights.bin", 0, 4 << 20));
  graph.msg(5, externalTensor("b", dtype::kFloat16, {1024}, "weights.bin", 4 << 20, 2048));
  graph.msg(5, externalTensor("c", dtype::kFloat, {4}, "missing.bin", 0, 16));
  graph.msg(5, externalTensor("d", dtype::kFloat, {4}, "../secrets.bin", 0, 16));
  graph.msg(1, node("Add", {"a", "a"}, {"y"}));
  std::string bytes = model(graph).bytes();

  ModelInfo ok = readOk(bytes, withFiles({{"/models/weights.bin", (4 << 20) + 2048}}));
  ASSERT_EQ(ok.externalFiles.size(), 3u);
  EXPECT_EQ(ok.externalFiles[0].location, "weights.bin");
  EXPECT_EQ(ok.externalFiles[0].tensors, 2u);
  EXPECT_EQ(ok.externalFiles[0].requiredBytes, (4u << 20) + 2048);
  EXPECT_EQ(ok.externalFiles[0].problem, "");
  EXPECT_NE(ok.externalFiles[1].problem.find("does not exist"), std::string::npos);
  EXPECT_NE(ok.externalFiles[2].problem.find("leaves the model's directory"), std::string::npos);
  ModelSummary s = summarize(ok);
  EXPECT_EQ(s.externalBytes, (4u << 20) + 2048 + 32);
  EXPECT_EQ(s.embeddedBytes, 0u);

  ModelInfo shortFile = readOk(bytes, withFiles({{"/models/weights.bin", 100}}));
  EXPECT_NE(shortFile.externalFiles[0].problem.find("has 100 bytes but its 2 tensor(s) need 4196352"),
            std::string::npos)
      << shortFile.externalFiles[0].problem;
}

TEST(Reader, ExternalOffsetThatIsNotANumberIsAnErrorAtItsEntry) {
  Msg t;
  t.varint(1, 4).varint(2, dtype::kFloat).str(8, "a");
  t.msg(13, Msg().str(1, "location").str(2, "w.bin"));
  Msg bad = Msg().str(1, "offset").str(2, "12x");
  t.msg(13, bad);
  std::string bytes = model(Msg().msg(5, t)).bytes();
  ReadError e = readFails(bytes);
  EXPECT_NE(e.message.find("offset '12x' is not a non-negative integer"), std::string::npos) << e.str();
  // The offset names the external_data entry's tag.
  size_t entry = bytes.find(bad.bytes());
  ASSERT_NE(entry, std::string::npos);
  EXPECT_EQ(e.offset, entry - 2);
  EXPECT_NE(e.context.find("initializer"), std::string::npos) << e.context;
}

TEST(Reader, IrVersion3AndNewestFields) {
  // IR 3 (ONNX 1.0): no functions, nothing new.
  ModelInfo old = readOk(model(Msg().msg(1, node("Relu", {"x"}, {"y"})), 1, 3).bytes());
  EXPECT_EQ(old.irVersion, 3);
  EXPECT_EQ(old.nodes.size(), 1u);

  // IR 13: node overload (8), metadata (9), device_configurations (10); graph metadata (16);
  // function overload (13) and value_info (12); model configuration (26).
  Msg n = node("Custom", {"x"}, {"y"}, "call", "lib");
  n.str(8, "v2").msg(9, Msg().str(1, "k").str(2, "v")).msg(10, Msg().str(1, "cfg"));
  Msg graph = Msg().msg(1, n).msg(16, Msg().str(1, "k").str(2, "v")).str(2, "g13");
  Msg fn;
  fn.str(1, "Custom").str(10, "lib").str(13, "v2").str(4, "X").str(5, "Y");
  fn.msg(7, node("Sigmoid", {"X"}, {"Y"})).msg(9, opset("", 25)).msg(12, valueInfo("X", dtype::kBfloat16));
  Msg fnOther = Msg().str(1, "Custom").str(10, "lib").str(13, "v1").msg(7, node("Tanh", {"X"}, {"Y"}));
  Msg m = model(graph, 25, 13);
  m.msg(25, fn).msg(25, fnOther).msg(26, Msg().str(1, "mesh").varint(2, 8));
  ModelInfo info = readOk(m.bytes());
  EXPECT_EQ(info.irVersion, 13);
  EXPECT_EQ(info.nodes[0].overload, "v2");
  ASSERT_EQ(info.functions.size(), 2u);
  EXPECT_EQ(info.functions[0].overload, "v2");
  EXPECT_EQ(info.graphs[info.functions[0].graph].valueInfo[0].elemType, dtype::kBfloat16);
  EXPECT_EQ(summarize(info).nodes, 3u);
  EXPECT_TRUE(info.warnings.empty());

  // A newer IR version still reads; the summary says its new fields were skipped.
  ModelInfo newer = readOk(model(Msg().msg(1, node("Relu", {"x"}, {"y"})).msg(99, Msg().str(1, "future")), 30, 14)
                               .msg(77, Msg().varint(1, 1))
                               .bytes());
  EXPECT_EQ(newer.nodes.size(), 1u);
  ASSERT_EQ(newer.warnings.size(), 1u);
  EXPECT_NE(newer.warnings[0].find("IR version 14 is outside the versions this reader knows"), std::string::npos);
}

TEST(Reader, SparseInitializersAndTrainingGraphs) {
  Msg values = rawTensor("sv", dtype::kFloat, {3}, 12);
  Msg indices = rawTensor("si", dtype::kInt64, {3}, 24);
  Msg sparse = Msg().msg(1, values).msg(2, indices).varint(3, 100).varint(3, 100);
  Msg graph = Msg().msg(1, node("Relu", {"x"}, {"y"})).msg(15, sparse);
  Msg training =
      Msg().msg(1, Msg().msg(1, node("RandomNormal", {}, {"w"}))).msg(2, Msg().msg(1, node("Sub", {"a", "b"}, {"c"})));
  ModelInfo info = readOk(model(graph).msg(20, training).bytes());
  ASSERT_EQ(info.tensors.size(), 1u);
  EXPECT_EQ(info.tensors[0].role, TensorRole::SparseInitializer);
  EXPECT_EQ(info.tensors[0].elements, 3u);
  EXPECT_EQ(info.tensors[0].bytes, 12u + 24u);
  EXPECT_EQ(info.tensors[0].dims, (std::vector<std::int64_t>{100, 100}));
  ModelSummary s = summarize(info);
  EXPECT_EQ(s.trainingNodes, 2u);
  EXPECT_EQ(s.nodes, 3u);
  EXPECT_EQ(info.nodes[2].path, "training[0].algorithm › #0 (Sub)");
}

TEST(Reader, RepeatedGraphFieldsMergeAsProtobufDoes) {
  Msg m = model(Msg().msg(1, node("Relu", {"x"}, {"y"})));
  m.msg(7, Msg().msg(1, node("Tanh", {"y"}, {"z"})));
  ::onnx::ModelProto reference;
  ASSERT_TRUE(reference.ParseFromString(m.bytes()));
  ModelInfo info = readOk(m.bytes());
  EXPECT_EQ(info.nodes.size(), static_cast<size_t>(reference.graph().node_size()));
}

}  // namespace
}  // namespace opscope::onnx
