// The C/C++/CUDA step through the command line: compile databases (-p), --cuda-path fallback,
// and hazards reported with each platform's advice.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"
#include "llvm/Support/JSON.h"
#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;

using test::CliRun;
using test::runCli;
using test::writeFile;

fs::path tempDir() {
  fs::path d = test::freshTestDir("cudastep");
  fs::create_directories(d / "src");
  return d;
}

llvm::json::Array findingsOf(const fs::path& report) {
  llvm::json::Value doc = test::readJsonFile(report);
  const llvm::json::Array* findings = doc.getAsObject()->getArray("findings");
  return findings ? *findings : llvm::json::Array{};
}

const llvm::json::Object* findingOf(const llvm::json::Array& findings, const std::string& symbol) {
  for (const llvm::json::Value& v : findings)
    if (v.getAsObject()->getString("symbol") == symbol) return v.getAsObject();
  return nullptr;
}

TEST(CudaStep, CompileDatabaseFlagsAreUsedAndNvccFlagsNoted) {
  fs::path d = tempDir();
  // The call only exists when the database's -DUSE_GRAPHS is used.
  writeFile(d / "src/k.cu",
            "#include <cuda_runtime.h>\n"
            "void f(cudaStream_t s) {\n"
            "#ifdef USE_GRAPHS\n"
            "  cudaGraph_t g; cudaStreamEndCapture(s, &g);\n"
            "#endif\n"
            "}\n");
  writeFile(d / "compile_commands.json",
            "[{\"directory\": \"" + d.string() + "\", \"file\": \"src/k.cu\", \"command\": \"/usr/local/cuda/bin/nvcc "
            "-DUSE_GRAPHS -gencode arch=compute_80,code=sm_80 --expt-extended-lambda -Xcompiler -fPIC -x cu -c src/k.cu "
            "-o k.o\"}]\n");
  fs::path report = d / "r.json";
  CliRun r = runCli({"scan", "-p", (d / "compile_commands.json").string(), "--format", "json", "-o", report.string()});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.err.find("dropped: --expt-extended-lambda (nvcc-only)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("-gencode (nvcc-only)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("-x cu -> -x cuda"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 of 1 C/C++/CUDA files have a compile command"), std::string::npos) << r.err;
  llvm::json::Array findings = findingsOf(report);
  const llvm::json::Object* end = findingOf(findings, "cudaStreamEndCapture");
  ASSERT_NE(end, nullptr) << "the -D of the database was not used";
  EXPECT_EQ(end->getString("evidence").value_or("").str(), "semantic");
}

TEST(CudaStep, AnUnreadableDatabaseIsAUsageErrorNamingIt) {
  fs::path d = tempDir();
  writeFile(d / "compile_commands.json", "[{\"directory\": 3}");
  CliRun r = runCli({"scan", d.string(), "-p", (d / "compile_commands.json").string()});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_NE(r.err.find("compile_commands.json"), std::string::npos) << r.err;
}

TEST(CudaStep, AToolkitClangCannotUseFallsBackToTheShimsAndSaysSo) {
  fs::path d = tempDir();
  writeFile(d / "src/a.cu", "#include <cuda_runtime.h>\nvoid f(float* p) { cudaMalloc(&p, 4); }\n");
  fs::path report = d / "r.json";
  CliRun r = runCli({"scan", (d / "src").string(), "--cuda-path", (d / "no-cuda").string(), "--format", "json", "-o",
                     report.string()});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.err.find("no include/cuda_runtime.h there; scanning with the bundled CUDA declaration shims instead"),
            std::string::npos)
      << r.err;
  llvm::json::Array findings = findingsOf(report);
  const llvm::json::Object* malloc = findingOf(findings, "cudaMalloc");
  ASSERT_NE(malloc, nullptr);
  EXPECT_EQ(malloc->getString("evidence").value_or("").str(), "semantic");
}

TEST(CudaStep, HazardsCarryTheirRuleAndEachPlatformsAdvice) {
  fs::path d = tempDir();
  writeFile(d / "src/w.cu",
            "#include <cuda_runtime.h>\n"
            "__device__ float sum(float v) { return v + __shfl_down_sync(0xffffffff, v, 16); }\n");
  fs::path report = d / "r.json";
  ASSERT_EQ(runCli({"scan", (d / "src").string(), "--format", "json", "-o", report.string()}).code, kOk);
  llvm::json::Array findings = findingsOf(report);
  const llvm::json::Object* h = findingOf(findings, "warp-size-32");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->getString("kind").value_or("").str(), "hazard");
  EXPECT_EQ(h->getString("detail").value_or("").str(),
            "Code assumes a 32-lane warp: full 32-lane mask 0xffffffff passed to __shfl_down_sync");
  const llvm::json::Object* dcu = h->getObject("coverage")->getObject("dcu");
  ASSERT_NE(dcu, nullptr);
  EXPECT_EQ(dcu->getString("status").value_or("").str(), "partial");
  EXPECT_NE(dcu->getString("note")->find("64 lanes"), llvm::StringRef::npos);
  EXPECT_NE(dcu->getString("source")->find("HIP programming guide"), llvm::StringRef::npos);
  EXPECT_EQ(h->getObject("coverage")->getObject("ascend")->getString("status").value_or("").str(), "missing");
}

}  // namespace
}  // namespace opscope::cli
