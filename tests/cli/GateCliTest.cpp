// The gate, formats, suppressions, project config and scale-out, through the command line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"
#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;

using test::CliRun;
using test::runCli;
using test::slurp;

/// A small project in a fresh directory: one file with a mapped call, one with a call no source
/// covers on Ascend, and a suppressed one.
class Project : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = test::freshTestDir("gate");
    fs::create_directories(dir / "src");
    write("src/a.cu",
          "#include <cuda_runtime.h>\n"
          "void f(float* p) {\n"
          "  cudaMalloc(&p, 4);\n"
          "  cudaStreamBeginCapture(0, cudaStreamCaptureModeGlobal);\n"
          "}\n");
    write("src/b.cu",
          "#include <cuda_runtime.h>\n"
          "void g() {\n"
          "  // opscope-ignore[cudaDeviceReset]\n"
          "  cudaDeviceReset();\n"
          "  cudaProfilerStart();  // opscope-ignore\n"
          "}\n");
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& rel, const std::string& text) { test::writeFile(dir / rel, text); }
  std::string path(const std::string& rel = "") const { return rel.empty() ? dir.string() : (dir / rel).string(); }
  fs::path dir;
};

TEST_F(Project, FailUnderPassesAndFailsWithOneLinePerCondition) {
  CliRun ok = runCli({"scan", path(), "--fail-under", "dcu=50"});
  EXPECT_EQ(ok.code, kOk) << ok.err;
  CliRun bad = runCli({"scan", path(), "--fail-under", "ascend=99.5", "--fail-under", "dcu=50", "--fail-on", "unknown"});
  EXPECT_EQ(bad.code, kGateFailed);
  EXPECT_NE(bad.err.find("opscope: gate failed: fail-under ascend=99.5%: ascend coverage"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.err.find("fail-under dcu"), std::string::npos) << "only failed conditions are printed";
  EXPECT_NE(bad.err.find("opscope: gate failed: fail-on unknown:"), std::string::npos) << bad.err;
  EXPECT_EQ(runCli({"scan", path(), "--fail-under", "ascend"}).code, kUsageError);
  EXPECT_EQ(runCli({"scan", path(), "--fail-on", "everything"}).code, kUsageError);
}

TEST_F(Project, BaselineLetsKnownGapsPassAndCatchesNewOnes) {
  std::string baseline = path("baseline.json");
  EXPECT_EQ(runCli({"scan", path(), "--fail-on", "unknown", "--fail-on", "missing"}).code, kGateFailed);
  CliRun update = runCli({"scan", path(), "--fail-on", "unknown", "--fail-on", "missing", "--baseline", baseline, "--update-baseline"});
  EXPECT_EQ(update.code, kOk) << update.err;
  EXPECT_NE(slurp(baseline).find("\"schema\": \"opscope-baseline/1\""), std::string::npos);
  EXPECT_EQ(runCli({"scan", path(), "--fail-on", "unknown", "--baseline", baseline}).code, kOk);
  write("src/c.cu", "#include <cuda_runtime.h>\nvoid h() { cudaStreamBeginCapture(0, cudaStreamCaptureModeGlobal); }\n");
  CliRun fresh = runCli({"scan", path(), "--fail-on", "unknown", "--baseline", baseline});
  EXPECT_EQ(fresh.code, kGateFailed);
  EXPECT_NE(fresh.err.find("src/c.cu:2:12 cudaStreamBeginCapture"), std::string::npos) << fresh.err;
  EXPECT_EQ(runCli({"scan", path(), "--update-baseline"}).code, kUsageError);  // needs --baseline
}

TEST_F(Project, SuppressionsAreMarkedAndNotGated) {
  CliRun r = runCli({"scan", path("src/b.cu"), "--format", "json"});
  ASSERT_EQ(r.code, kOk) << r.err;
  size_t reset = r.out.find("\"symbol\": \"cudaDeviceReset\"");
  size_t profiler = r.out.find("\"symbol\": \"cudaProfilerStart\"");
  ASSERT_NE(reset, std::string::npos);
  ASSERT_NE(profiler, std::string::npos);
  EXPECT_NE(r.out.find("\"suppressed\": true", reset), std::string::npos);
  EXPECT_NE(r.out.find("\"suppressed\": true", profiler), std::string::npos);
}

TEST_F(Project, ProjectConfigSetsTargetsThresholdsAndExcludes) {
  write(".opscope.yaml", "targets: [dcu]\nfail_under: {dcu: 99}\nexclude: [\"src/a.cu\"]\n");
  CliRun r = runCli({"scan", path(), "--format", "json"});
  EXPECT_EQ(r.code, kOk) << r.err;  // src/a.cu (the only file dcu cannot fully cover) is excluded
  EXPECT_NE(r.out.find("\"targets\": [\n    \"dcu\"\n  ]"), std::string::npos) << r.out.substr(0, 400);
  EXPECT_EQ(r.out.find("src/a.cu"), std::string::npos);
  write(".opscope.yaml", "targets: [dcu]\nfail_undr: {dcu: 99}\n");
  CliRun bad = runCli({"scan", path()});
  EXPECT_EQ(bad.code, kUsageError);
  EXPECT_NE(bad.err.find(".opscope.yaml:2:1: error: unknown key 'fail_undr'"), std::string::npos) << bad.err;
  EXPECT_EQ(runCli({"scan", path(), "--no-config"}).code, kOk);
}

// The scan limits and the import strategy can live in .opscope.yaml; an option given on the
// command line wins, and a bad value names the file and the key.
TEST_F(Project, ProjectConfigSetsLimitsAndImportStrategy) {
  write(".opscope.yaml", "import_strategy: sideways\n");
  CliRun bad = runCli({"scan", path()});
  EXPECT_EQ(bad.code, kUsageError);
  EXPECT_NE(bad.err.find(".opscope.yaml: import_strategy 'sideways': expected explicit or runtime"), std::string::npos)
      << bad.err;
  EXPECT_EQ(runCli({"scan", path(), "--import-strategy", "runtime"}).code, kOk) << "the option wins over the file";
  write(".opscope.yaml", "unit_timeout: soon\n");
  CliRun timeout = runCli({"scan", path()});
  EXPECT_EQ(timeout.code, kUsageError);
  EXPECT_NE(timeout.err.find(".opscope.yaml: unit_timeout 'soon': expected a number of seconds"), std::string::npos)
      << timeout.err;
  write(".opscope.yaml", "unit_memory: 0\n");
  EXPECT_EQ(runCli({"scan", path()}).code, kUsageError);
  write(".opscope.yaml", "import_strategy: runtime\nunit_timeout: 30\nunit_memory: 4G\n");
  EXPECT_EQ(runCli({"scan", path()}).code, kOk);
}

TEST_F(Project, SeveralFormatsIntoADirectory) {
  CliRun r = runCli({"scan", path(), "--format", "json,sarif,markdown,csv,junit,text", "-o", path("out"), "--fail-under", "dcu=10"});
  EXPECT_EQ(r.code, kOk) << r.err;
  for (const char* f : {"opscope-report.json", "opscope-report.sarif", "opscope-report.md", "opscope-report.csv",
                        "opscope-report.junit.xml", "opscope-report.txt"}) {
    EXPECT_TRUE(fs::exists(dir / "out" / f)) << f;
    EXPECT_NE(r.out.find(f), std::string::npos) << "the terminal names " << f;
  }
  EXPECT_NE(slurp(dir / "out" / "opscope-report.junit.xml").find("name=\"fail-under dcu=10.0%\""), std::string::npos);
  EXPECT_EQ(runCli({"scan", path(), "--format", "json,sarif"}).code, kUsageError);  // several need -o DIR
}

TEST_F(Project, ReportRendersAndGatesSavedResults) {
  ASSERT_EQ(runCli({"scan", path(), "--format", "json", "-o", path("r.json")}).code, kOk);
  CliRun md = runCli({"report", path("r.json"), "--format", "markdown"});
  EXPECT_EQ(md.code, kOk) << md.err;
  EXPECT_NE(md.out.find("## opscope: migration coverage"), std::string::npos);
  CliRun gated = runCli({"report", path("r.json"), "--fail-under", "ascend=100"});
  EXPECT_EQ(gated.code, kGateFailed);
  write("broken.json", "{\"schema\": \"opscope-report/1\", \"tool\": 3}");
  CliRun bad = runCli({"report", path("broken.json")});
  EXPECT_EQ(bad.code, kUsageError);
  EXPECT_NE(bad.err.find("broken.json"), std::string::npos) << bad.err;
}

TEST(ScaleOut, ShardedScanOfSamplesMergesToTheUnshardedScan) {
  fs::path dir = test::freshTestDir("shard");
  std::string samples = OPSCOPE_SOURCE_DIR "/samples";
  ASSERT_EQ(runCli({"scan", samples, "--no-config", "--format", "json", "-o", (dir / "all.json").string()}).code, kOk);
  std::vector<std::string> merge = {"merge"};
  for (int k = 1; k <= 3; ++k) {
    std::string part = (dir / ("part" + std::to_string(k) + ".json")).string();
    CliRun r = runCli({"scan", samples, "--no-config", "--shard", std::to_string(k) + "/3", "--format", "json", "-o", part});
    ASSERT_EQ(r.code, kOk) << r.err;
    merge.push_back(part);
  }
  merge.push_back("-o");
  merge.push_back((dir / "merged.json").string());
  CliRun m = runCli(merge);
  ASSERT_EQ(m.code, kOk) << m.err;
  EXPECT_EQ(slurp(dir / "merged.json"), slurp(dir / "all.json"));
  // Each shard really scanned only a share.
  EXPECT_LT(slurp(dir / "part1.json").size(), slurp(dir / "all.json").size());
  EXPECT_EQ(runCli({"scan", samples, "--shard", "4/3"}).code, kUsageError);
  fs::remove_all(dir);
}

// With an opdb overlay, merge derives the minimum SDK from the same opdb the shards used
// (`merge --db`): here a team's note dates cudaMalloc on DCU at HIP 9.1.
TEST(ScaleOut, MergeDerivesTheMinimumSdkFromTheShardsOverlay) {
  fs::path dir = test::freshTestDir("shard-db");
  test::writeFile(dir / "team.yaml",
                  "opdb: 1\nkind: coverage\nplatform: dcu\nsources:\n"
                  "  - {id: me, title: Team notes, url: \"https://example.org/notes\", date: 2026-11-01, license: CC0-1.0}\n"
                  "entries:\n"
                  "  - {symbol: cudaMalloc, status: mapped, target: hipMalloc, source: me, confidence: third-party, "
                  "constraints: {sdk: \"HIP >=9.1\"}}\n");
  std::string samples = OPSCOPE_SOURCE_DIR "/samples/cuda_app", db = (dir / "team.yaml").string();
  std::vector<std::string> scan = {"scan", samples, "--no-config", "--db", db, "-t", "dcu", "--format", "json"};
  auto with = [](std::vector<std::string> v, std::initializer_list<std::string> more) {
    v.insert(v.end(), more);
    return v;
  };
  ASSERT_EQ(runCli(with(scan, {"-o", (dir / "all.json").string()})).code, kOk);
  ASSERT_NE(slurp(dir / "all.json").find("\"minimum\": \"9.1\""), std::string::npos);
  std::vector<std::string> merge = {"merge", "--db", db, "-o", (dir / "merged.json").string()};
  for (int k = 1; k <= 2; ++k) {
    std::string part = (dir / ("part" + std::to_string(k) + ".json")).string();
    ASSERT_EQ(runCli(with(scan, {"--shard", std::to_string(k) + "/2", "-o", part})).code, kOk);
    merge.push_back(part);
  }
  CliRun m = runCli(merge);
  ASSERT_EQ(m.code, kOk) << m.err;
  EXPECT_EQ(slurp(dir / "merged.json"), slurp(dir / "all.json"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace opscope::cli
