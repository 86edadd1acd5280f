// Shared by the tests that drive the command line in-process (tests/cli, the CUDA, Python, ONNX
// and rewrite steps, `opscope db`): run opscope and capture what it printed and its exit code,
// make a fresh directory for the running test, write and read its files, read a JSON report.
// Header-only, so a suite needs no extra library: include "tests/support/CliTestSupport.h".
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/Cli.h"
#include "llvm/Support/JSON.h"

namespace opscope::cli::test {

/// One in-process run of the command line: its exit code (ExitCode) and what it printed.
struct CliRun {
  int code;
  std::string out, err;
};

/// Runs `opscope ARGS...` in-process; `args` leaves out the program name.
inline CliRun runCli(std::vector<std::string> args) {
  args.insert(args.begin(), "opscope");
  std::ostringstream out, err;
  int code = run(args, out, err);
  return {code, out.str(), err.str()};
}

/// An empty directory of the running test's own: TMP/opscope-PREFIX-PID-TEST, emptied if a
/// previous run left it.
inline std::filesystem::path freshTestDir(const std::string& prefix) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("opscope-" + prefix + "-" + std::to_string(::getpid()) + "-" +
                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Writes `text` to `path` byte for byte (its folder must exist).
inline void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// The bytes of `path`; empty when it cannot be read.
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The JSON document in `path`; a test failure and an empty object when it does not parse.
inline llvm::json::Value readJsonFile(const std::filesystem::path& path) {
  auto parsed = llvm::json::parse(slurp(path));
  if (!parsed) {
    ADD_FAILURE() << path << ": " << llvm::toString(parsed.takeError());
    return llvm::json::Value(llvm::json::Object{});
  }
  return std::move(*parsed);
}

/// Runs `opscope ARGS... --format json -o TMP`, expects exit 0, and returns the report it wrote.
inline llvm::json::Value runForJson(std::vector<std::string> args) {
  static int serial = 0;
  std::filesystem::path out = std::filesystem::temp_directory_path() /
                              ("opscope-report-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".json");
  args.insert(args.end(), {"--format", "json", "-o", out.string()});
  CliRun r = runCli(std::move(args));
  EXPECT_EQ(r.code, kOk) << r.err;
  llvm::json::Value report = readJsonFile(out);
  std::filesystem::remove(out);
  return report;
}

}  // namespace opscope::cli::test
