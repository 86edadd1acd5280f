// The porting plan's arithmetic on a small tree: a CUDA file, a training script and two build
// files, as the frontends report them, classed on a HIP-compatible platform and on an NPU.
#include "core/Plan.h"

#include <gtest/gtest.h>

#include "core/Model.h"

namespace opscope {
namespace {

ReportFinding finding(std::string name, SymbolKind kind, std::string library, std::string file, unsigned line,
                      std::map<PlatformId, CoverageStatus> status, std::string detail = "") {
  ReportFinding rf;
  rf.finding.symbol = {std::move(name), kind, std::move(library)};
  rf.finding.location.file = std::move(file);
  rf.finding.location.line = line;
  rf.finding.location.column = 1;
  rf.finding.detail = std::move(detail);
  for (const auto& [p, s] : status) {
    Coverage c;
    c.status = s;
    if (s != CoverageStatus::Unknown) c.confidence = Confidence::Official;
    rf.coverage[p] = c;
  }
  return rf;
}

EffortProfile profile(std::string id, PlatformId platform, bool hipLike) {
  EffortProfile p;
  p.id = std::move(id);
  p.platforms = {std::move(platform)};
  p.rewritesApiNames = p.kernelsCompile = p.missingGetsShim = hipLike;
  if (!hipLike) p.redesignLibraries = {"cublasLt", "torch"};
  const std::map<std::string, double> values = {
      {"setup_lines", 10},          {"assisted_lines_per_line", 1},  {"partial_lines_per_site", 0.5},
      {"shim_lines_per_symbol", 5}, {"kernel_rewrite_lines_per_kernel_line", 2},
      {"kernel_rewrite_lines_unsized", 40}, {"launch_lines_per_site", 3}, {"library_redesign_lines_per_site", 12},
      {"hazard_review_lines_per_site", 4}, {"lines_per_day_low", 10}, {"lines_per_day_high", 40},
      {"build_lines_per_file", 6},  {"build_lines_per_site", 2}};
  for (std::string_view wid : kEffortWeightIds) p.weights[std::string(wid)] = {values.at(std::string(wid)), "test", "test"};
  return p;
}

/// kernels.cu, train.py, setup.py and a Makefile, as the CUDA, Python and build-file scans would
/// report them.
Report smallTree() {
  using S = CoverageStatus;
  using K = SymbolKind;
  Report r;
  r.targets = {{"dcu", "Hygon DCU", ""}, {"ascend", "Huawei Ascend", ""}};
  auto f = [&](auto... args) { r.findings.push_back(finding(args...)); };
  f("cudaMalloc", K::Function, "cudart", "kernels.cu", 3, std::map<PlatformId, S>{{"dcu", S::Mapped}, {"ascend", S::Mapped}});
  f("cudaMemcpy", K::Function, "cudart", "kernels.cu", 4, std::map<PlatformId, S>{{"dcu", S::Mapped}, {"ascend", S::Mapped}});
  f("scale", K::Kernel, "user", "kernels.cu", 8, std::map<PlatformId, S>{}, "lines=12");
  f("__stcs", K::Intrinsic, "device_intrinsics", "kernels.cu", 10, std::map<PlatformId, S>{{"dcu", S::Missing}, {"ascend", S::Unknown}});
  f("__stcs", K::Intrinsic, "device_intrinsics", "kernels.cu", 11, std::map<PlatformId, S>{{"dcu", S::Missing}, {"ascend", S::Unknown}});
  f("warp-size-32", K::Hazard, "hazard", "kernels.cu", 12, std::map<PlatformId, S>{{"dcu", S::Partial}, {"ascend", S::Missing}});
  f("scale", K::KernelLaunch, "user", "kernels.cu", 20, std::map<PlatformId, S>{});
  f("cublasLtMatmul", K::Function, "cublasLt", "kernels.cu", 30, std::map<PlatformId, S>{{"dcu", S::Unknown}, {"ascend", S::Missing}});
  f("cudaMallocManaged", K::Function, "cudart", "kernels.cu", 40, std::map<PlatformId, S>{{"dcu", S::Mapped}, {"ascend", S::Missing}});
  f("torch.Tensor.cuda", K::TorchApi, "torch", "train.py", 5, std::map<PlatformId, S>{{"dcu", S::Native}, {"ascend", S::Partial}});
  f("torch.nn.DataParallel", K::TorchApi, "torch", "train.py", 6, std::map<PlatformId, S>{{"dcu", S::Native}, {"ascend", S::Missing}});
  // Build settings: two on one setup.py line are one edit; each build file carries its block once.
  f("cuda-toolkit-lookup", K::BuildSetting, "build", "setup.py", 21, std::map<PlatformId, S>{});
  f("cuda-arch-flags", K::BuildSetting, "build", "setup.py", 104, std::map<PlatformId, S>{});
  f("nvcc-invocation", K::BuildSetting, "build", "setup.py", 104, std::map<PlatformId, S>{});
  f("nvcc-invocation", K::BuildSetting, "build", "Makefile", 3, std::map<PlatformId, S>{});
  f("onnx::Gelu", K::OnnxOp, "onnx", "model.onnx", 1, std::map<PlatformId, S>{{"dcu", S::Missing}, {"ascend", S::Missing}});
  r.findings.push_back(finding("cudaFree", K::Function, "cudart", "kernels.cu", 50, {{"dcu", S::Unknown}, {"ascend", S::Unknown}}));
  r.findings.back().suppressed = true;
  Suggestion edit;  // the Python rewrite's .cuda() -> .npu()
  edit.platform = "ascend";
  edit.file = "train.py";
  edit.line = 5;
  edit.length = 4;
  edit.replacement = "npu";
  r.suggestions.push_back(edit);
  r.effort = EffortModel{"test.yaml", {profile("hip", "dcu", true), profile("npu", "ascend", false)}};
  r.finalize();
  return r;
}

TEST(Plan, HipCompatiblePlatform) {
  Report r = smallTree();
  const PortingPlan& p = r.plans.at("dcu");
  EXPECT_EQ(p.profile, "hip");
  ASSERT_EQ(p.sites.size(), 15u) << "the ONNX operator and the suppressed finding are not sites";
  EXPECT_EQ(p.classes.at(PlanClass::Automatic).sites, 7u);  // renames, the kernel, its launch, torch
  EXPECT_EQ(p.classes.at(PlanClass::Assisted).sites, 0u);
  EXPECT_EQ(p.classes.at(PlanClass::Manual).sites, 7u);
  EXPECT_EQ(p.classes.at(PlanClass::Manual).lines, 6u);
  EXPECT_EQ(p.manualBySubclass.at("build-system").sites, 4u);
  EXPECT_EQ(p.manualBySubclass.at("build-system").lines, 3u);
  EXPECT_DOUBLE_EQ(p.manualBySubclass.at("build-system").estimatedLines, 2 * 6 + 3 * 2) << "per file, per distinct line";
  EXPECT_EQ(p.classes.at(PlanClass::Blocked).sites, 0u);
  EXPECT_EQ(p.classes.at(PlanClass::Unknown).sites, 1u);
  EXPECT_EQ(p.manualBySubclass.at("compat-shim").sites, 2u);
  EXPECT_DOUBLE_EQ(p.manualBySubclass.at("compat-shim").estimatedLines, 5) << "one shim per missing name";
  EXPECT_DOUBLE_EQ(p.manualBySubclass.at("hazard-review").estimatedLines, 4);
  EXPECT_DOUBLE_EQ(p.setupLines, 10);
  EXPECT_DOUBLE_EQ(p.manualLines, 37);  // 10 + 5 + 4 + 18; the unknown cuBLASLt call is not costed
  EXPECT_DOUBLE_EQ(p.effortDaysLow, 37.0 / 40);
  EXPECT_DOUBLE_EQ(p.effortDaysHigh, 3.7);
  EXPECT_DOUBLE_EQ(p.automaticShare, 7.0 / 15);
}

TEST(Plan, NpuPlatform) {
  Report r = smallTree();
  const PortingPlan& p = r.plans.at("ascend");
  ASSERT_EQ(p.sites.size(), 15u);
  EXPECT_EQ(p.classes.at(PlanClass::Automatic).sites, 1u);  // the edited .cuda()
  EXPECT_EQ(p.classes.at(PlanClass::Assisted).sites, 2u);   // runtime calls with a named equivalent
  EXPECT_DOUBLE_EQ(p.classes.at(PlanClass::Assisted).estimatedLines, 2);
  EXPECT_EQ(p.classes.at(PlanClass::Manual).sites, 9u);
  EXPECT_DOUBLE_EQ(p.manualBySubclass.at("kernel-rewrite").estimatedLines, 12 * 2 + 3);
  EXPECT_DOUBLE_EQ(p.manualBySubclass.at("build-system").estimatedLines, 18) << "the build is redone on every platform";
  EXPECT_EQ(p.manualBySubclass.at("library-redesign").sites, 2u);  // cuBLASLt and DataParallel
  EXPECT_DOUBLE_EQ(p.manualBySubclass.at("library-redesign").estimatedLines, 24);
  EXPECT_DOUBLE_EQ(p.manualBySubclass.at("hazard-review").estimatedLines, 4);
  EXPECT_EQ(p.classes.at(PlanClass::Blocked).sites, 1u);  // managed memory: missing, no workaround
  EXPECT_EQ(p.classes.at(PlanClass::Unknown).sites, 2u);
  EXPECT_EQ(p.classes.at(PlanClass::Unknown).lines, 2u);
  EXPECT_DOUBLE_EQ(p.manualLines, 10 + 2 + 55 + 18);
  EXPECT_DOUBLE_EQ(p.effortDaysLow, 85.0 / 40);
  EXPECT_DOUBLE_EQ(p.effortDaysHigh, 8.5);
}

TEST(Plan, MissingStructMemberIsRewrittenByHandNotShimmed) {
  Report r;
  r.targets = {{"dcu", "", ""}};
  r.findings.push_back(finding("cudaDeviceProp::unifiedAddressing", SymbolKind::Field, "cudart", "a.cu", 7,
                               {{"dcu", CoverageStatus::Missing}}));
  r.findings.push_back(finding("cudaDeviceProp::major", SymbolKind::Field, "cudart", "a.cu", 8, {{"dcu", CoverageStatus::Native}}));
  r.effort = EffortModel{"t", {profile("hip", "dcu", true)}};
  r.finalize();
  const PortingPlan& p = r.plans.at("dcu");
  EXPECT_EQ(p.classes.at(PlanClass::Automatic).sites, 1u);
  ASSERT_TRUE(p.manualBySubclass.count("struct-member"));
  EXPECT_EQ(p.manualBySubclass.at("struct-member").sites, 1u);
  EXPECT_FALSE(p.manualBySubclass.count("compat-shim")) << "no header can add a member to HIP's struct";
}

TEST(Plan, NpuStructMembersMissingAreRewrittenByHandMappedAreNamed) {
  // Ascend has no device-property struct (every cudaDeviceProp member missing); Enflame's
  // topsDeviceProp_t declares unifiedAddressing (mapped) but no warpSize (missing).
  Report r;
  r.targets = {{"ascend", "", ""}, {"enflame", "", ""}};
  r.findings.push_back(finding("cudaDeviceProp::unifiedAddressing", SymbolKind::Field, "cudart", "a.cu", 7,
                               {{"ascend", CoverageStatus::Missing}, {"enflame", CoverageStatus::Mapped}}));
  r.findings.push_back(finding("cudaDeviceProp::warpSize", SymbolKind::Field, "cudart", "a.cu", 9,
                               {{"ascend", CoverageStatus::Missing}, {"enflame", CoverageStatus::Missing}}));
  EffortProfile npu = profile("npu", "ascend", false);
  npu.platforms.push_back("enflame");
  r.effort = EffortModel{"t", {npu}};
  r.finalize();
  const PortingPlan& ascend = r.plans.at("ascend");
  ASSERT_TRUE(ascend.manualBySubclass.count("struct-member"));
  EXPECT_EQ(ascend.manualBySubclass.at("struct-member").sites, 2u);
  EXPECT_FALSE(ascend.classes.count(PlanClass::Blocked) && ascend.classes.at(PlanClass::Blocked).sites)
      << "a missing member is rewritten by hand (aclrtGetDeviceInfo), not a block";
  const PortingPlan& enflame = r.plans.at("enflame");
  ASSERT_TRUE(enflame.manualBySubclass.count("struct-member"));
  EXPECT_EQ(enflame.manualBySubclass.at("struct-member").sites, 1u);
  EXPECT_EQ(enflame.classes.at(PlanClass::Assisted).sites, 1u) << "topsDeviceProp_t::unifiedAddressing is named";
}

TEST(Plan, AssistedNamesOnOneLineAreOneEdit) {
  Report r;
  r.targets = {{"ascend", "", ""}};
  r.findings.push_back(finding("cudaMemcpy", SymbolKind::Function, "cudart", "a.cu", 7, {{"ascend", CoverageStatus::Mapped}}));
  r.findings.push_back(finding("cudaMemcpyHostToDevice", SymbolKind::EnumValue, "cudart", "a.cu", 7, {{"ascend", CoverageStatus::Mapped}}));
  r.effort = EffortModel{"t", {profile("npu", "ascend", false)}};
  r.finalize();
  const PortingPlan& p = r.plans.at("ascend");
  EXPECT_EQ(p.classes.at(PlanClass::Assisted).sites, 2u);
  EXPECT_EQ(p.classes.at(PlanClass::Assisted).lines, 1u);
  EXPECT_DOUBLE_EQ(p.classes.at(PlanClass::Assisted).estimatedLines, 1);
}

TEST(Plan, HazardsInARewrittenKernelAndTwiceOnALine) {
  using S = CoverageStatus;
  Report r;
  r.targets = {{"dcu", "", ""}, {"ascend", "", ""}};
  r.findings.push_back(finding("reduce", SymbolKind::Kernel, "user", "k.cu", 3, {}, "lines=10"));
  for (int twice = 0; twice < 2; ++twice) {  // two checks (mask literal, lane math) on one line
    r.findings.push_back(finding("warp-size-32", SymbolKind::Hazard, "hazard", "k.cu", 5, {{"dcu", S::Partial}, {"ascend", S::Missing}}));
    r.findings.back().finding.context = "reduce";
    r.findings.back().finding.location.column = 10 + twice;
  }
  r.effort = EffortModel{"t", {profile("hip", "dcu", true), profile("npu", "ascend", false)}};
  r.finalize();
  const PortingPlan& dcu = r.plans.at("dcu");
  EXPECT_EQ(dcu.manualBySubclass.at("hazard-review").sites, 2u);
  EXPECT_DOUBLE_EQ(dcu.manualBySubclass.at("hazard-review").estimatedLines, 4) << "one review per line and hazard";
  const PortingPlan& npu = r.plans.at("ascend");
  EXPECT_EQ(npu.manualBySubclass.count("hazard-review"), 0u) << "the kernel is rewritten anyway";
  EXPECT_EQ(npu.manualBySubclass.at("kernel-rewrite").sites, 3u);
  EXPECT_DOUBLE_EQ(npu.manualBySubclass.at("kernel-rewrite").estimatedLines, 20);
}

TEST(Plan, NoWeightsNoPlanAndNoSitesNoSetup) {
  Report r = smallTree();
  r.effort.reset();
  r.finalize();
  EXPECT_TRUE(r.plans.empty());
  Report empty;
  empty.targets = {{"dcu", "", ""}};
  empty.effort = EffortModel{"t", {profile("hip", "dcu", true)}};
  empty.finalize();
  EXPECT_DOUBLE_EQ(empty.plans.at("dcu").manualLines, 0);
  EXPECT_DOUBLE_EQ(empty.plans.at("dcu").effortDaysHigh, 0);
}

TEST(Plan, ClassNamesRoundTrip) {
  for (PlanClass c : kAllPlanClasses) EXPECT_EQ(parsePlanClass(toString(c)), c);
  EXPECT_FALSE(parsePlanClass("easy"));
}

}  // namespace
}  // namespace opscope
