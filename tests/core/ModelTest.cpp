#include <gtest/gtest.h>

#include "core/Model.h"
#include "core/SymbolCatalog.h"

namespace opscope {
namespace {

TEST(Enums, TextNamesRoundTrip) {
  for (CoverageStatus s : kAllStatuses) EXPECT_EQ(parseCoverageStatus(toString(s)), s);
  for (Confidence c : {Confidence::Official, Confidence::Derived, Confidence::ThirdParty, Confidence::Inferred})
    EXPECT_EQ(parseConfidence(toString(c)), c);
  for (Evidence e : {Evidence::Semantic, Evidence::Lexical, Evidence::Graph}) EXPECT_EQ(parseEvidence(toString(e)), e);
  EXPECT_EQ(toString(Confidence::ThirdParty), "third-party");
  EXPECT_EQ(toString(SymbolKind::EnumValue), "enum_value");
  EXPECT_FALSE(parseCoverageStatus("supported"));
  EXPECT_FALSE(parseSymbolKind("Function"));
}

ReportFinding finding(std::string name, std::string file, unsigned line, std::map<PlatformId, CoverageStatus> st,
                      SymbolKind kind = SymbolKind::Function) {
  ReportFinding rf;
  rf.finding.symbol = Symbol{std::move(name), kind, "cudart"};
  rf.finding.location.file = std::move(file);
  rf.finding.location.line = line;
  rf.finding.location.column = 1;
  for (auto& [p, s] : st) rf.coverage[p].status = s;
  return rf;
}

TEST(Summary, CountsDistinctSymbolsAndKeepsUnknownInTheDenominator) {
  std::vector<ReportFinding> fs = {
      finding("cudaMalloc", "a.cu", 1, {{"x", CoverageStatus::Mapped}}),
      finding("cudaMalloc", "a.cu", 9, {{"x", CoverageStatus::Mapped}}),
      finding("cudaFoo", "a.cu", 3, {{"x", CoverageStatus::Unknown}}),
      finding("cudaBar", "b.cu", 3, {{"x", CoverageStatus::Missing}}),
      finding("cudaPart", "b.cu", 4, {{"x", CoverageStatus::Partial}}),
      finding("myKernel", "b.cu", 5, {}, SymbolKind::Kernel),  // inventory: not counted
  };
  PlatformSummary s = summarize(fs, "x");
  EXPECT_EQ(s.symbols, 4u);
  EXPECT_EQ(s.symbolsByStatus[CoverageStatus::Mapped], 1u);
  EXPECT_EQ(s.findingsByStatus[CoverageStatus::Mapped], 2u);
  EXPECT_EQ(s.symbolsByStatus[CoverageStatus::Unknown], 1u);
  EXPECT_DOUBLE_EQ(s.coveragePercent, 50.0);  // mapped + partial of 4
}

TEST(Summary, PlatformWithoutAnswersIsAllUnknown) {
  PlatformSummary s = summarize({finding("cudaMalloc", "a.cu", 1, {})}, "y");
  EXPECT_EQ(s.symbolsByStatus[CoverageStatus::Unknown], 1u);
  EXPECT_DOUBLE_EQ(s.coveragePercent, 0.0);
}

TEST(Report, FinalizeOrdersFindingsByLocationAndSummarisesEveryTarget) {
  Report r;
  r.targets = {Platform{"x", "X", ""}, Platform{"y", "Y", ""}};
  r.findings = {finding("b", "b.cu", 2, {}), finding("a", "b.cu", 1, {}), finding("z", "a.cu", 7, {})};
  r.finalize();
  ASSERT_EQ(r.findings.size(), 3u);
  EXPECT_EQ(r.findings[0].finding.symbol.name, "z");
  EXPECT_EQ(r.findings[1].finding.symbol.name, "a");
  EXPECT_EQ(r.summaries.size(), 2u);
}

TEST(SymbolCatalog, CudaNamespaceNames) {
  for (const char* n : {"cudaMalloc", "cuMemAlloc", "CUstream", "cublasSgemm", "cudnnCreate", "ncclAllReduce",
                        "CUBLAS_OP_N", "cufftExecC2C", "curandCreateGenerator", "nvrtcCompileProgram"})
    EXPECT_TRUE(looksLikeCudaName(n)) << n;
  for (const char* n : {"cube", "current", "cuda", "cudaphile_x", "CUSTOM", "culture", "main", "nccl"})
    EXPECT_FALSE(looksLikeCudaName(n)) << n;
  EXPECT_EQ(libraryFromPrefix("cublasLtMatmul"), "cublasLt");
  EXPECT_EQ(libraryFromPrefix("cudaMalloc"), "cudart");
  EXPECT_EQ(libraryFromPrefix("cuMemAlloc"), "cuda_driver");
}

}  // namespace
}  // namespace opscope
