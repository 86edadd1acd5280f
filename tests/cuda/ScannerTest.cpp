// Inline-expectation tests for the CUDA frontend (harness: ScanHarness.h). One scan of the whole
// inputs tree, as a user would run it, shared by the per-file tests.
#include <gtest/gtest.h>

#include <set>

#include "ScanHarness.h"

namespace opscope::cuda {
namespace {
namespace fs = std::filesystem;
using namespace testing;

const fs::path kInputs = fs::path(OPSCOPE_SOURCE_DIR) / "tests/cuda/inputs";
// Headers of third-party SDKs (a stand-in for PyTorch) outside the scan root.
const fs::path kFakeSdk = fs::path(OPSCOPE_SOURCE_DIR) / "tests/cuda/fake_sdk";

std::vector<std::string> inputFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(kInputs))
    if (e.is_regular_file() && !languageOf(e.path().string()).empty())
      out.push_back(fs::relative(e.path(), kInputs).string());
  std::sort(out.begin(), out.end());
  return out;
}

ScanOptions inputsOptions(unsigned jobs) {
  ScanOptions options = optionsWithRules(kInputs.string());
  std::set<std::string> dirs;
  for (const std::string& f : inputFiles()) dirs.insert((kInputs / f).parent_path().string());
  options.includeDirs.assign(dirs.begin(), dirs.end());
  options.includeDirs.push_back(kFakeSdk.string());
  options.jobs = jobs;
  return options;
}

std::vector<TranslationUnit> inputUnits() {
  std::vector<TranslationUnit> units;
  for (const std::string& f : inputFiles()) units.push_back(TranslationUnit{(kInputs / f).string(), {}});
  return units;
}

const ScanResult& scanOfInputs() {
  static const ScanResult result = scan(inputUnits(), testCatalog(), inputsOptions(2));
  return result;
}

class InlineExpectations : public ::testing::TestWithParam<std::string> {};

TEST_P(InlineExpectations, FindingsMatchExactly) {
  const std::string rel = GetParam();
  Expectations expected = readExpectations(kInputs / rel);
  for (const std::string& bad : expected.malformed) ADD_FAILURE() << rel << ": malformed CHECK line: " << bad;
  std::vector<const Finding*> actual;
  for (const Finding& f : scanOfInputs().findings)
    if (f.location.file == rel) actual.push_back(&f);
  std::vector<bool> used(actual.size(), false);
  for (const ExpectedFinding& e : expected.findings) {
    bool found = false;
    for (size_t i = 0; i < actual.size() && !found; ++i)
      if (!used[i] && matches(e, *actual[i])) used[i] = found = true;
    EXPECT_TRUE(found) << rel << ": expected finding not produced: " << e.text;
  }
  for (size_t i = 0; i < actual.size(); ++i)
    EXPECT_TRUE(used[i]) << rel << ": unexpected finding: " << describe(*actual[i]);
  if (expected.status) {
    auto it = std::find_if(scanOfInputs().inputs.begin(), scanOfInputs().inputs.end(),
                           [&](const InputFile& in) { return in.path == rel; });
    ASSERT_NE(it, scanOfInputs().inputs.end()) << rel << " is not among the inputs";
    EXPECT_EQ(toString(it->status), *expected.status) << rel << ": " << it->message;
    EXPECT_NE(it->message.find(expected.messagePart), std::string::npos)
        << rel << ": message '" << it->message << "' lacks '" << expected.messagePart << "'";
  }
}

INSTANTIATE_TEST_SUITE_P(CudaInputs, InlineExpectations, ::testing::ValuesIn(inputFiles()), [](const auto& info) {
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

TEST(CudaScan, EveryInputFileChecksSomething) {
  // A test input without expectations cannot fail: each must state its findings or its status.
  for (const std::string& f : inputFiles()) {
    Expectations e = readExpectations(kInputs / f);
    EXPECT_TRUE(!e.findings.empty() || e.status) << f;
  }
}

TEST(CudaScan, ResultDoesNotDependOnParallelism) {
  auto render = [&](unsigned jobs) {
    ScanResult r = scan(inputUnits(), testCatalog(), inputsOptions(jobs));
    std::string s;
    for (const Finding& f : r.findings) s += f.location.file + ":" + describe(f) + " ctx=" + f.context + "\n";
    for (const InputFile& in : r.inputs) s += in.path + " " + std::string(toString(in.status)) + " " + in.message + "\n";
    return s;
  };
  std::string one = render(1);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, render(4));
}

TEST(CudaScan, EveryCodeCheckRaisesAHazardOfTheRules) {
  ScanOptions options = optionsWithRules(kInputs.string());
  for (const HazardCheck& c : hazardChecks())
    EXPECT_TRUE(options.checkHazards.count(c.id)) << "no rule in rules/cuda maps check " << c.id;
  std::set<std::string> known;
  for (const HazardCheck& c : hazardChecks()) known.insert(c.id);
  for (const auto& [check, hazard] : options.checkHazards)
    EXPECT_TRUE(known.count(check)) << "hazard " << hazard << " names unknown check " << check;
}

TEST(CudaScan, EveryHazardOfTheRulesIsExercisedByAnInput) {
  std::set<std::string> raised;
  for (const Finding& f : scanOfInputs().findings)
    if (f.symbol.kind == SymbolKind::Hazard) raised.insert(f.symbol.name);
  ScanOptions options = optionsWithRules(kInputs.string());
  std::set<std::string> hazards;
  for (const auto& [check, hazard] : options.checkHazards) hazards.insert(hazard);
  for (const HazardTrigger& t : options.hazardTriggers) hazards.insert(t.hazard);
  for (const std::string& h : hazards) EXPECT_TRUE(raised.count(h)) << "no test input raises hazard " << h;
}

}  // namespace
}  // namespace opscope::cuda
