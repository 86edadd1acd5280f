// Inline-expectation tests for the CUDA frontend, in the manner of clang-tidy's CHECK-MESSAGES:
// each input under tests/cuda/inputs says, beside the code, exactly which findings it must yield.
//   // CHECK: [[@LINE-1]]:COL SYMBOL KIND EVIDENCE [via MACRO...]
//   // CHECK-INPUT: STATUS [text the input's message contains]
// The scan must produce exactly the CHECKed findings in each file: a missing one or an extra one
// fails the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "cuda/CudaFrontend.h"
#include "db/Catalog.h"

namespace opscope::cuda {
namespace {
namespace fs = std::filesystem;

const fs::path kInputs = fs::path(OPSCOPE_SOURCE_DIR) / "tests/cuda/inputs";

struct Expectations {
  std::multiset<std::string> findings;  // "LINE:COL SYMBOL KIND EVIDENCE[ via M...]"
  std::optional<std::string> status;
  std::string messagePart;
};

Expectations readExpectations(const fs::path& file) {
  static const std::regex check(R"(//\s*CHECK:\s*\[\[@LINE([+-]\d+)?\]\]:(\d+)\s+(.*\S)\s*$)");
  static const std::regex input(R"(//\s*CHECK-INPUT:\s*(\w+)\s*(.*?)\s*$)");
  Expectations e;
  std::ifstream in(file);
  std::string line;
  for (unsigned n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, check)) {
      int offset = m[1].matched ? std::stoi(m[1].str()) : 0;
      e.findings.insert(std::to_string(n + offset) + ":" + m[2].str() + " " + m[3].str());
    } else if (std::regex_search(line, m, input)) {
      e.status = m[1].str();
      e.messagePart = m[2].str();
    }
  }
  return e;
}

std::string describe(const Finding& f) {
  std::string s = std::to_string(f.location.line) + ":" + std::to_string(f.location.column) + " " + f.symbol.name +
                  " " + std::string(toString(f.symbol.kind)) + " " + std::string(toString(f.evidence));
  if (!f.location.macroChain.empty()) {
    s += " via";
    for (const std::string& m : f.location.macroChain) s += " " + m;
  }
  return s;
}

/// One scan of the whole inputs tree, as a user would run it; shared by the per-file tests.
const ScanResult& scanOfInputs() {
  static const ScanResult result = [] {
    static db::Database database;
    std::vector<db::Diagnostic> diags;
    EXPECT_TRUE(db::loadBuiltin(database, diags));
    static db::DatabaseCatalog catalog(database);
    std::vector<TranslationUnit> units;
    std::set<std::string> dirs;
    for (const auto& e : fs::recursive_directory_iterator(kInputs))
      if (e.is_regular_file() && !languageOf(e.path().string()).empty()) {
        units.push_back(TranslationUnit{e.path().string(), {}});
        dirs.insert(e.path().parent_path().string());
      }
    std::sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
    ScanOptions options;
    options.root = kInputs.string();
    options.includeDirs.assign(dirs.begin(), dirs.end());
    options.jobs = 2;
    return scan(units, catalog, options);
  }();
  return result;
}

std::vector<std::string> inputFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(kInputs))
    if (e.is_regular_file() && !languageOf(e.path().string()).empty())
      out.push_back(fs::relative(e.path(), kInputs).string());
  std::sort(out.begin(), out.end());
  return out;
}

class InlineExpectations : public ::testing::TestWithParam<std::string> {};

TEST_P(InlineExpectations, FindingsMatchExactly) {
  const std::string rel = GetParam();
  Expectations expected = readExpectations(kInputs / rel);
  std::multiset<std::string> actual;
  for (const Finding& f : scanOfInputs().findings)
    if (f.location.file == rel) actual.insert(describe(f));
  for (const std::string& e : expected.findings)
    EXPECT_TRUE(actual.count(e)) << rel << ": expected finding not produced: " << e;
  for (const std::string& a : actual)
    EXPECT_TRUE(expected.findings.count(a)) << rel << ": unexpected finding: " << a;
  if (expected.status) {
    auto it = std::find_if(scanOfInputs().inputs.begin(), scanOfInputs().inputs.end(),
                           [&](const InputFile& in) { return in.path == rel; });
    ASSERT_NE(it, scanOfInputs().inputs.end()) << rel << " is not among the inputs";
    EXPECT_EQ(toString(it->status), *expected.status) << rel << ": " << it->message;
    EXPECT_NE(it->message.find(expected.messagePart), std::string::npos)
        << rel << ": message '" << it->message << "' lacks '" << expected.messagePart << "'";
  }
}

INSTANTIATE_TEST_SUITE_P(CudaInputs, InlineExpectations, ::testing::ValuesIn(inputFiles()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(CudaScan, EveryInputFileIsAccountedFor) {
  std::set<std::string> seen;
  for (const InputFile& in : scanOfInputs().inputs) seen.insert(in.path);
  for (const std::string& f : inputFiles()) EXPECT_TRUE(seen.count(f)) << f;
}

TEST(CudaScan, ResultDoesNotDependOnParallelism) {
  db::Database database;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(db::loadBuiltin(database, diags));
  db::DatabaseCatalog catalog(database);
  std::vector<TranslationUnit> units;
  for (const std::string& f : inputFiles()) units.push_back(TranslationUnit{(kInputs / f).string(), {}});
  ScanOptions options;
  options.root = kInputs.string();
  options.includeDirs = {(kInputs / "shared").string()};
  auto render = [&](unsigned jobs) {
    options.jobs = jobs;
    ScanResult r = scan(units, catalog, options);
    std::string s;
    for (const Finding& f : r.findings) s += f.location.file + ":" + describe(f) + "\n";
    for (const InputFile& in : r.inputs) s += in.path + " " + std::string(toString(in.status)) + " " + in.message + "\n";
    return s;
  };
  std::string one = render(1);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, render(4));
}

}  // namespace
}  // namespace opscope::cuda
