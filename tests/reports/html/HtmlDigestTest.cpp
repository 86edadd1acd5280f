// What the HTML page shows, computed from the model: symbols, gaps, kernels, ONNX,
// embedded source and suggestion diffs.
#include <gtest/gtest.h>

#include <algorithm>

#include "reports/HtmlDigest.h"
#include "tests/reports/html/Fixtures.h"

namespace opscope::reports::html {
namespace {

using opscope::testing::FixtureReport;
using opscope::testing::sampleReport;

SourceProvider providerOf(const FixtureReport& fx) {
  return [&fx](const std::string& path) { return fx.source(path); };
}

const SymbolEntry& symbolNamed(const Digest& d, const std::string& name) {
  for (const SymbolEntry& e : d.symbols)
    if (e.symbol.name == name) return e;
  throw std::runtime_error("no symbol " + name);
}

TEST(HtmlDigest, PlatformColumnsAreTheTargetsInOrder) {
  FixtureReport fx = sampleReport();
  Digest d = digest(fx.report, providerOf(fx));
  ASSERT_EQ(d.platforms.size(), 4u);
  EXPECT_EQ(d.platforms[0].id, "ascend");
  EXPECT_EQ(d.platforms[3].id, "dcu");
  EXPECT_EQ(d.platforms[1].name, "Cambricon MLU");
  ASSERT_EQ(d.summaries.size(), 4u);
  EXPECT_EQ(d.summaries[0].platform, "ascend");
}

TEST(HtmlDigest, AnUnlistedPlatformInTheFindingsGetsAColumnToo) {
  FixtureReport fx = sampleReport();
  fx.report.findings.front().coverage["tpu"] = Coverage{CoverageStatus::Native, "x", "", "", std::nullopt, ""};
  Digest d = digest(fx.report, {});
  ASSERT_EQ(d.platforms.size(), 5u);
  EXPECT_EQ(d.platforms[4].id, "tpu");
  EXPECT_EQ(d.platforms[4].name, "tpu");
}

TEST(HtmlDigest, DistinctSymbolsCountOccurrencesAndFiles) {
  FixtureReport fx = sampleReport();
  Digest d = digest(fx.report, {});
  const SymbolEntry& conv = symbolNamed(d, "onnx::Conv");
  EXPECT_EQ(conv.occurrences, 3u);
  EXPECT_EQ(conv.graphOccurrences, 3u);
  EXPECT_EQ(conv.files, 1u);
  EXPECT_FALSE(conv.inventory);
  const SymbolEntry& kernel = symbolNamed(d, "scale_kernel");
  EXPECT_TRUE(kernel.inventory);
  EXPECT_TRUE(kernel.coverage.empty());
  ASSERT_EQ(d.findingSymbol.size(), fx.report.findings.size());
  for (std::size_t i = 0; i < fx.report.findings.size(); ++i) {
    EXPECT_EQ(d.symbols[d.findingSymbol[i]].symbol, fx.report.findings[i].finding.symbol);
    EXPECT_EQ(d.files[d.findingFile[i]].path, fx.report.findings[i].finding.location.file);
  }
}

TEST(HtmlDigest, MatrixHasEveryLookedUpSymbolMostGapsFirst) {
  FixtureReport fx = sampleReport();
  Digest d = digest(fx.report, {});
  std::size_t lookedUp = std::count_if(d.symbols.begin(), d.symbols.end(), [](const SymbolEntry& e) { return !e.inventory; });
  EXPECT_EQ(d.matrix.size(), lookedUp);
  for (std::size_t s : d.matrix) EXPECT_FALSE(d.symbols[s].inventory);
  // FusedAttention is unknown on all four platforms: it leads; mapped-everywhere ones trail.
  EXPECT_EQ(d.symbols[d.matrix.front()].symbol.name, "com.example::FusedAttention");
  for (std::size_t p = 0; p < d.platforms.size(); ++p) {
    CoverageStatus last = d.symbols[d.matrix.back()].status(p);
    EXPECT_TRUE(last == CoverageStatus::Native || last == CoverageStatus::Mapped) << toString(last);
  }
}

TEST(HtmlDigest, GapsAreSymbolsMissingOrUnknownSomewhereMostUsedFirst) {
  FixtureReport fx = sampleReport();
  Digest d = digest(fx.report, {});
  std::vector<std::string> names;
  for (std::size_t s : d.gaps) names.push_back(d.symbols[s].symbol.name);
  EXPECT_EQ(names, (std::vector<std::string>{"onnx::LayerNormalization", "__activemask", "com.example::FusedAttention",
                                             "cublasSgemm"}));
}

TEST(HtmlDigest, KernelInventoryHasDefinitionsLinesAndLaunches) {
  FixtureReport fx = sampleReport();
  Digest d = digest(fx.report, {});
  ASSERT_EQ(d.kernels.size(), 3u);
  auto byName = [&](const std::string& n) {
    return *std::find_if(d.kernels.begin(), d.kernels.end(), [&](const KernelEntry& k) { return k.name == n; });
  };
  KernelEntry scale = byName("scale_kernel");
  ASSERT_TRUE(scale.definition.has_value());
  EXPECT_EQ(scale.lines, 4u);
  ASSERT_EQ(scale.launches.size(), 1u);
  EXPECT_EQ(fx.report.findings[scale.launches[0]].finding.location.line, 12u);
  KernelEntry twice = byName("twice");
  EXPECT_EQ(twice.kind, SymbolKind::DeviceFunction);
  EXPECT_EQ(twice.lines, 3u);
  KernelEntry external = byName("ext_kernel");
  EXPECT_FALSE(external.definition.has_value());
  EXPECT_EQ(external.launches.size(), 1u);
  ASSERT_EQ(d.registeredOps.size(), 1u);
  ASSERT_EQ(d.hazards.size(), 1u);
  EXPECT_EQ(fx.report.findings[d.hazards[0]].finding.symbol.name, "warp-size-32");
}

TEST(HtmlDigest, LinesFromDetail) {
  EXPECT_EQ(linesFromDetail("lines=24"), 24u);
  EXPECT_EQ(linesFromDetail("regs=32 lines=7, smem=0"), 7u);
  EXPECT_EQ(linesFromDetail("outlines=3"), std::nullopt);
  EXPECT_EQ(linesFromDetail("lines="), std::nullopt);
  EXPECT_EQ(linesFromDetail(""), std::nullopt);
}

TEST(HtmlDigest, OnnxHistogramAndUnsupportedNodes) {
  FixtureReport fx = sampleReport();
  Digest d = digest(fx.report, {});
  ASSERT_EQ(d.onnxOps.size(), 3u);
  EXPECT_EQ(d.symbols[d.onnxOps[0]].symbol.name, "onnx::Conv");
  EXPECT_EQ(d.symbols[d.onnxOps[1]].symbol.name, "onnx::LayerNormalization");
  std::vector<std::string> nodes;
  for (std::size_t i : d.onnxUnsupported) nodes.push_back(fx.report.findings[i].finding.context);
  std::sort(nodes.begin(), nodes.end());
  EXPECT_EQ(nodes, (std::vector<std::string>{"/encoder/attn", "/encoder/ln1", "/encoder/ln2"}));
}

TEST(HtmlDigest, FilesCountFindingsGapsAndSuggestions) {
  FixtureReport fx = sampleReport();
  Digest d = digest(fx.report, {});
  auto file = std::find_if(d.files.begin(), d.files.end(), [](const FileEntry& f) { return f.path == "src/app.cu"; });
  ASSERT_NE(file, d.files.end());
  ASSERT_NE(file->input, nullptr);
  EXPECT_EQ(file->hazards, 1u);
  EXPECT_EQ(file->suggestions, 1u);
  EXPECT_EQ(file->gaps[0], 2u);  // ascend: cublasSgemm and __activemask missing
  EXPECT_EQ(file->gaps[1], 2u);  // cambricon: both unknown
  EXPECT_EQ(file->gaps[3], 0u);  // dcu: mapped and native
  auto broken = std::find_if(d.files.begin(), d.files.end(), [](const FileEntry& f) { return f.path == "src/broken.cu"; });
  ASSERT_NE(broken, d.files.end());
  EXPECT_EQ(broken->findings, 0u);
  EXPECT_TRUE(std::is_sorted(d.files.begin(), d.files.end(), [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; }));
}

TEST(HtmlDigest, SuggestionBecomesALineDiff) {
  FixtureReport fx = sampleReport();
  Digest d = digest(fx.report, providerOf(fx));
  ASSERT_EQ(d.diffs.size(), 1u);
  const SuggestionDiff& diff = d.diffs[0];
  ASSERT_TRUE(diff.located);
  EXPECT_EQ(diff.firstLine, 10u);
  EXPECT_EQ(diff.before, (std::vector<std::string>{"  cudaMalloc(&d, n * sizeof(float));"}));
  EXPECT_EQ(diff.after, (std::vector<std::string>{"  hipMalloc(&d, n * sizeof(float));"}));
}

TEST(HtmlDigest, MultiLineEditsAndEditsAtTheEdgesOfTheFile) {
  Report r;
  r.targets = {{"dcu", "Hygon DCU", ""}};
  auto edit = [](std::string file, std::uint64_t offset, std::uint64_t length, std::string replacement) {
    Suggestion s;
    s.platform = "dcu";
    s.file = std::move(file);
    s.offset = offset;
    s.length = length;
    s.replacement = std::move(replacement);
    return s;
  };
  r.suggestions = {edit("a.cu", 0, 3, "x"), edit("a.cu", 4, 5, "one\ntwo\nthree"), edit("a.cu", 12, 0, "!"),
                   edit("a.cu", 13, 0, "x") /* past the end */, edit("b.cu", 0, 1, "x") /* no text */};
  std::string text = "abc\ndef\r\nghi";  // 12 bytes, CRLF in the middle
  Digest d = digest(r, [&](const std::string& p) -> std::optional<std::string> {
    if (p == "a.cu") return text;
    return std::nullopt;
  });
  ASSERT_EQ(d.diffs.size(), 5u);
  EXPECT_TRUE(d.diffs[0].located);
  EXPECT_EQ(d.diffs[0].firstLine, 1u);
  EXPECT_EQ(d.diffs[0].after, (std::vector<std::string>{"x"}));
  EXPECT_EQ(d.diffs[1].firstLine, 2u);
  EXPECT_EQ(d.diffs[1].before, (std::vector<std::string>{"def", "ghi"}));
  EXPECT_EQ(d.diffs[1].after, (std::vector<std::string>{"one", "two", "threeghi"}));  // "def\r\n" replaced
  EXPECT_EQ(d.diffs[2].firstLine, 3u);
  EXPECT_EQ(d.diffs[2].after, (std::vector<std::string>{"ghi!"}));
  EXPECT_FALSE(d.diffs[3].located);
  EXPECT_FALSE(d.diffs[4].located);
}

TEST(HtmlDigest, SourcesAreEmbeddedWholeWithinBudgetAndAsExcerptsBeyond) {
  FixtureReport fx = sampleReport();
  Digest whole = digest(fx.report, providerOf(fx));
  auto index = [&](const Digest& d, const std::string& path) {
    for (std::size_t i = 0; i < d.files.size(); ++i)
      if (d.files[i].path == path) return i;
    return d.files.size();
  };
  const SourceText& app = whole.sources[index(whole, "src/app.cu")];
  ASSERT_TRUE(app.provided);
  EXPECT_TRUE(app.complete);
  ASSERT_EQ(app.segments.size(), 1u);
  EXPECT_EQ(app.segments[0].firstLine, 1u);
  EXPECT_EQ(app.segments[0].lines.size(), 16u);
  EXPECT_EQ(app.segments[0].lines[9], "  cudaMalloc(&d, n * sizeof(float));");
  EXPECT_FALSE(whole.sources[index(whole, "src/broken.cu")].provided);  // no findings: not asked

  SourceBudget tight;
  tight.maxCompleteFileBytes = 10;
  tight.excerptContext = 1;
  Digest excerpts = digest(fx.report, providerOf(fx), tight);
  const SourceText& cut = excerpts.sources[index(excerpts, "src/app.cu")];
  ASSERT_TRUE(cut.provided);
  EXPECT_FALSE(cut.complete);
  // Findings on lines 3, 10-15 and the edit on line 10, one line of context: 2-4 and 9-16.
  ASSERT_EQ(cut.segments.size(), 2u);
  EXPECT_EQ(cut.segments[0].firstLine, 2u);
  EXPECT_EQ(cut.segments[0].lines.size(), 3u);
  EXPECT_EQ(cut.segments[1].firstLine, 9u);
  EXPECT_EQ(cut.segments[1].lines.size(), 8u);

  Digest none = digest(fx.report, {});
  for (const SourceText& st : none.sources) EXPECT_FALSE(st.provided);
}

TEST(HtmlDigest, VeryLongLinesAreCutOnACharacterBoundary) {
  Report r;
  ReportFinding rf;
  rf.finding.symbol = {"cudaMalloc", SymbolKind::Function, "cudart"};
  rf.finding.location.file = "min.js";
  rf.finding.location.line = 1;
  r.findings.push_back(rf);
  std::string line;
  while (line.size() < 10000) line += "\xE4\xB8\xAD";  // 3-byte characters
  Digest d = digest(r, [&](const std::string&) -> std::optional<std::string> { return line + "\n"; });
  ASSERT_EQ(d.sources[0].segments.size(), 1u);
  const std::string& cut = d.sources[0].segments[0].lines[0];
  EXPECT_LT(cut.size(), 4200u);
  EXPECT_NE(cut.find("more bytes)"), std::string::npos);
  std::string kept = cut.substr(0, cut.find(" \xE2\x80\xA6"));
  EXPECT_LE(kept.size(), 4096u);
  EXPECT_EQ(kept.size() % 3, 0u) << "cut inside a character";
}

}  // namespace
}  // namespace opscope::reports::html
