// The CLI contract of `opscope onnx`, `opscope fit` and the ONNX step of `opscope scan`, run
// in-process against the built-in opdb.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"
#include "llvm/Support/JSON.h"
#include "tests/onnx/WireWriter.h"
#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;
using namespace opscope::onnx::testing;

using test::CliRun;
using test::runCli;

class OnnxCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::freshTestDir("onnx-cli");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    test::writeFile(p, bytes);
    return p.string();
  }

  /// Conv -> Relu -> If{Softmax} -> com.microsoft Attention, fp16, opset 17.
  std::string sampleModel() {
    Msg graph;
    graph.str(2, "net");
    graph.msg(11, valueInfo("x", 10, {1, 3, 8, 8}));
    graph.msg(5, rawTensor("w", 10, {4, 3, 3, 3}, 216));
    graph.msg(1, node("Conv", {"x", "w"}, {"c"}, "conv"));
    graph.msg(1, node("Relu", {"c"}, {"r"}, "relu"));
    Msg ifNode = node("If", {"cond"}, {"s"}, "branch");
    ifNode.msg(
        5, graphAttr("then_branch", Msg().msg(1, node("Softmax", {"r"}, {"s"}, "softmax")).msg(12, Msg().str(1, "s"))));
    graph.msg(1, ifNode);
    graph.msg(1, node("Attention", {"s"}, {"y"}, "attention", "com.microsoft"));
    Msg m = model(graph, 17, 8);
    m.msg(8, opset("com.microsoft", 1));
    return m.bytes();
  }

  fs::path dir_;
};

TEST_F(OnnxCli, SummaryAsText) {
  std::string path = write("net.onnx", sampleModel());
  CliRun r = runCli({"onnx", path, "--target", "ascend,dcu"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("IR version 8"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("opsets: ai.onnx 17 com.microsoft 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nodes: 5 (main graph 4, subgraphs 1, functions 0)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("parameters: 108 (216 B)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("float16"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ai.onnx:Softmax"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("com.microsoft:Attention"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("custom domain"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("subgraph net › branch › then_branch: 1 node(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ascend (Huawei Ascend)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("partition estimate ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("net › attention"), std::string::npos) << r.out;  // an unsupported node's path
}

TEST_F(OnnxCli, PlatformsWithoutAPublicListGetOneStatementAndAnInferredPathForPytorchModels) {
  Msg graph;
  graph.str(2, "net");
  graph.msg(11, valueInfo("x", 1, {1, 3, 8, 8}));
  graph.msg(5, rawTensor("w", 1, {4, 3, 3, 3}, 432));
  graph.msg(1, node("Conv", {"x", "w"}, {"c"}, "conv"));
  graph.msg(1, node("Relu", {"c"}, {"r"}, "relu"));
  graph.msg(1, node("Softmax", {"r"}, {"y"}, "softmax"));
  graph.msg(12, valueInfo("y", 1, {1, 4, 6, 6}));
  std::string fromTorch = write("torch.onnx", Msg().varint(1, 8).str(2, "pytorch").msg(8, opset("", 17)).msg(7, graph).bytes());
  std::string other = write("other.onnx", model(graph).bytes());
  for (const char* target : {"cambricon", "enflame"}) {
    CliRun r = runCli({"onnx", fromTorch, "--target", target});
    ASSERT_EQ(r.code, kOk) << r.err;
    EXPECT_NE(r.out.find("no public ONNX operator list exists for this platform's model converter, so none of the 3 "
                         "nodes can be answered from one"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("inferred from the model's PyTorch origin (confidence inferred)"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("net › relu"), std::string::npos) << r.out;  // no line per node
    CliRun o = runCli({"onnx", other, "--target", target});
    EXPECT_NE(o.out.find("no public ONNX operator list"), std::string::npos) << o.out;
    EXPECT_EQ(o.out.find("inferred"), std::string::npos) << o.out;
    EXPECT_EQ(o.out.find("net › "), std::string::npos) << o.out;
  }
  CliRun s = runCli({"onnx", other, "--target", "cambricon,dcu", "--split", (dir_ / "parts").string()});
  ASSERT_EQ(s.code, kOk) << s.err;
  EXPECT_NE(s.err.find("cambricon has no public ONNX operator list; no parts written"), std::string::npos) << s.err;
  EXPECT_NE(s.out.find("parts.dcu.accelerator.onnx: 3 main-graph node(s)"), std::string::npos) << s.out;
  EXPECT_TRUE(fs::exists(dir_ / "parts.dcu.fallback.onnx"));
}

TEST_F(OnnxCli, SummaryAsJson) {
  std::string path = write("net.onnx", sampleModel());
  CliRun r = runCli({"onnx", path, "--format", "json"});
  ASSERT_EQ(r.code, kOk) << r.err;
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(r.out);
  ASSERT_TRUE(bool(v)) << llvm::toString(v.takeError());
  const llvm::json::Object* o = v->getAsObject();
  ASSERT_TRUE(o);
  EXPECT_EQ(o->getInteger("ir_version"), 8);
  EXPECT_EQ(o->getObject("nodes")->getInteger("total"), 5);
  EXPECT_EQ(o->getObject("op_histogram")->getInteger("ai.onnx:Relu"), 1);
  EXPECT_EQ(o->getObject("since_versions")->getString("ai.onnx:Relu"), "14");
  EXPECT_EQ(o->getObject("parameters")->getObject("by_dtype")->getObject("float16")->getInteger("bytes"), 216);
  const llvm::json::Object* coverage = o->getObject("coverage");
  ASSERT_TRUE(coverage);
  EXPECT_TRUE(coverage->getObject("ascend"));
  EXPECT_TRUE(coverage->getObject("dcu"));
  EXPECT_TRUE(coverage->getObject("ascend")->getObject("partition"));
}

TEST_F(OnnxCli, BadModelsAreExitTwoWithFileAndOffset) {
  std::string model = sampleModel();
  std::string corrupted = model;
  corrupted[model.find("Relu") - 2] = '\x0f';  // the op_type tag becomes wire type 7
  std::vector<std::pair<std::string, std::string>> cases = {
      {"empty.onnx", ""},
      {"truncated.onnx", model.substr(0, model.size() - 7)},
      {"checkpoint.onnx", std::string("PK\x03\x04rest", 8)},
      {"deep.onnx", nestedIfModel(10000)},
      {"huge_length.onnx", Msg().varint(1, 8).lenHeader(7, std::uint64_t{1} << 62).raw("\x0a\x02\x08\x01").bytes()},
      {"corrupted.onnx", corrupted},
  };
  for (const auto& [name, bytes] : cases) {
    std::string path = write(name, bytes);
    CliRun r = runCli({"onnx", path});
    EXPECT_EQ(r.code, kUsageError) << name;
    EXPECT_NE(r.err.find(path + ": byte "), std::string::npos) << name << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << name;
  }
  CliRun missing = runCli({"onnx", (dir_ / "nope.onnx").string()});
  EXPECT_EQ(missing.code, kUsageError);
  EXPECT_NE(missing.err.find("nope.onnx: byte 0: cannot open"), std::string::npos) << missing.err;
  EXPECT_EQ(runCli({"onnx"}).code, kUsageError);
  EXPECT_EQ(runCli({"onnx", "a.onnx", "b.onnx"}).code, kUsageError);
  EXPECT_EQ(runCli({"onnx", "--help"}).code, kOk);
}

TEST_F(OnnxCli, MissingExternalDataIsExitTwoAfterTheSummary) {
  Msg graph = Msg().msg(5, externalTensor("w", 1, {1024}, "weights.bin", 0, 4096)).msg(1, node("Relu", {"w"}, {"y"}));
  std::string path = write("ext.onnx", model(graph).bytes());
  CliRun r = runCli({"onnx", path});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_NE(r.out.find("weights.bin: 1 tensor(s), needs 4.1 kB"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("ext.onnx: byte "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  write("weights.bin", std::string(4096, '\0'));
  EXPECT_EQ(runCli({"onnx", path}).code, kOk);
}

TEST_F(OnnxCli, ScanPicksUpModelsAndGoesOnPastBadOnes) {
  write("models/net.onnx", sampleModel());
  write("models/broken.onnx", sampleModel().substr(0, 40));
  CliRun r = runCli({"scan", dir_.string(), "--format", "json", "--target", "ascend"});
  ASSERT_EQ(r.code, kOk) << r.err;
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(r.out);
  ASSERT_TRUE(bool(v)) << llvm::toString(v.takeError());
  const llvm::json::Object* o = v->getAsObject();
  bool sawGraph = false, sawError = false;
  for (const llvm::json::Value& in : *o->getArray("inputs")) {
    const llvm::json::Object* i = in.getAsObject();
    if (i->getString("path") == "models/net.onnx") {
      sawGraph = true;
      EXPECT_EQ(i->getString("status"), "graph");
      EXPECT_EQ(i->getString("language"), "onnx");
    }
    if (i->getString("path") == "models/broken.onnx") {
      sawError = true;
      EXPECT_EQ(i->getString("status"), "error");
      EXPECT_TRUE(i->getString("message")->starts_with("models/broken.onnx: byte ")) << i->getString("message")->str();
    }
  }
  EXPECT_TRUE(sawGraph);
  EXPECT_TRUE(sawError);
  unsigned findings = 0;
  for (const llvm::json::Value& fv : *o->getArray("findings")) {
    const llvm::json::Object* f = fv.getAsObject();
    if (f->getString("file") != "models/net.onnx") continue;
    ++findings;
    EXPECT_EQ(f->getString("kind"), "onnx_op");
    EXPECT_EQ(f->getString("evidence"), "graph");
    EXPECT_TRUE(f->getString("context")->starts_with("net › ")) << f->getString("context")->str();
    EXPECT_TRUE(f->getObject("coverage")->getObject("ascend"));
    if (f->getString("symbol") == "onnx::Softmax")
      EXPECT_EQ(f->getString("context"), "net › branch › then_branch › softmax");
  }
  EXPECT_EQ(findings, 5u);
}

TEST_F(OnnxCli, FitFromAParameterCount) {
  CliRun r = runCli({"fit", "--params", "671e9", "--dtype", "fp8"});
  ASSERT_EQ(r.code, kOk) << r.err;
  // The acceptance figures, and the arithmetic behind them.
  EXPECT_NE(r.out.find("weights: 671e9 parameters x 1 byte (FP8) = 671 GB"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("total: 671 GB + 134.2 GB = 805.2 GB"), std::string::npos) << r.out;
  CliRun json = runCli({"fit", "--params", "671e9", "--dtype", "fp8", "--format", "json"});
  ASSERT_EQ(json.code, kOk) << json.err;
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(json.out);
  ASSERT_TRUE(bool(v)) << llvm::toString(v.takeError());
  bool sawH200 = false, saw910b = false;
  for (const llvm::json::Value& av : *v->getAsObject()->getArray("accelerators")) {
    const llvm::json::Object* a = av.getAsObject();
    std::string id = a->getString("id")->str();
    auto plan = [&](const char* precision) -> const llvm::json::Object* {
      for (const llvm::json::Value& pv : *a->getArray("plans"))
        if (pv.getAsObject()->getString("requested") == precision) return pv.getAsObject();
      return nullptr;
    };
    const llvm::json::Object* memory = a->getObject("memory_gb");
    if (id.find("h200") != std::string::npos && memory && memory->getNumber("max") == 141.0) {
      sawH200 = true;
      EXPECT_EQ(plan("FP8")->getString("effective"), "FP8");
      EXPECT_EQ(plan("FP8")->getObject("servers")->getInteger("min"), 1) << id;
    }
    if (id.find("910b") != std::string::npos && memory && memory->getNumber("min") == 64.0 &&
        memory->getNumber("max") == 64.0) {
      saw910b = true;
      EXPECT_EQ(plan("FP8")->getString("effective"), "BF16") << id;
      EXPECT_EQ(plan("FP8")->getObject("servers")->getInteger("min"), 4) << id;
      EXPECT_EQ(plan("BF16")->getObject("servers")->getInteger("min"), 4) << id;
      EXPECT_EQ(plan("W8A8")->getObject("servers")->getInteger("min"), 2) << id;
    }
  }
  EXPECT_TRUE(sawH200) << "opdb/hardware.yaml should list the H200 with 141 GB";
  EXPECT_TRUE(saw910b) << "opdb/hardware.yaml should list an Ascend 910B with 64 GB";
}

TEST_F(OnnxCli, FitFromAModelAndUsageErrors) {
  std::string path = write("net.onnx", sampleModel());
  CliRun r = runCli({"fit", path, "--precision", "fp16,w8a16"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("108 parameters"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FP16"), std::string::npos) << r.out;
  EXPECT_EQ(runCli({"fit"}).code, kUsageError);
  EXPECT_EQ(runCli({"fit", "--params", "lots"}).code, kUsageError);
  EXPECT_EQ(runCli({"fit", "--params", "7e9", "--dtype", "fp7"}).code, kUsageError);
  EXPECT_EQ(runCli({"fit", "--params", "7e9", "--precision", "int3"}).code, kUsageError);
  EXPECT_EQ(runCli({"fit", "--params", "7e9", "--hw", "no-such-card"}).code, kUsageError);
  EXPECT_EQ(runCli({"fit", path, "--params", "7e9"}).code, kUsageError);
  CliRun bad = runCli({"fit", write("bad.onnx", "garbage!")});
  EXPECT_EQ(bad.code, kUsageError);
  EXPECT_NE(bad.err.find("bad.onnx: byte "), std::string::npos) << bad.err;
  EXPECT_EQ(runCli({"fit", "--help"}).code, kOk);
}

}  // namespace
}  // namespace opscope::cli
