// The opdb's table kinds (opsets, hardware) and ONNX operator versions: good files load into the
// queries, bad ones are reported at FILE:LINE:COL.
#include <gtest/gtest.h>

#include "db/Database.h"

namespace opscope::db {
namespace {

const char* kPlatforms = R"(opdb: 1
kind: platforms
version: "9.9.9"
platforms:
  - {id: alpha, name: Alpha Accelerator}
)";

const char* kOnnxSymbols = R"(opdb: 1
kind: symbols
sources:
  - {id: onnx, title: ONNX changelog, repository: https://github.com/onnx/onnx, commit: f7546912001bc31e92a238b17068a21b373d882e, date: 2026-08-22, license: Apache-2.0}
symbols:
  - {name: "onnx::Conv", kind: onnx_op, library: ai.onnx, category: onnx, source: onnx, versions: [1, 11, 22]}
  - {name: "onnx::GroupNormalization", kind: onnx_op, library: ai.onnx, category: onnx, source: onnx, versions: [18, 21], deprecated_versions: [18]}
  - {name: "ai.onnx.ml::LabelEncoder", kind: onnx_op, library: ai.onnx.ml, category: onnx-ml, source: onnx, versions: [1, 2, 4]}
)";

const char* kOpsets = R"(opdb: 1
kind: opsets
sources:
  - {id: onnx, title: ONNX helper.py, repository: https://github.com/onnx/onnx, commit: f7546912001bc31e92a238b17068a21b373d882e, date: 2026-08-22, license: Apache-2.0}
domains:
  - {domain: ai.onnx, prefix: onnx, max_opset: 28, source: onnx}
  - {domain: ai.onnx.ml, prefix: ai.onnx.ml, max_opset: 5, source: onnx}
releases:
  - {release: "1.0", ir_version: 3, opsets: {ai.onnx: 1, ai.onnx.ml: 1}, source: onnx}
  - {release: "1.16.0", ir_version: 10, opsets: {ai.onnx: 21, ai.onnx.ml: 4, ai.onnx.training: 1}, source: onnx}
)";

std::string hardware(const std::string& accelerators) {
  return "opdb: 1\nkind: hardware\nsources:\n"
         "  - {id: sheet, title: Datasheet, url: \"https://example.org/sheet.pdf\", date: 2026-01-02, license: vendor document}\n"
         "accelerators:\n" +
         accelerators;
}

struct Loaded {
  Database db;
  std::vector<Diagnostic> diags;
  bool ok = true;
  std::string errors() const {
    std::string out;
    for (const Diagnostic& d : diags)
      if (d.severity == Diagnostic::Severity::Error) out += d.str() + "\n";
    return out;
  }
};

std::unique_ptr<Loaded> load(std::vector<SourceText> files) {
  auto l = std::make_unique<Loaded>();
  files.insert(files.begin(), {"platforms.yaml", kPlatforms});
  l->ok = l->db.addLayer("builtin", files, l->diags);
  return l;
}

TEST(OnnxVersions, ResolveTheSinceVersionInEffectAtAnOpset) {
  auto l = load({{"source/onnx.yaml", kOnnxSymbols}, {"source/onnx_opsets.yaml", kOpsets}});
  ASSERT_TRUE(l->ok) << l->errors();
  const Database& db = l->db;
  EXPECT_EQ(db.sinceVersion("ai.onnx", "Conv", 1), 1);
  EXPECT_EQ(db.sinceVersion("ai.onnx", "Conv", 10), 1);
  EXPECT_EQ(db.sinceVersion("", "Conv", 11), 11);   // "" is the default domain
  EXPECT_EQ(db.sinceVersion("", "Conv", 21), 11);
  EXPECT_EQ(db.sinceVersion("", "Conv", 28), 22);
  EXPECT_EQ(db.sinceVersion("", "GroupNormalization", 17), std::nullopt);  // not yet defined
  EXPECT_EQ(db.sinceVersion("ai.onnx.ml", "LabelEncoder", 3), 2);
  EXPECT_EQ(db.sinceVersion("ai.onnx", "NoSuchOp", 20), std::nullopt);
  EXPECT_EQ(db.sinceVersion("com.microsoft", "Attention", 1), std::nullopt);
  EXPECT_EQ(db.onnxSymbol("", "Conv"), "onnx::Conv");
  EXPECT_EQ(db.onnxSymbol("ai.onnx.ml", "LabelEncoder"), "ai.onnx.ml::LabelEncoder");
  EXPECT_EQ(db.onnxSymbol("com.microsoft", "Attention"), "com.microsoft::Attention");
  const SymbolInfo* gn = db.onnxOperator("ai.onnx", "GroupNormalization");
  ASSERT_NE(gn, nullptr);
  EXPECT_EQ(gn->deprecatedVersions, std::vector<int>{18});
  ASSERT_NE(db.opsetDomain(""), nullptr);
  EXPECT_EQ(db.opsetDomain("")->maxOpset, 28);
  ASSERT_EQ(db.onnxReleases().size(), 2u);
  EXPECT_EQ(db.onnxReleases()[1].irVersion, 10);
  EXPECT_EQ(db.onnxReleases()[1].opsets.at("ai.onnx"), 21);
  EXPECT_EQ(db.onnxReleases()[1].opsets.at("ai.onnx.training"), 1);
  ASSERT_NE(db.onnxReleases()[1].source, nullptr);
}

TEST(OnnxVersions, BadVersionListsAreErrors) {
  std::string bad = R"(opdb: 1
kind: symbols
sources:
  - {id: s, title: T, url: "https://x.org", date: 2026-01-02, license: L}
symbols:
  - {name: "onnx::A", kind: onnx_op, library: ai.onnx, category: onnx, source: s, versions: [1, 11, 11]}
  - {name: "onnx::B", kind: onnx_op, library: ai.onnx, category: onnx, source: s, versions: [1, x]}
  - {name: "onnx::C", kind: onnx_op, library: ai.onnx, category: onnx, source: s, versions: [1], deprecated_versions: [5]}
  - {name: "onnx::D", kind: onnx_op, library: ai.onnx, category: onnx, source: s}
)";
  auto l = load({{"source/bad.yaml", bad}});
  EXPECT_FALSE(l->ok);
  std::string all = l->errors();
  EXPECT_NE(all.find("source/bad.yaml:6:101: error: versions must be strictly ascending ('11' follows 11)"), std::string::npos) << all;
  EXPECT_NE(all.find("source/bad.yaml:7:97: error: version 'x' must be a non-negative integer"), std::string::npos) << all;
  EXPECT_NE(all.find("source/bad.yaml:8:120: error: deprecated version 5 of 'onnx::C' is not among its versions"), std::string::npos) << all;
  EXPECT_NE(all.find("source/bad.yaml:9:6: error: ONNX operator 'onnx::D' lacks its 'versions'"), std::string::npos) << all;
}

TEST(OnnxVersions, BadOpsetsFile) {
  std::string bad = R"(opdb: 1
kind: opsets
sources:
  - {id: s, title: T, url: "https://x.org", date: 2026-01-02, license: L}
domains:
  - {domain: ai.onnx, prefix: onnx, max_opset: latest, source: s}
releases:
  - {release: "1.0", ir_version: 3, opsets: {ai.onnx: one}, source: s}
)";
  auto l = load({{"source/opsets.yaml", bad}});
  std::string all = l->errors();
  EXPECT_NE(all.find("source/opsets.yaml:6:48: error: max_opset 'latest' must be a non-negative integer"), std::string::npos) << all;
  EXPECT_NE(all.find("source/opsets.yaml:8:55: error: opset 'one' must be a non-negative integer"), std::string::npos) << all;
}

// Checks that need the whole file run once every item has been read without error.
TEST(OnnxVersions, BadOpsetsFileAsAWhole) {
  std::string bad = R"(opdb: 1
kind: opsets
sources:
  - {id: s, title: T, url: "https://x.org", date: 2026-01-02, license: L}
domains:
  - {domain: ai.onnx, prefix: onnx, max_opset: 27, source: s}
  - {domain: ai.onnx, prefix: onnx, max_opset: 28, source: nowhere}
entries: []
)";
  auto l = load({{"source/opsets.yaml", bad}});
  EXPECT_FALSE(l->ok);
  std::string all = l->errors();
  EXPECT_NE(all.find("source/opsets.yaml:7:60: error: source 'nowhere' is not among this file's sources"), std::string::npos) << all;
  EXPECT_NE(all.find("source/opsets.yaml:8:1: error: key 'entries' does not belong in a 'opsets' file"), std::string::npos) << all;
  EXPECT_NE(all.find("source/opsets.yaml:7:6: error: domain 'ai.onnx' is listed twice"), std::string::npos) << all;
  EXPECT_EQ(l->db.opsetDomain("ai.onnx"), nullptr);
}

TEST(Hardware, FiguresRangesAndDtypesLoadWithTheirSources) {
  auto l = load({{"hardware.yaml", hardware(R"(  - id: alpha-x1
    name: Alpha X1
    vendor: Alpha Inc.
    platform: alpha
    form: PCIe card
    figures:
      memory_gb: {value: 64, source: sheet}
      memory_bandwidth_gbs: {min: 1600, max: 1800, source: sheet, note: "two datasheets disagree"}
      interconnect: {text: "AlphaLink, 8 links", source: sheet}
    dtypes:
      fp16: {supported: "yes", peak: 313.5, source: sheet}
      fp8: {supported: "no", source: sheet, note: "no FP8 units"}
  - id: ref-gpu
    name: Reference GPU
    vendor: NVIDIA
    platform: reference
)")}});
  ASSERT_TRUE(l->ok) << l->errors();
  const Accelerator* a = l->db.accelerator("alpha-x1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->platform, "alpha");
  EXPECT_EQ(a->line, 6u);
  EXPECT_EQ(a->figures.at("memory_gb").min, 64.0);
  EXPECT_EQ(a->figures.at("memory_gb").max, 64.0);
  EXPECT_EQ(a->figures.at("memory_bandwidth_gbs").min, 1600.0);
  EXPECT_EQ(a->figures.at("memory_bandwidth_gbs").max, 1800.0);
  EXPECT_EQ(a->figures.at("memory_bandwidth_gbs").note, "two datasheets disagree");
  EXPECT_EQ(a->figures.at("interconnect").text, "AlphaLink, 8 links");
  ASSERT_NE(a->figures.at("memory_gb").source, nullptr);
  EXPECT_EQ(a->figures.at("memory_gb").source->url, "https://example.org/sheet.pdf");
  EXPECT_EQ(a->dtypes.at("fp16").supported, true);
  EXPECT_EQ(a->dtypes.at("fp16").peak.max, 313.5);
  EXPECT_EQ(a->dtypes.at("fp8").supported, false);
  EXPECT_FALSE(a->dtypes.at("fp8").peak.max);
  EXPECT_NE(l->db.accelerator("ref-gpu"), nullptr);
}

TEST(Hardware, BadAcceleratorsAreReportedAtTheirNodes) {
  auto l = load({{"hardware.yaml", hardware(R"(  - id: Alpha X1
    name: Alpha X1
    vendor: Alpha Inc.
    platform: alpha
    figures:
      memory_gb: {value: 64GB, source: sheet}
      hbm_stacks: {value: 4, source: sheet}
      tdp_w: {min: 400, max: 300, source: sheet}
      memory_bandwidth_gbs: {value: 1600, min: 1500, source: sheet}
      interconnect: {source: sheet}
    dtypes:
      fp8: {supported: "no", peak: 100, source: sheet}
      fp16: {supported: maybe, source: sheet}
      fp12: {supported: "yes", source: sheet}
      bf16: {peak: 10, source: sheet}
)")}});
  EXPECT_FALSE(l->ok);
  std::string all = l->errors();
  for (const char* expected : {
           "hardware.yaml:6:9: error: accelerator id 'Alpha X1' must match [a-z][a-z0-9_-]*",
           "hardware.yaml:11:26: error: '64GB' is not a number (memory_gb.value)",
           "hardware.yaml:12:7: error: unknown figure 'hbm_stacks' (expected one of interconnect, interconnect_gbs, "
           "memory_bandwidth_gbs, memory_gb, tdp_w)",
           "hardware.yaml:13:15: error: figure 'tdp_w' has min greater than max",
           "hardware.yaml:14:48: error: figure 'memory_bandwidth_gbs' has both a value and a min/max range",
           "hardware.yaml:15:22: error: figure 'interconnect' needs a value, a min and max, or a text",
           "hardware.yaml:17:13: error: data type 'fp8' is unsupported but has a peak figure",
           "hardware.yaml:18:25: error: supported must be yes or no, not 'maybe'",
           "hardware.yaml:19:7: error: unknown data type 'fp12'",
           "hardware.yaml:20:14: error: data type 'bf16' lacks required key 'supported'",
       })
    EXPECT_NE(all.find(expected), std::string::npos) << "expected " << expected << "\ngot:\n" << all;
  EXPECT_EQ(all.find("memory_gb' needs a value"), std::string::npos) << "one error per problem:\n" << all;
  EXPECT_EQ(l->db.accelerators().size(), 0u);
}

TEST(Hardware, WholeFileChecks) {
  auto l = load({{"hardware.yaml", hardware(R"(  - id: alpha-x1
    name: Alpha X1
    vendor: Alpha Inc.
    platform: gamma
    dtypes:
      bf16: {supported: "yes", peak: 10, source: elsewhere}
  - {id: alpha-x1, name: Again, vendor: Alpha Inc., platform: alpha}
)")}});
  EXPECT_FALSE(l->ok);
  std::string all = l->errors();
  EXPECT_NE(all.find("hardware.yaml:11:50: error: source 'elsewhere' is not among this file's sources"), std::string::npos) << all;
  EXPECT_NE(all.find("hardware.yaml:6:5: error: accelerator 'alpha-x1' names unknown platform 'gamma'"), std::string::npos) << all;
  EXPECT_NE(all.find("hardware.yaml:12:6: error: accelerator 'alpha-x1' is listed twice"), std::string::npos) << all;
}

}  // namespace
}  // namespace opscope::db
