// The gate on the report model: floors, new gaps against a baseline, hazards, suppressions.
#include <gtest/gtest.h>

#include "core/Gate.h"

namespace opscope {
namespace {

ReportFinding finding(std::string symbol, std::string file, unsigned line, std::map<PlatformId, CoverageStatus> st,
                      SymbolKind kind = SymbolKind::Function) {
  ReportFinding rf;
  rf.finding.symbol = Symbol{std::move(symbol), kind, "cudart"};
  rf.finding.location = Location{std::move(file), line, 3, line, 9, {}};
  for (auto& [p, s] : st) rf.coverage[p].status = s;
  return rf;
}

Report sampleReport() {
  Report r;
  r.targets = {Platform{"ascend", "Ascend", ""}, Platform{"dcu", "DCU", ""}};
  r.findings = {
      finding("cudaMalloc", "a.cu", 1, {{"ascend", CoverageStatus::Mapped}, {"dcu", CoverageStatus::Mapped}}),
      finding("cudaGraphLaunch", "a.cu", 2, {{"ascend", CoverageStatus::Unknown}, {"dcu", CoverageStatus::Mapped}}),
      finding("cudaGraphLaunch", "b.cu", 7, {{"ascend", CoverageStatus::Unknown}, {"dcu", CoverageStatus::Mapped}}),
      finding("cudaIpcGetMemHandle", "b.cu", 9, {{"ascend", CoverageStatus::Missing}, {"dcu", CoverageStatus::Missing}}),
      finding("warp-size-32", "k.cu", 4, {}, SymbolKind::Hazard),
  };
  r.finalize();
  return r;
}

const GateCondition& named(const std::vector<GateCondition>& cs, const std::string& name) {
  for (const GateCondition& c : cs)
    if (c.name == name) return c;
  static GateCondition none{"<none>", false, ""};
  ADD_FAILURE() << "no condition " << name;
  return none;
}

TEST(Gate, FloorsCompareCoveragePercent) {
  Report r = sampleReport();  // ascend: 1 of 3 symbols covered = 33.3%; dcu: 2 of 3 = 66.7%
  GatePolicy p;
  p.failUnder = {{"ascend", 30.0}, {"dcu", 70.0}, {"enflame", 10.0}};
  auto cs = evaluateGate(r, p, nullptr);
  ASSERT_EQ(cs.size(), 3u);
  EXPECT_FALSE(cs[0].failed) << cs[0].message;
  EXPECT_TRUE(cs[1].failed);
  EXPECT_EQ(cs[1].name, "fail-under dcu=70.0%");
  EXPECT_EQ(cs[1].message, "dcu coverage 66.7% is below 70.0%");
  EXPECT_TRUE(cs[2].failed);  // not a target of this scan
  EXPECT_NE(cs[2].message.find("not among the scan's targets"), std::string::npos);
}

TEST(Gate, MissingUnknownAndHazardConditions) {
  Report r = sampleReport();
  GatePolicy p;
  p.failOnMissing = p.failOnUnknown = p.failOnAnyHazard = true;
  p.failOnHazards = {"inline-ptx"};
  auto cs = evaluateGate(r, p, nullptr);
  EXPECT_TRUE(named(cs, "fail-on missing").failed);
  EXPECT_NE(named(cs, "fail-on missing").message.find("2 new"), std::string::npos);  // ascend and dcu
  EXPECT_TRUE(named(cs, "fail-on unknown").failed);
  EXPECT_NE(named(cs, "fail-on unknown").message.find("b.cu:7:3 cudaGraphLaunch (ascend)"), std::string::npos);
  EXPECT_TRUE(named(cs, "fail-on hazard").failed);
  EXPECT_FALSE(named(cs, "fail-on hazard:inline-ptx").failed);
}

TEST(Gate, BaselineCountsOnlyNewGaps) {
  Report r = sampleReport();
  Baseline known = collectGaps(r);
  EXPECT_EQ((known[Gap{"a.cu", "cudaGraphLaunch", SymbolKind::Function, "ascend", "unknown"}]), 1u);
  EXPECT_EQ((known[Gap{"k.cu", "warp-size-32", SymbolKind::Hazard, "*", "hazard"}]), 1u);
  GatePolicy p;
  p.failOnMissing = p.failOnUnknown = p.failOnAnyHazard = true;
  for (const GateCondition& c : evaluateGate(r, p, &known)) EXPECT_FALSE(c.failed) << c.name << ": " << c.message;
  // One more use of a known gap in the same file is new: the baseline counts occurrences.
  r.findings.push_back(finding("cudaGraphLaunch", "a.cu", 40, {{"ascend", CoverageStatus::Unknown}, {"dcu", CoverageStatus::Mapped}}));
  r.finalize();
  auto cs = evaluateGate(r, p, &known);
  EXPECT_TRUE(named(cs, "fail-on unknown").failed);
  EXPECT_NE(named(cs, "fail-on unknown").message.find("1 new"), std::string::npos);
  EXPECT_FALSE(named(cs, "fail-on missing").failed);
}

TEST(Gate, SuppressedFindingsNeverCount) {
  Report r = sampleReport();
  for (ReportFinding& rf : r.findings) rf.suppressed = rf.finding.symbol.name != "cudaMalloc";
  GatePolicy p;
  p.failOnMissing = p.failOnUnknown = p.failOnAnyHazard = true;
  for (const GateCondition& c : evaluateGate(r, p, nullptr)) EXPECT_FALSE(c.failed) << c.name;
  EXPECT_TRUE(collectGaps(r).empty());
}

}  // namespace
}  // namespace opscope
