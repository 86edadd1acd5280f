// `--split`: the accelerator and fallback parts load with libonnx's checker, hold every node once,
// and carry the initializers and crossing tensors they need.
#include <gtest/gtest.h>
#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "onnx/Coverage.h"
#include "onnx/DataTypes.h"
#include "onnx/Split.h"
#include "onnx/Types.h"
#include "tests/onnx/TestUtil.h"
#include "tests/onnx/WireWriter.h"

namespace opscope::onnx {
namespace {
using namespace testing;
namespace fs = std::filesystem;

class SoftmaxFallsBack : public OperatorCoverage {
 public:
  std::optional<OperatorAnswer> find(std::string_view, std::string_view, std::string_view opType) const override {
    OperatorAnswer a;
    a.coverage.status = opType == "Softmax" ? CoverageStatus::Missing : CoverageStatus::Native;
    return a;
  }
};

::onnx::ModelProto load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  ::onnx::ModelProto m;
  EXPECT_TRUE(m.ParseFromIstream(&in)) << path;
  return m;
}

TEST(Split, PartsPassTheCheckerAndAddUp) {
  Msg g;
  g.str(2, "net");
  g.msg(11, valueInfo("x", dtype::kFloat, {1, 4}));
  g.msg(5, rawTensor("w", dtype::kFloat, {1, 4}, 16));
  g.msg(5, rawTensor("shape", dtype::kInt64, {2}, 16));
  g.msg(1, node("Add", {"x", "w"}, {"a"}, "add"));
  g.msg(1, node("Identity", {"shape"}, {"shape_copy"}, "folded"));  // folds; read by reshape
  g.msg(1, node("Softmax", {"a"}, {"b"}, "softmax"));
  g.msg(1, node("Relu", {"b"}, {"c"}, "relu"));
  g.msg(1, node("Reshape", {"c", "shape_copy"}, {"y"}, "reshape"));
  g.msg(1, node("Softmax", {"y"}, {"z"}, "softmax2"));
  g.msg(12, valueInfo("z", dtype::kFloat, {1, 4}));
  for (const char* v : {"a", "b", "c", "y"}) g.msg(13, valueInfo(v, dtype::kFloat, {1, 4}));
  std::string bytes = model(g).bytes();

  fs::path dir = fs::temp_directory_path() / ("opscope-split-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string path = (dir / "net.onnx").string();
  std::ofstream(path, std::ios::binary) << bytes;
  ReadResult r = readModelFile(path);
  ASSERT_TRUE(std::holds_alternative<ModelInfo>(r));
  ModelInfo m = std::get<ModelInfo>(std::move(r));
  inferTypes(m);
  VersionTable t;
  for (const char* op : {"Add", "Identity", "Softmax", "Relu", "Reshape"}) t.add("", op, 13);
  std::vector<std::string> notes;
  std::vector<ResolvedOp> ops = resolveOperators(m, t, notes);
  PlatformCoverage pc = evaluateCoverage(m, ops, SoftmaxFallsBack(), "gpu");

  std::vector<bool> on = splitAssignment(m, pc);
  EXPECT_EQ(on, (std::vector<bool>{true, true, false, true, true, false}));
  SplitResult s = writeSplit(m, pc, (dir / "net").string());
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_EQ(s.accelerator.nodes + s.fallback.nodes, 6u);
  EXPECT_EQ(s.accelerator.inputs, (std::vector<std::string>{"x", "b"}));
  EXPECT_EQ(s.accelerator.outputs, (std::vector<std::string>{"a", "y"}));
  EXPECT_EQ(s.fallback.inputs, (std::vector<std::string>{"a", "y"}));
  EXPECT_EQ(s.fallback.outputs, (std::vector<std::string>{"z", "b"}));

  int total = 0;
  for (const SplitPart* part : {&s.accelerator, &s.fallback}) {
    ::onnx::ModelProto p = load(part->path);
    EXPECT_NO_THROW(::onnx::checker::check_model(p)) << part->path;
    total += p.graph().node_size();
  }
  EXPECT_EQ(total, 6);
  ::onnx::ModelProto accel = load(s.accelerator.path);
  ASSERT_EQ(accel.graph().initializer_size(), 2);  // w and shape, byte for byte
  EXPECT_EQ(accel.graph().initializer(0).name(), "w");
  EXPECT_EQ(accel.graph().initializer(0).raw_data().size(), 16u);
  EXPECT_EQ(accel.producer_name(), "opscope-tests");
  EXPECT_EQ(accel.graph().input(0).type().tensor_type().shape().dim_size(), 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace opscope::onnx
