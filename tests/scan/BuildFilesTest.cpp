// The build-file scan (analyzer/scan/BuildFiles.h): each input under tests/scan/inputs/cuda_toolchain says,
// beside the line, exactly which CUDA-only build settings it holds:
//   # CHECK: [[@LINE-1]]:COL CHECK-ID {MATCHED TEXT}
// A missing or an extra finding fails. Discovery of build files and the stage are checked too.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "scan/BuildFiles.h"
#include "scan/Stage.h"

namespace opscope::scan {
namespace {
namespace fs = std::filesystem;

const fs::path kInputs = fs::path(OPSCOPE_SOURCE_DIR) / "tests/scan/inputs/cuda_toolchain";

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// "LINE:COL ID {DETAIL}" of every CHECK line of `text`.
std::multiset<std::string> expected(const std::string& text) {
  static const std::regex check(R"(#\s*CHECK:\s*\[\[@LINE([+-]\d+)?\]\]:(\d+)\s+(\S+)\s+\{(.*)\}\s*$)");
  std::multiset<std::string> out;
  std::istringstream in(text);
  std::string line;
  for (unsigned n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (line.find("CHECK") == std::string::npos) continue;
    EXPECT_TRUE(std::regex_search(line, m, check)) << "malformed CHECK line " << n << ": " << line;
    if (m.empty()) continue;
    int offset = m[1].matched ? std::stoi(m[1].str()) : 0;
    out.insert(std::to_string(static_cast<int>(n) + offset) + ":" + m[2].str() + " " + m[3].str() + " {" + m[4].str() + "}");
  }
  return out;
}

std::multiset<std::string> actual(const std::vector<Finding>& findings) {
  std::multiset<std::string> out;
  for (const Finding& f : findings)
    out.insert(std::to_string(f.location.line) + ":" + std::to_string(f.location.column) + " " + f.symbol.name + " {" +
               f.detail + "}");
  return out;
}

TEST(BuildFilesTest, InlineExpectations) {
  std::vector<std::string> files = {"CMakeLists.txt", "Makefile", "build.sh", "cuda.cmake", "ext/setup.py"};
  for (const std::string& rel : files) {
    SCOPED_TRACE(rel);
    std::string text = readAll(kInputs / rel);
    ASSERT_FALSE(text.empty());
    std::vector<Finding> found = scanBuildFile(rel, text);
    std::multiset<std::string> want = expected(text), got = actual(found);
    EXPECT_FALSE(want.empty());
    for (const std::string& w : want)
      EXPECT_TRUE(got.count(w)) << "missing: " << w;
    for (const std::string& g : got)
      EXPECT_TRUE(want.count(g)) << "unexpected: " << g;
    for (const Finding& f : found) {
      EXPECT_EQ(f.symbol.kind, SymbolKind::BuildSetting);
      EXPECT_EQ(f.symbol.library, "build");
      EXPECT_EQ(f.evidence, Evidence::Lexical);
      EXPECT_EQ(f.location.file, rel);
      EXPECT_EQ(f.location.endColumn, f.location.column + f.detail.size());
    }
  }
}

TEST(BuildFilesTest, EveryCheckIsExercisedByTheInputs) {
  std::set<std::string> raised;
  for (const char* rel : {"CMakeLists.txt", "Makefile", "build.sh", "cuda.cmake", "ext/setup.py"})
    for (const Finding& f : scanBuildFile(rel, readAll(kInputs / rel))) raised.insert(f.symbol.name);
  for (const BuildCheck& c : buildChecks()) EXPECT_TRUE(raised.count(std::string(c.id))) << c.id;
}

TEST(BuildFilesTest, CommentsStringsAndLongLines) {
  // A '#' inside quotes is not a comment; a trailing comment is not read; CRLF line ends.
  auto found = scanBuildFile("Makefile", "FLAGS = \"-DTAG=#1\" -lcudart # -gencode here is a comment\r\n"
                                         "\t# nvcc -arch=sm_80 commented out\r\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].symbol.name, "cuda-libraries");
  EXPECT_EQ(found[0].location.line, 1u);
  // A line longer than 4096 bytes is skipped, and the next line is still line 2.
  found = scanBuildFile("build.sh", std::string(5000, 'x') + " nvcc\nnvcc -c k.cu\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location.line, 2u);
  // An empty file and a file without a newline at the end.
  EXPECT_TRUE(scanBuildFile("CMakeLists.txt", "").empty());
  EXPECT_EQ(scanBuildFile("CMakeLists.txt", "enable_language(CUDA)").size(), 1u);
}

TEST(BuildFilesTest, WhichFilesAreBuildFiles) {
  for (const char* yes : {"CMakeLists.txt", "a/b/CMakeLists.txt", "cmake/FindNCCL.cmake", "Makefile", "src/makefile",
                          "GNUmakefile", "rules.mk", "build/win.mak", "scripts/build.sh"})
    EXPECT_TRUE(isBuildFileName(yes)) << yes;
  for (const char* no : {"CMakeLists.txt.in", "README.md", "Makefile.am.txt", "kernel.cu", "setup.py", "cmake"})
    EXPECT_FALSE(isBuildFileName(no)) << no;
  EXPECT_TRUE(isPythonBuildFile("pkg/setup.py", "from setuptools import setup\n"));
  EXPECT_TRUE(isPythonBuildFile("cuda_ext.py", "from torch.utils.cpp_extension import load\n"));
  EXPECT_FALSE(isPythonBuildFile("train.py", "import torch\ntorch.load('x.pt')\n"));
}

TEST(BuildFilesTest, DiscoveryListsBuildFilesAndTheStageReportsThem) {
  DiscoveredInputs in = discoverInputs({kInputs.string()});
  std::set<std::string> build;
  for (const std::string& f : in.buildFiles) build.insert(fs::path(f).lexically_relative(kInputs).generic_string());
  EXPECT_EQ(build, (std::set<std::string>{"CMakeLists.txt", "Makefile", "build.sh", "cuda.cmake"}));
  ASSERT_EQ(in.python.size(), 1u);  // setup.py is a Python file; the stage reads it as a build too
  // A build file named on the command line is accepted; a README is not.
  EXPECT_EQ(discoverInputs({(kInputs / "Makefile").string()}).buildFiles.size(), 1u);
  EXPECT_THROW(discoverInputs({(kInputs / "README.txt").string()}), UsageError);

  db::Database db;
  LayeredRules rules;
  ScanRequest request;
  Report report;
  ScanState state{request, db, rules, in, report, CoverageResolver(db, rules.hazards, rules.rewrites, {Platform{"dcu", "DCU", ""}})};
  makeBuildFileFrontend()->run(state);
  std::map<std::string, unsigned> perFile;
  for (const ReportFinding& rf : report.findings) {
    ++perFile[rf.finding.location.file];
    EXPECT_TRUE(rf.coverage.empty()) << "a build setting is the project's own, not an opdb symbol";
  }
  std::map<std::string, unsigned> want;
  for (const char* rel : {"CMakeLists.txt", "Makefile", "build.sh", "cuda.cmake", "ext/setup.py"})
    want[rel] = static_cast<unsigned>(expected(readAll(kInputs / rel)).size());
  EXPECT_EQ(perFile, want);
  // The four build files by name are inputs of their own; setup.py is the Python stage's input.
  std::set<std::string> inputs;
  for (const InputFile& f : report.inputs) {
    inputs.insert(f.path + " " + f.language + " " + std::string(toString(f.status)));
  }
  EXPECT_EQ(inputs, (std::set<std::string>{"CMakeLists.txt build semantic", "Makefile build semantic",
                                           "build.sh build semantic", "cuda.cmake build semantic"}));
}

}  // namespace
}  // namespace opscope::scan
