// The CLI contract: exit codes 0 ok, 2 usage or input error (1 and 3 are covered as they arise).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;

struct CliRun {
  int code;
  std::string out, err;
};

CliRun runCli(std::vector<std::string> args) {
  args.insert(args.begin(), "opscope");
  std::ostringstream out, err;
  int code = run(args, out, err);
  return {code, out.str(), err.str()};
}

fs::path tempDir() {
  fs::path d = fs::temp_directory_path() / ("opscope-cli-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

TEST(Cli, VersionPrintsToolAndOpdbVersions) {
  CliRun r = runCli({"--version"});
  EXPECT_EQ(r.code, kOk);
  EXPECT_NE(r.out.find("opscope 0.1.0 (opdb 2026."), std::string::npos) << r.out;
}

TEST(Cli, HelpOnEveryCommandIsExitZero) {
  for (auto args : std::vector<std::vector<std::string>>{
           {"--help"}, {"scan", "--help"}, {"db", "--help"}, {"db", "validate", "--help"},
           {"db", "stats", "--help"}, {"db", "show", "--help"}}) {
    CliRun r = runCli(args);
    EXPECT_EQ(r.code, kOk) << args.front();
    EXPECT_NE(r.out.find("usage: opscope"), std::string::npos) << r.out;
  }
}

TEST(Cli, UsageErrorsAreExitTwo) {
  EXPECT_EQ(runCli({}).code, kUsageError);
  EXPECT_EQ(runCli({"frobnicate"}).code, kUsageError);
  EXPECT_EQ(runCli({"scan"}).code, kUsageError);
  EXPECT_EQ(runCli({"scan", "--no-such-flag", "x"}).code, kUsageError);
  CliRun badTarget = runCli({"scan", OPSCOPE_SOURCE_DIR "/samples/cuda_app", "--target", "tpu"});
  EXPECT_EQ(badTarget.code, kUsageError);
  EXPECT_NE(badTarget.err.find("unknown target 'tpu'"), std::string::npos) << badTarget.err;
  CliRun badFormat = runCli({"scan", OPSCOPE_SOURCE_DIR "/samples/cuda_app", "--format", "pdf"});
  EXPECT_EQ(badFormat.code, kUsageError);
  EXPECT_EQ(runCli({"db", "show"}).code, kUsageError);
  EXPECT_EQ(runCli({"db", "show", "noSuchSymbolAnywhere"}).code, kUsageError);
}

TEST(Cli, UnreadablePathIsExitTwoWithItsName) {
  CliRun r = runCli({"scan", "/definitely/not/here.cu"});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_NE(r.err.find("/definitely/not/here.cu"), std::string::npos) << r.err;
  if (::geteuid() != 0) {  // root reads anything, so this half needs an ordinary user
    fs::path d = tempDir();
    write(d / "locked.cu", "int x;\n");
    fs::permissions(d / "locked.cu", fs::perms::none);
    CliRun locked = runCli({"scan", (d / "locked.cu").string()});
    EXPECT_EQ(locked.code, kUsageError);
    EXPECT_NE(locked.err.find("locked.cu"), std::string::npos);
  }
}

TEST(Cli, ScanProblemsAreNotGateFailures) {
  fs::path d = tempDir();
  write(d / "broken.cu", "#include <cuda_runtime.h>\n#include \"gone.h\"\nvoid f(float* p) { cudaMalloc(&p, 4); int = ; }\n");
  CliRun r = runCli({"scan", d.string(), "--format", "json"});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("\"status\": \"lexical\""), std::string::npos);
  EXPECT_NE(r.out.find("'gone.h' file not found"), std::string::npos);
  EXPECT_NE(r.out.find("\"symbol\": \"cudaMalloc\""), std::string::npos);
}

TEST(Cli, DbValidateReportsFileLineColumnAndExitsTwo) {
  fs::path d = tempDir();
  write(d / "overlay.yaml",
        "opdb: 1\nkind: coverage\nplatform: ascend\nsources:\n"
        "  - {id: me, title: Team notes, url: \"https://example.org/notes\", date: 2026-11-01, license: CC0-1.0}\n"
        "entries:\n"
        "  - {symbol: cudaMalloc, status: supported, source: me, confidence: official}\n");
  CliRun r = runCli({"db", "validate", (d / "overlay.yaml").string()});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_NE(r.err.find((d / "overlay.yaml").string() + ":7:34: error: unknown status 'supported'"), std::string::npos) << r.err;
  CliRun builtin = runCli({"db", "validate"});
  EXPECT_EQ(builtin.code, kOk) << builtin.err;
}

TEST(Cli, OverlayDecidesAndIsNamedInTheReport) {
  fs::path d = tempDir();
  write(d / "team.yaml",
        "opdb: 1\nkind: coverage\nplatform: ascend\nsources:\n"
        "  - {id: me, title: Team notes, url: \"https://example.org/notes\", date: 2026-11-01, license: CC0-1.0}\n"
        "entries:\n"
        "  - {symbol: cudaMalloc, status: partial, note: measured on our cards, source: me, confidence: third-party}\n");
  write(d / "a.cu", "#include <cuda_runtime.h>\nvoid f(float* p) { cudaMalloc(&p, 4); }\n");
  CliRun r = runCli({"scan", (d / "a.cu").string(), "--db", (d / "team.yaml").string(), "--format", "json", "-t", "ascend"});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("\"status\": \"partial\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"layer\": \"" + (d / "team.yaml").string() + "\""), std::string::npos) << r.out;
  CliRun show = runCli({"db", "show", "cudaMalloc", "--db", (d / "team.yaml").string()});
  EXPECT_EQ(show.code, kOk);
  EXPECT_NE(show.out.find("ascend: partial"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("dcu: mapped -> hipMalloc"), std::string::npos) << show.out;
}

TEST(Cli, ReportFileIsWrittenAndTheTerminalGetsTheSummary) {
  fs::path d = tempDir();
  CliRun r = runCli({"scan", OPSCOPE_SOURCE_DIR "/samples/cuda_app", "--format", "json", "-o", (d / "r.json").string()});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_TRUE(fs::exists(d / "r.json"));
  EXPECT_NE(r.out.find("written to " + (d / "r.json").string()), std::string::npos);
  EXPECT_NE(r.out.find("coverage by platform"), std::string::npos);
  CliRun bad = runCli({"scan", OPSCOPE_SOURCE_DIR "/samples/cuda_app", "-o", (d / "no/such/dir/r.json").string()});
  EXPECT_EQ(bad.code, kUsageError);
  EXPECT_NE(bad.err.find("no/such/dir/r.json"), std::string::npos);
}

TEST(Cli, DbStatsJsonHasTheContractFields) {
  CliRun r = runCli({"db", "stats", "--format", "json"});
  EXPECT_EQ(r.code, kOk);
  for (const char* key : {"\"entries\"", "\"entries_without_source\": 0", "\"platforms\"", "\"ascend\"",
                          "\"cuda-runtime/memory\"", "\"by_confidence\""})
    EXPECT_NE(r.out.find(key), std::string::npos) << key;
}

}  // namespace
}  // namespace opscope::cli
