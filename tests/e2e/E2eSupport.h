// Shared by the end-to-end suites: run the command line and read the JSON report it wrote.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/Cli.h"
#include "llvm/Support/JSON.h"

namespace opscope::cli::test {

/// The JSON document in `path`; a test failure and an empty object when it does not parse.
inline llvm::json::Value readJsonFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = llvm::json::parse(text.str());
  if (!parsed) {
    ADD_FAILURE() << path << ": " << llvm::toString(parsed.takeError());
    return llvm::json::Value(llvm::json::Object{});
  }
  return std::move(*parsed);
}

/// Runs `args` with `--format json -o TMP` appended, expects exit 0, and returns the report.
inline llvm::json::Value runForJson(std::vector<std::string> args) {
  static int serial = 0;
  std::filesystem::path out = std::filesystem::temp_directory_path() /
                              ("opscope-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".json");
  for (const char* a : {"--format", "json", "-o"}) args.push_back(a);
  args.push_back(out.string());
  std::ostringstream o, e;
  EXPECT_EQ(run(args, o, e), kOk) << e.str();
  llvm::json::Value value = readJsonFile(out);
  std::filesystem::remove(out);
  return value;
}

}  // namespace opscope::cli::test
