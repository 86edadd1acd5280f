// Inline-expectation tests of the kernel roll-up (db/KernelRollUp.h): the CUDA frontend scans
// tests/db/inputs/kernel_rollup.cu, rollUpKernels judges its kernels against a small test opdb,
// and the VERDICT / DEVICE / HOST lines beside the code say exactly what must come out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "../cuda/ScanHarness.h"
#include "db/KernelRollUp.h"

namespace opscope::db {
namespace {

namespace fs = std::filesystem;
const fs::path kInput = fs::path(OPSCOPE_SOURCE_DIR) / "tests/db/inputs/kernel_rollup.cu";

// npu answers kernels (a rewrite language and one recognised computation); bare has no entry.
const char* kPlatforms = R"(opdb: 1
kind: platforms
version: "test"
platforms:
  - {id: npu, name: Test NPU, stack: test}
  - {id: bare, name: Bare, stack: none}
)";
const char* kKernels = R"(opdb: 1
kind: coverage
platform: npu
sources:
  - id: t
    title: kernel roll-up test data
    url: "https://example.org/"
    date: "2026-01-01"
    license: MIT
entries:
  - {symbol: cuda-kernel, status: missing, target: KernelLang, source: t, confidence: inferred, note: "rewrite it", kind: kernel, library: user}
  - {symbol: "cuda-kernel:softmax", status: partial, target: opSoftmax, source: t, confidence: inferred, note: "an operator", kind: kernel, library: user}
)";

const Database& testDb() {
  static const Database db = [] {
    Database d;
    std::vector<Diagnostic> diags;
    EXPECT_TRUE(d.addLayer("test", {{"platforms.yaml", kPlatforms}, {"npu/kernels.yaml", kKernels}}, diags));
    for (const Diagnostic& x : diags) ADD_FAILURE() << x.str();
    return d;
  }();
  return db;
}

Report rolledUpReport() {
  cuda::ScanOptions options = cuda::testing::optionsWithRules(kInput.parent_path().string());
  options.jobs = 1;
  cuda::ScanResult scanned = cuda::scan({cuda::TranslationUnit{kInput.string(), {}}}, cuda::testing::testCatalog(), options);
  Report report;
  report.targets = testDb().platforms();
  for (Finding& f : scanned.findings) {
    ReportFinding rf;
    if (!isInventoryKind(f.symbol.kind))
      for (const Platform& p : report.targets) rf.coverage[p.id] = testDb().lookup(p.id, f.symbol.name);
    rf.finding = std::move(f);
    report.findings.push_back(std::move(rf));
  }
  rollUpKernels(report, testDb());
  report.finalize();
  return report;
}

const Report& report() {
  static const Report r = rolledUpReport();
  return r;
}

std::string field(const std::string& line, const std::string& key) {
  auto at = line.find(" " + key + "=");
  if (at == std::string::npos) return "<absent>";
  at += key.size() + 2;
  auto end = line.find(' ', at);
  // computes= may hold spaces ("layer norm backward"): it runs up to the next key.
  if (key == "computes") end = line.find(" lines=", at);
  return line.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string describeVerdict(const KernelVerdict& v) {
  std::string s(toString(v.status));
  if (!v.target.empty()) s += ":" + v.target;
  if (!v.effort.empty()) s += "/" + v.effort;
  return s;
}

TEST(KernelRollUp, InlineExpectations) {
  std::ifstream in(kInput);
  std::string line;
  unsigned lineNo = 0, verdicts = 0, marks = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.rfind("// VERDICT: ", 0) == 0) {
      ++verdicts;
      std::string name = line.substr(12, line.find(' ', 12) - 12);
      auto k = std::find_if(report().kernels.begin(), report().kernels.end(),
                            [&](const KernelReport& x) { return x.name == name; });
      ASSERT_NE(k, report().kernels.end()) << "line " << lineNo << ": no kernel " << name;
      EXPECT_EQ(k->location.line, lineNo - 1) << name;
      EXPECT_EQ(k->computes, field(line, "computes")) << name;
      EXPECT_EQ(std::to_string(k->lines), field(line, "lines")) << name;
      std::string hazards;
      for (const std::string& h : k->hazards) hazards += (hazards.empty() ? "" : ",") + h;
      EXPECT_EQ(hazards, field(line, "hazards")) << name;
      EXPECT_EQ(std::to_string(k->deviceCalls), field(line, "calls")) << name;
      for (const Platform& p : report().targets) {
        auto v = k->verdicts.find(p.id);
        ASSERT_NE(v, k->verdicts.end()) << name << " " << p.id;
        EXPECT_EQ(describeVerdict(v->second), field(line, p.id)) << name << " " << p.id;
        EXPECT_FALSE(v->second.reason.empty());
      }
      continue;
    }
    bool device = line.rfind("// DEVICE: ", 0) == 0, host = line.rfind("// HOST: ", 0) == 0;
    if (!device && !host) continue;
    ++marks;
    std::istringstream words(line.substr(device ? 11 : 9));
    std::string symbol, in_, function;
    words >> symbol >> in_ >> function;
    unsigned found = 0;
    for (const ReportFinding& rf : report().findings)
      if (rf.finding.location.line == lineNo - 1 && rf.finding.symbol.name == symbol) {
        ++found;
        EXPECT_EQ(rf.deviceCode, device ? function : "") << "line " << lineNo - 1 << " " << symbol;
      }
    EXPECT_EQ(found, 1u) << "line " << lineNo - 1 << ": " << symbol;
  }
  EXPECT_EQ(verdicts, report().kernels.size()) << "every kernel has a VERDICT line";
  EXPECT_GT(marks, 0u);
}

TEST(KernelRollUp, TheHeadlineCountsKernelsNotTheirDeviceCalls) {
  const PlatformSummary& npu = report().summaries.at("npu");
  // Three kernels (one partial, two missing) and cudaMalloc; the device calls are not counted.
  EXPECT_EQ(npu.findingsByStatus.at(CoverageStatus::Partial), 1u);
  EXPECT_EQ(npu.findingsByStatus.at(CoverageStatus::Missing), 2u);
  EXPECT_EQ(npu.findingsByStatus.at(CoverageStatus::Unknown), 1u);  // cudaMalloc: no entry
  const PlatformSummary& bare = report().summaries.at("bare");
  EXPECT_EQ(bare.findingsByStatus.at(CoverageStatus::Unknown), 4u);
}

TEST(KernelRollUp, RunningItAgainGivesTheSameResult) {
  Report again = report();
  rollUpKernels(again, testDb());
  again.finalize();
  ASSERT_EQ(again.kernels.size(), report().kernels.size());
  for (size_t i = 0; i < again.kernels.size(); ++i) {
    EXPECT_EQ(again.kernels[i].deviceCalls, report().kernels[i].deviceCalls);
    EXPECT_EQ(again.kernels[i].hazards, report().kernels[i].hazards);
  }
}

TEST(KernelRollUp, RecognisesComputationsAndClassesEffort) {
  EXPECT_EQ(recogniseKernel("fused_classifier_kernel3"), "cross-entropy");
  EXPECT_EQ(recogniseKernel("softmax_autoregressive_backward_kernel"), "softmax backward");
  EXPECT_EQ(recogniseKernel("matmul_backward_bias_kernel"), "reduction");
  EXPECT_EQ(recogniseKernel("adamw_kernel2"), "AdamW");
  EXPECT_EQ(recogniseKernel("gelu_forward_kernel"), "GELU");
  EXPECT_EQ(recogniseKernel("copy_and_cast_kernel"), "data type cast");
  EXPECT_EQ(recogniseKernel("histogram"), "");
  EXPECT_EQ(kernelEffort(10, 0), "trivial");
  EXPECT_EQ(kernelEffort(11, 0), "low");
  EXPECT_EQ(kernelEffort(100, 0), "medium");
  EXPECT_EQ(kernelEffort(101, 0), "high");
  EXPECT_EQ(kernelEffort(20, 1), "medium");
  EXPECT_EQ(kernelEffort(200, 3), "high");
}

}  // namespace
}  // namespace opscope::db
