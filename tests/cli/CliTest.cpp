// The CLI contract: exit codes 0 ok, 2 usage or input error (1 and 3 are covered as they arise).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
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

fs::path tempDir() { return test::freshTestDir("cli"); }

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
    writeFile(d / "locked.cu", "int x;\n");
    fs::permissions(d / "locked.cu", fs::perms::none);
    CliRun locked = runCli({"scan", (d / "locked.cu").string()});
    EXPECT_EQ(locked.code, kUsageError);
    EXPECT_NE(locked.err.find("locked.cu"), std::string::npos);
  }
}

TEST(Cli, ScanProblemsAreNotGateFailures) {
  fs::path d = tempDir();
  writeFile(d / "broken.cu", "#include <cuda_runtime.h>\n#include \"gone.h\"\nvoid f(float* p) { cudaMalloc(&p, 4); int = ; }\n");
  CliRun r = runCli({"scan", d.string(), "--format", "json"});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("\"status\": \"lexical\""), std::string::npos);
  EXPECT_NE(r.out.find("'gone.h' file not found"), std::string::npos);
  EXPECT_NE(r.out.find("\"symbol\": \"cudaMalloc\""), std::string::npos);
}

TEST(Cli, DbValidateReportsFileLineColumnAndExitsTwo) {
  fs::path d = tempDir();
  writeFile(d / "overlay.yaml",
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
  writeFile(d / "team.yaml",
            "opdb: 1\nkind: coverage\nplatform: ascend\nsources:\n"
            "  - {id: me, title: Team notes, url: \"https://example.org/notes\", date: 2026-11-01, license: CC0-1.0}\n"
            "entries:\n"
            "  - {symbol: cudaMalloc, status: partial, note: measured on our cards, source: me, confidence: third-party}\n");
  writeFile(d / "a.cu", "#include <cuda_runtime.h>\nvoid f(float* p) { cudaMalloc(&p, 4); }\n");
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

// --export-clang-commands writes what lets plain clang repeat each parse: one command per C/C++/CUDA
// file of the scan, pointing at shims written beside it, and each command parses cleanly (a .h of
// device code that nothing includes is parsed, and exported, as CUDA).
TEST(Cli, ExportedClangCommandsRepeatTheParses) {
  fs::path d = tempDir();
  fs::copy(OPSCOPE_SOURCE_DIR "/samples/cuda_app", d / "app", fs::copy_options::recursive);
  writeFile(d / "app" / "include" / "device_only.h",
            "#pragma once\n__device__ inline float twice(float x) { return __fmul_rn(x, 2.0f); }\n");
  CliRun r = runCli({"scan", (d / "app").string(), "--no-config", "--format", "json", "-o",
                     (d / "r.json").string(), "--export-clang-commands", (d / "cmds").string()});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.err.find((d / "cmds").string() + "/compile_commands.json"), std::string::npos) << r.err;
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(test::slurp(d / "cmds" / "compile_commands.json"));
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const llvm::json::Array* commands = parsed->getAsArray();
  ASSERT_NE(commands, nullptr);
  std::set<std::string> files;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(d / "app")) {
    std::string ext = e.path().extension().string();
    if (ext == ".cu" || ext == ".cpp" || ext == ".h" || ext == ".cuh") files.insert(fs::canonical(e.path()).string());
  }
  std::set<std::string> exported;
  for (const llvm::json::Value& c : *commands) {
    const llvm::json::Object* o = c.getAsObject();
    ASSERT_NE(o, nullptr);
    std::string file = o->getString("file").value_or("").str();
    exported.insert(fs::canonical(file).string());
    const llvm::json::Array* args = o->getArray("arguments");
    ASSERT_NE(args, nullptr);
    std::string shell = "clang-19 -fsyntax-only";
    bool shimsOnDisk = false;
    for (size_t i = 1; i < args->size(); ++i) {
      std::string a = (*args)[i].getAsString().value_or("").str();
      if (a.find((d / "cmds" / "shims").string()) != std::string::npos) shimsOnDisk = true;
      shell += " '" + a + "'";
    }
    EXPECT_TRUE(shimsOnDisk) << file << ": no argument points at the exported shims";
    EXPECT_EQ(std::system((shell + " 2>/dev/null").c_str()), 0) << shell;
  }
  EXPECT_EQ(exported, files);
  EXPECT_TRUE(files.count(fs::canonical(d / "app" / "include" / "device_only.h").string()));
  // A directory that cannot be made is a note; the scan still succeeds.
  writeFile(d / "plain", "x");
  CliRun blocked = runCli({"scan", (d / "app").string(), "--no-config", "--format", "json", "-o",
                           (d / "r2.json").string(), "--export-clang-commands", (d / "plain").string()});
  EXPECT_EQ(blocked.code, kOk) << blocked.err;
  EXPECT_NE(blocked.err.find("cannot export the clang command lines to " + (d / "plain").string()), std::string::npos)
      << blocked.err;
  EXPECT_TRUE(fs::exists(d / "r2.json"));
}

// --rules layers a user's hazard file over the built-in rules: a hazard with a built-in id
// replaces it (new advice), a new hazard is raised by the symbols it lists. .opscope.yaml's
// rules: does the same, and a rules file of no known kind is exit 2 naming it.
TEST(Cli, UserHazardRulesAreLayeredOverTheBuiltInOnes) {
  fs::path d = tempDir();
  writeFile(d / "site.yaml", R"(opscope-rules: 1
kind: hazards
sources:
  - id: site-guide
    title: "Our porting guide"
    url: "https://example.org/porting"
    date: "2026-11-01"
hazards:
  - id: warp-size-32
    title: Warp size 32 (site policy)
    severity: high
    message: Our DCU builds fix the wavefront at 64; see the guide.
    detect:
      checks: [warp-mask-literal, warp-size-literal, warp-lane-math, warp-reduce-offset]
    advice:
      dcu: {status: missing, text: "Site policy: rewrite every warp reduction before porting.", source: site-guide}
  - id: site-managed-memory
    title: Managed memory is banned on our cluster
    severity: medium
    message: The cluster's drivers disable unified memory.
    detect:
      symbols: [cudaMallocManaged]
    advice:
      dcu: {status: missing, text: "Use explicit copies.", source: site-guide}
)");
  fs::copy(OPSCOPE_SOURCE_DIR "/samples/cuda_app", d / "app", fs::copy_options::recursive);
  writeFile(d / "app" / "src" / "managed.cu",
            "#include <cuda_runtime.h>\nvoid grab(float** p) { cudaMallocManaged(p, 1024); }\n");
  CliRun r = runCli({"scan", (d / "app").string(), "--no-config", "--target", "dcu", "--format", "json",
                     "--rules", (d / "site.yaml").string()});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("Site policy: rewrite every warp reduction before porting."), std::string::npos);
  EXPECT_NE(r.out.find("Warp size 32 (site policy)"), std::string::npos);
  EXPECT_NE(r.out.find("\"site-managed-memory\""), std::string::npos);
  EXPECT_NE(r.out.find("Use explicit copies."), std::string::npos);
  // Without the file, the built-in advice.
  CliRun builtin = runCli({"scan", (d / "app").string(), "--no-config", "--target", "dcu", "--format", "json"});
  ASSERT_EQ(builtin.code, kOk) << builtin.err;
  EXPECT_EQ(builtin.out.find("Site policy"), std::string::npos);
  EXPECT_EQ(builtin.out.find("site-managed-memory"), std::string::npos);
  EXPECT_NE(builtin.out.find("DCU wavefronts have 64 lanes"), std::string::npos);
  // The project's config names the same file.
  writeFile(d / "app" / ".opscope.yaml", "rules: [../site.yaml]\n");
  CliRun configured = runCli({"scan", (d / "app").string(), "--target", "dcu", "--format", "json"});
  ASSERT_EQ(configured.code, kOk) << configured.err;
  EXPECT_NE(configured.out.find("\"site-managed-memory\""), std::string::npos);
  // A hazard naming a check the frontend lacks, and a file of no known kind.
  writeFile(d / "badcheck.yaml", R"(opscope-rules: 1
kind: hazards
hazards:
  - id: odd
    title: Odd
    severity: low
    message: Odd.
    detect:
      checks: [no-such-check]
)");
  CliRun badCheck = runCli({"scan", (d / "app").string(), "--no-config", "--rules", (d / "badcheck.yaml").string()});
  EXPECT_EQ(badCheck.code, kUsageError);
  EXPECT_NE(badCheck.err.find((d / "badcheck.yaml").string() + ":"), std::string::npos) << badCheck.err;
  EXPECT_NE(badCheck.err.find("no-such-check"), std::string::npos) << badCheck.err;
  writeFile(d / "nokind.yaml", "opscope-rules: 1\nhazards: []\n");
  CliRun noKind = runCli({"scan", (d / "app").string(), "--no-config", "--rules", (d / "nokind.yaml").string()});
  EXPECT_EQ(noKind.code, kUsageError);
  EXPECT_NE(noKind.err.find("nokind.yaml"), std::string::npos) << noKind.err;
}

}  // namespace
}  // namespace opscope::cli
