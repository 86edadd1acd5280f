// The CLI's reliability contract: exit code 3 for internal errors, the progress line (forced, as
// a terminal would get it), and the documented resource limits as options.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli/Cli.h"
#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;

using test::CliRun;
using test::runCli;
using test::writeFile;

fs::path tempDir() { return test::freshTestDir("reliability"); }

/// Sets an environment variable for one test and restores it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? ::setenv(name, value, 1) : ::unsetenv(name);
  }
  ~ScopedEnv() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ExitCodes, InternalErrorIsThreeWithAMessage) {
  ScopedEnv fault("OPSCOPE_FAULT_INJECTION", "internal-error");
  CliRun r = runCli({"--version"});
  EXPECT_EQ(r.code, kInternalError);
  EXPECT_EQ(r.err.rfind("opscope: internal error: ", 0), 0u) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(ExitCodes, FaultInjectionIsOffByDefault) {
  ScopedEnv fault("OPSCOPE_FAULT_INJECTION", nullptr);
  EXPECT_EQ(runCli({"--version"}).code, kOk);
  ScopedEnv other("OPSCOPE_FAULT_INJECTION", "something-else");
  EXPECT_EQ(runCli({"--version"}).code, kOk);
}

TEST(Progress, ForcedProgressIsDrawnOnStderrAndEnded) {
  ScopedEnv delay("OPSCOPE_PROGRESS_DELAY", "0");
  fs::path d = tempDir();
  writeFile(d / "a.cu", "#include <cuda_runtime.h>\nvoid f(float* p) { cudaMalloc(&p, 4); }\n");
  writeFile(d / "b.py", "import torch\ntorch.cuda.synchronize()\n");
  CliRun r = runCli({"scan", d.string(), "--no-config", "--progress", "always"});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.err.find("\ropscope: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("C/C++/CUDA: 1 files"), std::string::npos) << r.err;
  // Not a terminal: no escape sequences, and the line is ended so logs keep it.
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.back(), '\n');
  // The report itself is untouched by progress.
  EXPECT_EQ(r.out.find("opscope: "), std::string::npos);
}

TEST(Progress, EnvironmentForcesItAndTheOptionWins) {
  ScopedEnv delay("OPSCOPE_PROGRESS_DELAY", "0");
  ScopedEnv when("OPSCOPE_PROGRESS", "always");
  fs::path d = tempDir();
  writeFile(d / "a.cu", "int f() { return 1; }\n");
  CliRun forced = runCli({"scan", d.string(), "--no-config"});
  EXPECT_NE(forced.err.find("\ropscope: "), std::string::npos) << forced.err;
  CliRun never = runCli({"scan", d.string(), "--no-config", "--progress", "never"});
  EXPECT_EQ(never.err.find("\ropscope: "), std::string::npos) << never.err;
}

TEST(Progress, NotShownWhenStderrIsNoTerminalOrTheScanIsShort) {
  ScopedEnv when("OPSCOPE_PROGRESS", nullptr);
  fs::path d = tempDir();
  writeFile(d / "a.cu", "int f() { return 1; }\n");
  CliRun autoMode = runCli({"scan", d.string(), "--no-config"});
  EXPECT_EQ(autoMode.err.find("\ropscope: "), std::string::npos) << autoMode.err;
  // Forced, but the scan ends long before the default 2 s delay.
  ScopedEnv delay("OPSCOPE_PROGRESS_DELAY", nullptr);
  writeFile(d / "b.py", "x = 1\n");
  CliRun quick = runCli({"scan", (d / "b.py").string(), "--no-config", "--progress", "always"});
  EXPECT_EQ(quick.err.find("\ropscope: "), std::string::npos) << quick.err;
}

TEST(Progress, BadValueIsAUsageError) {
  fs::path d = tempDir();
  writeFile(d / "a.py", "x = 1\n");
  CliRun r = runCli({"scan", d.string(), "--progress", "sometimes"});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_NE(r.err.find("--progress 'sometimes'"), std::string::npos) << r.err;
}

TEST(Limits, MaxFileSizeSkipsLargerSourcesByName) {
  fs::path d = tempDir();
  writeFile(d / "big.py", "import torch\n" + std::string(3000, '#') + "\n");
  writeFile(d / "small.py", "import torch\ntorch.cuda.synchronize()\n");
  CliRun r = runCli({"scan", d.string(), "--no-config", "--max-file-size", "2K"});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("big.py: 3014 bytes, over the per-file limit of 2048 bytes (--max-file-size); not scanned"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("torch.cuda.synchronize"), std::string::npos) << r.out;
  CliRun raised = runCli({"scan", d.string(), "--no-config", "--max-file-size", "1M"});
  EXPECT_EQ(raised.out.find("over the per-file limit"), std::string::npos) << raised.out;
  for (const char* bad : {"0", "12X", "K", "99999999999999999999", "-1"}) {
    CliRun b = runCli({"scan", d.string(), "--no-config", "--max-file-size", bad});
    EXPECT_EQ(b.code, kUsageError) << bad;
    EXPECT_NE(b.err.find("--max-file-size"), std::string::npos) << b.err;
  }
}

TEST(Limits, MaxSyntaxDepthBoundsPythonNestingAndCanBeRaised) {
  fs::path d = tempDir();
  writeFile(d / "deep.py", "import torch\nx = " + std::string(40, '(') + "torch.cuda.synchronize()" + std::string(40, ')') + "\n");
  CliRun r = runCli({"scan", d.string(), "--no-config", "--max-syntax-depth", "20"});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("deep.py:2:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("syntax nested deeper than 20 levels"), std::string::npos) << r.out;
  CliRun raised = runCli({"scan", d.string(), "--no-config", "--max-syntax-depth", "200"});
  EXPECT_NE(raised.out.find("torch.cuda.synchronize"), std::string::npos) << raised.out;
}

}  // namespace
}  // namespace opscope::cli
