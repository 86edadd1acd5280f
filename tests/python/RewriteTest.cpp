// Every platform's edits applied to every test input: the result still parses (opscope's parser
// and python3 -m py_compile), and scanning it again suggests no further edit (idempotence).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "PythonTestSupport.h"

namespace opscope::python {
namespace {
namespace fs = std::filesystem;

/// Whether python3 compiles the original input (Python 2 leftovers and syntax errors do not).
bool compiles(const std::string& rel) {
  static const std::map<std::string, std::string> failures = [] {
    std::vector<std::string> all;
    for (const std::string& f : test::inputFiles()) all.push_back(test::inputsDir() + "/" + f);
    auto out = test::pyCompileFailures(all);
    EXPECT_EQ(out.count(""), 0u) << out[""];
    return out;
  }();
  return !failures.count(test::inputsDir() + "/" + rel);
}

class RewrittenInputs : public ::testing::TestWithParam<std::string> {};

TEST_P(RewrittenInputs, StillParseCompileAndNeedNoSecondPass) {
  const std::string platform = GetParam();
  fs::path dir = fs::temp_directory_path() / ("opscope-python-rewrite-" + platform + "-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<std::string> compileAfter;
  std::vector<SourceFile> rewritten;
  unsigned edited = 0;
  for (const std::string& rel : test::inputFiles()) {
    std::string text = test::inputText(rel);
    std::vector<Suggestion> s = test::suggestionsFor(rel, platform);
    std::string after = test::applyAll(text, s);
    edited += after != text;
    rewritten.push_back(SourceFile{rel, after});
    if (!firstSyntaxError(text).empty() || !compiles(rel)) continue;  // syntax errors, Python 2, on purpose
    EXPECT_EQ(firstSyntaxError(after), "") << rel << " rewritten for " << platform << " no longer parses:\n" << after;
    fs::path out = dir / rel;
    fs::create_directories(out.parent_path());
    std::ofstream(out, std::ios::binary) << after;
    compileAfter.push_back(out.string());
  }
  // Python 2 and the syntax error fail to compile (the check itself works); every rewritten file
  // of an input that compiled compiles too.
  EXPECT_FALSE(compiles("py2_leftovers.py"));
  EXPECT_FALSE(compiles("syntax_error.py"));
  EXPECT_GT(compileAfter.size(), 10u);
  for (const auto& [file, error] : test::pyCompileFailures(compileAfter))
    ADD_FAILURE() << "rewritten for " << platform << ", " << file << " does not compile: " << error;
  if (platform != "dcu") EXPECT_GT(edited, 5u) << platform << " rewrote almost nothing";
  else EXPECT_EQ(edited, 0u) << "DCU keeps the CUDA names: no edit";

  ScanOptions options;
  options.jobs = 2;
  for (const RuleSet& r : test::rules())
    if (r.platform == platform) options.rules.push_back(r);
  ScanResult again = scan(rewritten, test::catalog(), options);
  for (const Suggestion& s : again.suggestions)
    EXPECT_TRUE(s.length == 0 && s.replacement.empty())
        << platform << ": second pass still edits " << s.file << ":" << s.line << ":" << s.column << " -> '"
        << s.replacement << "' (" << s.reason << ")";
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Platforms, RewrittenInputs, ::testing::ValuesIn(test::platforms()));

}  // namespace
}  // namespace opscope::python
