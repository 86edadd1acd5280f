// Inline-expectation tests for the Python frontend, in the manner of clang-tidy's CHECK-MESSAGES
// and CHECK-FIXES: each input under tests/python/inputs says, beside the code, exactly what it
// must yield.
//   # CHECK: [[@LINE-1]]:COL SYMBOL KIND EVIDENCE       a finding
//   # CHECK-INPUT: STATUS [text the input's message contains]
//   # CHECK-EXT: PATH                                   a C/C++/CUDA source handed to the C++ scan
//   # FIX PLATFORM: [[@LINE-1]] TEXT                    the line as PLATFORM's edits rewrite it
//   # INSERT PLATFORM: [[@LINE]] TEXT                   a line PLATFORM's edits insert before it
//   # ADVICE PLATFORM: [[@LINE-1]]:COL RULE-ID          advice without an edit
// Findings, fixes, insertions and advice must match exactly: a missing or an extra one fails.
// The symbol catalog is tests/python/inputs/catalog.txt, so the tests do not depend on the opdb.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "PythonTestSupport.h"

namespace opscope::python {
namespace {
namespace fs = std::filesystem;

struct Expectations {
  std::multiset<std::string> findings;  // "LINE:COL SYMBOL KIND EVIDENCE"
  std::optional<std::string> status;
  std::string messagePart;
  std::set<std::string> extensionSources;
  std::map<std::string, std::map<unsigned, std::string>> fixes;                 // platform -> line -> text
  std::map<std::string, std::map<unsigned, std::vector<std::string>>> inserts;  // platform -> line -> lines
  std::map<std::string, std::set<std::string>> advice;                          // platform -> "L:C id"
};

Expectations readExpectations(const std::string& text) {
  static const std::regex check(R"(#\s*CHECK:\s*\[\[@LINE([+-]\d+)?\]\]:(\d+)\s+(.*\S)\s*$)");
  static const std::regex input(R"(#\s*CHECK-INPUT:\s*(\w+)\s*(.*?)\s*$)");
  static const std::regex ext(R"(#\s*CHECK-EXT:\s*(\S+)\s*$)");
  static const std::regex fix(R"(#\s*(FIX|INSERT) (\w+):\s*\[\[@LINE([+-]\d+)?\]\] (.*?)\s*$)");
  static const std::regex advice(R"(#\s*ADVICE (\w+):\s*\[\[@LINE([+-]\d+)?\]\]:(\d+)\s+(\S+)\s*$)");
  Expectations e;
  std::istringstream in(text);
  std::string line;
  auto at = [](unsigned n, const std::ssub_match& off) { return n + (off.matched ? std::stoi(off.str()) : 0); };
  for (unsigned n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_search(line, m, check)) {
      e.findings.insert(std::to_string(at(n, m[1])) + ":" + m[2].str() + " " + m[3].str());
    } else if (std::regex_search(line, m, input)) {
      e.status = m[1].str();
      e.messagePart = m[2].str();
    } else if (std::regex_search(line, m, ext)) {
      e.extensionSources.insert(m[1].str());
    } else if (std::regex_search(line, m, fix)) {
      unsigned target = at(n, m[3]);
      if (m[1] == "FIX") e.fixes[m[2].str()][target] = m[4].str();
      else e.inserts[m[2].str()][target].push_back(m[4].str());
    } else if (std::regex_search(line, m, advice)) {
      e.advice[m[1].str()].insert(std::to_string(at(n, m[2])) + ":" + m[3].str() + " " + m[4].str());
    }
  }
  return e;
}

std::string describe(const Finding& f) {
  return std::to_string(f.location.line) + ":" + std::to_string(f.location.column) + " " + f.symbol.name + " " +
         std::string(toString(f.symbol.kind)) + " " + std::string(toString(f.evidence));
}

class InlineExpectations : public ::testing::TestWithParam<std::string> {};

TEST_P(InlineExpectations, FindingsMatchExactly) {
  const std::string rel = GetParam();
  Expectations expected = readExpectations(test::inputText(rel));
  std::multiset<std::string> actual;
  for (const Finding& f : test::scanOfInputs().findings)
    if (f.location.file == rel) actual.insert(describe(f));
  for (const std::string& e : expected.findings)
    EXPECT_TRUE(actual.count(e)) << rel << ": expected finding not produced: " << e;
  for (const std::string& a : actual)
    EXPECT_TRUE(expected.findings.count(a)) << rel << ": unexpected finding: " << a;

  auto it = std::find_if(test::scanOfInputs().inputs.begin(), test::scanOfInputs().inputs.end(),
                         [&](const InputFile& in) { return in.path == rel; });
  ASSERT_NE(it, test::scanOfInputs().inputs.end()) << rel << " is not among the inputs";
  EXPECT_EQ(toString(it->status), expected.status.value_or("semantic")) << rel << ": " << it->message;
  EXPECT_NE(it->message.find(expected.messagePart), std::string::npos)
      << rel << ": message '" << it->message << "' lacks '" << expected.messagePart << "'";

  std::set<std::string> ext;
  for (const ExtensionSource& s : test::scanOfInputs().extensionSources)
    if (s.declaredIn == rel) ext.insert(s.path);
  EXPECT_EQ(ext, expected.extensionSources) << rel;
}

TEST_P(InlineExpectations, SuggestionsMatchExactly) {
  const std::string rel = GetParam();
  const std::string text = test::inputText(rel);
  Expectations expected = readExpectations(text);
  for (const std::string& platform : test::platforms()) {
    test::Rewrite rw = test::rewriteByLine(text, test::suggestionsFor(rel, platform));
    EXPECT_EQ(rw.fixes, expected.fixes[platform]) << rel << " for " << platform;
    EXPECT_EQ(rw.inserts, expected.inserts[platform]) << rel << " for " << platform;
    EXPECT_EQ(rw.advice, expected.advice[platform]) << rel << " for " << platform;
    EXPECT_TRUE(rw.problems.empty()) << rel << " for " << platform << ": " << rw.problems;
  }
}

INSTANTIATE_TEST_SUITE_P(PythonInputs, InlineExpectations, ::testing::ValuesIn(test::inputFiles()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(PythonScan, EveryInputFileIsAccountedFor) {
  std::set<std::string> seen;
  for (const InputFile& in : test::scanOfInputs().inputs) seen.insert(in.path);
  for (const std::string& f : test::inputFiles()) EXPECT_TRUE(seen.count(f)) << f;
  EXPECT_EQ(seen.size(), test::inputFiles().size());
}

TEST(PythonScan, ResultDoesNotDependOnParallelism) {
  auto render = [](unsigned jobs) {
    ScanResult r = test::scanInputs(jobs);
    std::string s;
    for (const Finding& f : r.findings) s += f.location.file + ":" + describe(f) + " " + f.context + " " + f.detail + "\n";
    for (const InputFile& in : r.inputs) s += in.path + " " + std::string(toString(in.status)) + " " + in.message + "\n";
    for (const Suggestion& g : r.suggestions)
      s += g.platform + " " + g.file + ":" + std::to_string(g.offset) + "+" + std::to_string(g.length) + " " +
           g.replacement + "\n";
    return s;
  };
  std::string one = render(1);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, render(4));
}

TEST(PythonScan, FindingsCarryContextAndDetail) {
  const auto& findings = test::scanOfInputs().findings;
  auto find = [&](const std::string& file, const std::string& symbol) -> const Finding* {
    for (const Finding& f : findings)
      if (f.location.file == file && f.symbol.name == symbol) return &f;
    return nullptr;
  };
  const Finding* kernel = find("third_party.py", "add_kernel");
  ASSERT_TRUE(kernel);
  EXPECT_EQ(kernel->detail, "lines=9");  // four lines of code and five CHECK comments
  EXPECT_EQ(kernel->symbol.library, "triton");
  const Finding* cuda = find("devices.py", "torch.nn.Module.cuda");
  ASSERT_TRUE(cuda);
  EXPECT_EQ(cuda->context, "to_device");
  const Finding* lexical = find("ops.py", "torch.Tensor.masked_fill");
  ASSERT_TRUE(lexical);
  EXPECT_NE(lexical->detail.find("receiver type not resolved"), std::string::npos);
  const Finding* ext = find("ext/setup.py", "torch.utils.cpp_extension.CUDAExtension");
  ASSERT_TRUE(ext);
  EXPECT_EQ(ext->detail, "sources=ext/csrc/binding.cpp,ext/csrc/*.cu");
  const Finding* device = find("devices.py", "device:cuda");
  ASSERT_TRUE(device);
  EXPECT_EQ(device->detail, "cuda");
  EXPECT_EQ(device->location.endColumn - device->location.column, 6u);  // "cuda" with its quotes
}

// A hazard finding is inventory to the opdb: its answers come from the rules that raised it.
TEST(PythonScan, HazardFindingsGetTheirRulesAnswers) {
  const ScanResult& r = test::scanOfInputs();
  const auto answers = hazardAnswers(test::platformRules());
  auto nms = answers.find("npu-nms");
  ASSERT_NE(nms, answers.end());
  ASSERT_TRUE(nms->second.count("ascend"));
  EXPECT_FALSE(nms->second.count("dcu")) << "no DCU rule raises it";
  std::vector<ReportFinding> findings;
  for (const Finding& f : r.findings)
    if (f.location.file == "npu_hazards.py" && f.symbol.kind == SymbolKind::Hazard) {
      ReportFinding hazard;
      hazard.finding = f;
      findings.push_back(std::move(hazard));
    }
  ASSERT_FALSE(findings.empty());
  applyHazardAnswers(answers, findings);
  for (const ReportFinding& rf : findings) {
    auto c = rf.coverage.find("ascend");
    ASSERT_NE(c, rf.coverage.end()) << rf.finding.symbol.name;
    EXPECT_FALSE(c->second.note.empty());
    EXPECT_FALSE(c->second.source.empty());
    if (rf.finding.symbol.name == "npu-nms") {
      EXPECT_EQ(c->second.status, CoverageStatus::Mapped);
      EXPECT_EQ(c->second.target, "torch_npu.npu_nms_v4");
    }
    if (rf.finding.symbol.name == "npu-destroy-process-group") EXPECT_EQ(c->second.confidence, Confidence::ThirdParty);
  }
}

}  // namespace
}  // namespace opscope::python
