// Merging edits from several units, conflicts, applying, unified diffs and the
// clang-apply-replacements export.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "rewrite/Edit.h"
#include "rewrite/Output.h"

namespace opscope::rewrite {
namespace {

Edit edit(std::string file, std::uint64_t offset, std::uint64_t length, std::string text, std::string rule = "r") {
  Edit e;
  e.file = std::move(file);
  e.offset = offset;
  e.length = length;
  e.replacement = std::move(text);
  e.rule = std::move(rule);
  e.line = 1;
  e.column = static_cast<unsigned>(offset + 1);
  return e;
}

TEST(EditSet, IdenticalEditsFromSeveralUnitsMergeAndOverlapsAreRefusedNamingBoth) {
  EditSet set;
  EXPECT_TRUE(set.add(edit("common.h", 4, 10, "hipMalloc", "opdb")));
  EXPECT_FALSE(set.add(edit("common.h", 4, 10, "hipMalloc", "opdb")));  // the same header from another unit
  EXPECT_TRUE(set.add(edit("other.h", 4, 10, "hipMalloc")));
  EXPECT_FALSE(set.add(edit("common.h", 6, 2, "xx", "user-rule")));
  ASSERT_EQ(set.conflicts().size(), 1u);
  std::string m = set.conflicts()[0].message();
  EXPECT_NE(m.find("common.h:1:5: conflicting edits"), std::string::npos) << m;
  EXPECT_NE(m.find("'hipMalloc' (rule opdb)"), std::string::npos) << m;
  EXPECT_NE(m.find("'xx' (rule user-rule)"), std::string::npos) << m;
  EXPECT_EQ(set.edits().size(), 2u);
  // Insertions at an edge of a replacement do not overlap it.
  EXPECT_TRUE(set.add(edit("common.h", 4, 0, "#include <x>\n")));
  EXPECT_TRUE(set.add(edit("common.h", 14, 0, "y")));
  EXPECT_EQ(set.files(), (std::vector<std::string>{"common.h", "other.h"}));
}

TEST(Edits, ApplyAndPositions) {
  std::string text = "a\ncudaMalloc(p);\n";
  EXPECT_EQ(offsetOf(text, 2, 1), 2u);
  EXPECT_FALSE(offsetOf(text, 2, 40));
  EXPECT_EQ(lineColumnOf(text, 7), (std::pair<unsigned, unsigned>{2, 6}));
  EXPECT_EQ(applyEdits(text, {edit("f", 2, 10, "hipMalloc"), edit("f", 0, 0, "// x\n")}), "// x\na\nhipMalloc(p);\n");
  EXPECT_FALSE(applyEdits(text, {edit("f", 10, 100, "x")}));
}

TEST(Output, UnifiedDiffHasContextAndCorrectRanges) {
  std::string text;
  for (int i = 1; i <= 20; ++i) text += "line" + std::to_string(i) + "\n";
  size_t at5 = text.find("line5"), at18 = text.find("line18");
  std::string diff = unifiedDiff("f.cu", text, {edit("f.cu", at5, 5, "LINE5"), edit("f.cu", at18, 0, "new\n")});
  EXPECT_EQ(diff,
            "--- a/f.cu\n+++ b/f.cu\n"
            "@@ -2,7 +2,7 @@\n line2\n line3\n line4\n-line5\n+LINE5\n line6\n line7\n line8\n"
            "@@ -15,6 +15,7 @@\n line15\n line16\n line17\n-line18\n+new\n+line18\n line19\n line20\n");
  EXPECT_EQ(unifiedDiff("f.cu", text, {edit("f.cu", at5, 5, "line5")}), "");
  EXPECT_EQ(unifiedDiff("g", "x", {edit("g", 1, 0, "y")}), "--- a/g\n+++ b/g\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+xy\n\\ No newline at end of file\n");
}

TEST(Output, ReplacementsYamlIsWhatClangApplyReplacementsApplies) {
  std::string yaml = replacementsYaml({edit("src/a.cu", 0, 0, "#include \"x\"\n"), edit("src/a.cu", 3, 4, "hip")}, "/r");
  EXPECT_NE(yaml.find("FilePath: \"/r/src/a.cu\"\n    Offset: 0\n    Length: 0\n    ReplacementText: \"#include \\\"x\\\"\\n\""),
            std::string::npos)
      << yaml;
  // With the real tool where it is installed: it must read the file and produce our result.
  const char* tools[] = {"clang-apply-replacements-19", "clang-apply-replacements-15", "clang-apply-replacements"};
  std::string tool;
  for (const char* t : tools)
    if (std::system((std::string("command -v ") + t + " >/dev/null 2>&1").c_str()) == 0) {
      tool = t;
      break;
    }
  if (tool.empty()) GTEST_SKIP() << "clang-apply-replacements is not installed";
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("opscope-car-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "fixes");
  std::string source = "int cudaMalloc_(int);\nint x = cudaMalloc_(1);\n";
  std::ofstream(dir / "a.cu") << source;
  std::vector<Edit> edits = {edit("a.cu", 4, 11, "hipMalloc_"), edit("a.cu", 30, 11, "hipMalloc_"), edit("a.cu", 0, 0, "// ported\n")};
  std::ofstream(dir / "fixes" / "a.yaml") << replacementsYaml(edits, dir.string());
  ASSERT_EQ(std::system((tool + " " + (dir / "fixes").string()).c_str()), 0);
  std::ifstream in(dir / "a.cu");
  std::string applied((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(applied, *applyEdits(source, edits));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace opscope::rewrite
