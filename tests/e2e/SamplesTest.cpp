// End to end: scan samples/cuda_app the way the README's demo does and check the JSON report.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;

const llvm::json::Object& report() {
  static llvm::json::Value value = test::runForJson({"scan", OPSCOPE_SOURCE_DIR "/samples/cuda_app"});
  return *value.getAsObject();
}

const llvm::json::Object* findFinding(const std::string& symbol, const std::string& file, int64_t line) {
  for (const llvm::json::Value& v : *report().getArray("findings")) {
    const llvm::json::Object& f = *v.getAsObject();
    if (f.getString("symbol") == symbol && f.getString("file") == file && f.getInteger("line") == line) return &f;
  }
  return nullptr;
}

TEST(SamplesScan, HeaderFields) {
  EXPECT_EQ(report().getString("schema"), "opscope-report/1");
  EXPECT_EQ(report().getObject("tool")->getString("version"), kToolVersion);
  std::set<std::string> targets;
  for (const auto& t : *report().getArray("targets")) targets.insert(t.getAsString()->str());
  EXPECT_EQ(targets, (std::set<std::string>{"ascend", "cambricon", "dcu", "enflame"}));
}

TEST(SamplesScan, EveryInputIsParsedSemanticallyWithRelativePaths) {
  std::set<std::string> paths;
  for (const auto& v : *report().getArray("inputs")) {
    const auto& in = *v.getAsObject();
    std::string path = in.getString("path")->str();
    paths.insert(path);
    EXPECT_FALSE(fs::path(path).is_absolute()) << path;
    EXPECT_EQ(in.getString("status"), "semantic") << path << ": " << in.getString("message")->str();
  }
  for (const char* p : {"src/main.cu", "src/vector_ops.cu", "src/softmax.cu", "src/gemm.cu", "src/host_utils.cpp",
                        "include/common.cuh"})
    EXPECT_TRUE(paths.count(p)) << p;
}

TEST(SamplesScan, FindingsCarryExactLocationsAndCoverage) {
  for (const auto& v : *report().getArray("findings")) {
    const auto& f = *v.getAsObject();
    EXPECT_GT(*f.getInteger("line"), 0);
    EXPECT_GT(*f.getInteger("column"), 0);
    EXPECT_FALSE(f.getString("file")->empty());
  }
  const auto* malloc = findFinding("cudaMalloc", "src/vector_ops.cu", 68);
  ASSERT_NE(malloc, nullptr);
  EXPECT_EQ(malloc->getInteger("column"), 16);
  EXPECT_EQ(malloc->getString("evidence"), "semantic");
  EXPECT_EQ(malloc->getString("library"), "cudart");
  EXPECT_EQ((*malloc->getArray("macro_chain"))[0].getAsString(), "CUDA_CHECK");
  const auto* cov = malloc->getObject("coverage");
  EXPECT_EQ(cov->getObject("dcu")->getString("target"), "hipMalloc");
  EXPECT_EQ(cov->getObject("ascend")->getString("target"), "aclrtMalloc");
  for (const char* p : {"ascend", "cambricon", "enflame", "dcu"}) EXPECT_NE(cov->getObject(p), nullptr) << p;

  const auto* kernel = findFinding("saxpy_kernel", "src/vector_ops.cu", 14);
  ASSERT_NE(kernel, nullptr);
  EXPECT_EQ(kernel->getString("kind"), "kernel");
  const auto* launch = findFinding("block_reduce_sum_kernel", "src/vector_ops.cu", 74);
  ASSERT_NE(launch, nullptr);
  EXPECT_EQ(launch->getString("kind"), "kernel_launch");
  const auto* sgemm = findFinding("cublasSgemm", "src/gemm.cu", 33);
  ASSERT_NE(sgemm, nullptr);
  EXPECT_EQ(sgemm->getString("library"), "cublas");
  // cuBLAS has a role map (issue 15): GEMM -> aclblasGemmEx, partial (no handle, per-operand types).
  EXPECT_EQ(sgemm->getObject("coverage")->getObject("ascend")->getString("status"), "partial");
  EXPECT_EQ(sgemm->getObject("coverage")->getObject("ascend")->getString("target"), "aclblasGemmEx");
  // The shared header's helpers are found once, though three units include it.
  unsigned cudaCheck = 0;
  for (const auto& v : *report().getArray("findings"))
    if (v.getAsObject()->getString("symbol") == "cudaGetErrorString" && v.getAsObject()->getString("file") == "include/common.cuh")
      ++cudaCheck;
  EXPECT_EQ(cudaCheck, 1u);
}

TEST(SamplesScan, SummaryPerPlatform) {
  const auto* summary = report().getObject("summary");
  ASSERT_NE(summary, nullptr);
  for (const char* p : {"ascend", "cambricon", "enflame", "dcu"}) {
    const auto* s = summary->getObject(p);
    ASSERT_NE(s, nullptr) << p;
    double pct = *s->getNumber("coverage_percent");
    EXPECT_GE(pct, 0.0);
    EXPECT_LE(pct, 100.0);
    const auto* by = s->getObject("by_status");
    int64_t total = 0;
    for (const char* st : {"native", "mapped", "partial", "emulated", "missing", "unknown"}) total += *by->getInteger(st);
    EXPECT_EQ(total, *s->getInteger("symbols")) << p;
  }
  // HIPIFY maps every runtime and cuBLAS call the sample makes.
  EXPECT_GT(*summary->getObject("dcu")->getNumber("coverage_percent"), 95.0);
}

}  // namespace
}  // namespace opscope::cli
