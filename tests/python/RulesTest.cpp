// The Python rule loader: the built-in rules load, and bad rule files are refused with
// FILE:LINE:COLUMN diagnostics while the good files still load.
#include <gtest/gtest.h>

#include "PythonTestSupport.h"
#include "scan/PythonRules.h"

namespace opscope::scan {
namespace {

TEST(PythonRules, BuiltinRulesCoverEveryPlatform) {
  const auto& sets = python::test::rules();
  for (const std::string& p : python::test::platforms()) {
    python::RuleSet r = rulesFor(sets, p);
    EXPECT_EQ(r.platform, p);
    if (p == "dcu") {
      EXPECT_TRUE(r.renames.empty() && r.strings.empty() && r.imports.empty()) << "PyTorch-ROCm keeps CUDA names";
      EXPECT_FALSE(r.advice.empty());
    } else {
      EXPECT_FALSE(r.renames.empty()) << p;
      EXPECT_FALSE(r.strings.empty()) << p;
      EXPECT_FALSE(r.imports.empty()) << p;
    }
  }
}

const char* kGood = R"(opscope-rules: 1
kind: python
platform: ascend
sources:
  - {id: s, title: t, url: "https://example.org/doc", date: 2026-01-01, license: MIT}
renames:
  - {id: r1, from: torch.cuda, to: torch.npu, reason: because, source: s}
keywords:
  - {id: k1, from: async, to: non_blocking, reason: renamed, source: s}
imports:
  - {id: i1, statement: import torch_npu, when: file-edited, unless-imported: torch_npu, reason: r, source: s}
)";

TEST(PythonRules, ReadsAGoodFile) {
  std::vector<python::RuleSet> sets;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(loadPythonRules({{"good.yaml", kGood}}, sets, diags));
  ASSERT_EQ(sets.size(), 1u);
  ASSERT_EQ(sets[0].renames.size(), 1u);
  EXPECT_EQ(sets[0].renames[0].to, "torch.npu");
  ASSERT_EQ(sets[0].imports.size(), 1u);
  EXPECT_EQ(sets[0].imports[0].unlessImported, "torch_npu");
  ASSERT_EQ(sets[0].keywords.size(), 1u);
  EXPECT_EQ(sets[0].keywords[0].from, "async");
  EXPECT_EQ(sets[0].keywords[0].to, "non_blocking");
}

struct BadCase {
  const char* text;
  const char* where;    // "LINE:COL"
  const char* message;  // part of the message
};

TEST(PythonRules, BadFilesAreRefusedAtTheOffendingNode) {
  const std::string head = "opscope-rules: 1\nkind: python\nplatform: x\n"
                           "sources: [{id: s, title: t, url: u, date: 2026-01-01, license: MIT}]\n";
  const BadCase cases[] = {
      {"opscope-rules: 2\nkind: python\nplatform: ascend\n", "1:16", "unsupported rule format version"},
      {"opscope-rules: 1\nkind: hazards\nplatform: ascend\n", "2:7", "kind 'hazards' is not read here"},
      {"opscope-rules: 1\nkind: python\nplatform: Ascend!\n", "3:11", "not a platform id"},
      {"renames:\n  - {id: a, from: torch..cuda, to: t, reason: r, source: s}\n", "6:19", "not a dotted Python name"},
      {"strings:\n  - {id: a, symbol: device:cuda, from: cuda, to: npu, reason: r, source: nowhere}\n", "6:74",
       "source 'nowhere' is not an id"},
      {"imports:\n  - {id: a, statement: 'import (', when: file-edited, reason: r, source: s}\n", "6:24",
       "is not one Python import statement"},
      {"imports:\n  - {id: a, statement: import t, when: sometimes, reason: r, source: s}\n", "6:40",
       "neither file-edited nor entry-script"},
      {"advice:\n  - {id: a, symbol: x, reason: r, source: s, colour: red}\n", "6:46", "unknown key 'colour'"},
      {"renames: [{id: a, from: a, to: b, reason: r, source: s}, {id: a, from: a, to: b, reason: r, source: s}]\n",
       "5:63", "duplicate id 'a'"},
      {"opscope-rules: 1\nkind: python\nplatform: x\nsources:\n  - {id: t, title: t, url: u, date: 2026-13-01, license: MIT}\n",
       "5:37", "date '2026-13-01' is not YYYY-MM-DD"},
      {"renames: [\n", "5:11", "YAML syntax"},
      {"imports:\n  - {id: a, statement: import t, when: entry-script, strategy: lazy, reason: r, source: s}\n", "6:64",
       "strategy 'lazy' is neither explicit nor runtime"},
      {"hazards:\n  - {id: h, title: t, checks: [warp-size-32], status: partial, advice: a, source: s}\n", "6:32",
       "check 'warp-size-32' is not a check of the Python frontend"},
      {"hazards:\n  - {id: h, title: t, symbols: [torch.nonzero], status: fine, advice: a, source: s}\n", "6:57",
       "status 'fine' is not a coverage status"},
      {"hazards:\n  - {id: h, title: t, status: partial, advice: a, source: s}\n", "6:6", "needs 'checks' or 'symbols'"},
      {"keywords:\n  - {id: k, from: x.async, to: non_blocking, reason: r, source: s}\n", "6:19",
       "is not a Python keyword argument name"},
      {"keywords:\n  - {id: k, from: async, to: non_blocking, reason: r}\n", "6:6", "a keyword rule needs 'source'"},
  };
  for (const BadCase& c : cases) {
    std::vector<python::RuleSet> sets;
    std::vector<db::Diagnostic> diags;
    std::string text = std::string(c.text).starts_with("opscope-rules") ? c.text : head + c.text;
    EXPECT_FALSE(loadPythonRules({{"bad.yaml", text}, {"good.yaml", kGood}}, sets, diags)) << text;
    ASSERT_FALSE(diags.empty()) << text;
    std::string first = diags.front().str();
    EXPECT_EQ(first.rfind(std::string("bad.yaml:") + c.where + ": error: ", 0), 0u) << first;
    EXPECT_NE(first.find(c.message), std::string::npos) << first;
    // The good file still loads.
    ASSERT_EQ(sets.size(), 1u) << text;
    EXPECT_EQ(sets[0].platform, "ascend");
  }
}

TEST(PythonRules, LaterFilesReplaceRulesWithTheSameId) {
  std::string overlay = std::string(kGood);
  overlay.replace(overlay.find("to: torch.npu"), 13, "to: torch.xpu");
  std::vector<python::RuleSet> sets;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(loadPythonRules({{"a.yaml", kGood}, {"b.yaml", overlay}}, sets, diags));
  ASSERT_EQ(sets.size(), 1u);
  ASSERT_EQ(sets[0].renames.size(), 1u);
  EXPECT_EQ(sets[0].renames[0].to, "torch.xpu");
}

TEST(PythonRules, AscendHazardsNameTheirSourceAndCounterpart) {
  python::RuleSet ascend = rulesFor(python::test::rules(), "ascend");
  auto nms = std::find_if(ascend.hazards.begin(), ascend.hazards.end(), [](const auto& h) { return h.id == "npu-nms"; });
  ASSERT_NE(nms, ascend.hazards.end());
  EXPECT_EQ(nms->target, "torch_npu.npu_nms_v4");
  EXPECT_EQ(nms->status, CoverageStatus::Mapped);
  // The answer cites the source record, not its id.
  EXPECT_NE(nms->source.find("https://github.com/Ascend/op-plugin@517f2e7d0f20"), std::string::npos) << nms->source;
}

// One import strategy per run: explicit renames (the default) or the vendor's run-time migration
// import, never both.
TEST(PythonRules, OneImportStrategyPerRun) {
  const std::string script = "import torch\nx = torch.zeros(2).cuda()\nif __name__ == \"__main__\":\n    pass\n";
  EXPECT_EQ(python::parsePortStrategy("runtime"), python::PortStrategy::Runtime);
  EXPECT_EQ(python::parsePortStrategy("explicit"), python::PortStrategy::Explicit);
  EXPECT_FALSE(python::parsePortStrategy("both"));
  for (python::PortStrategy strategy : {python::PortStrategy::Explicit, python::PortStrategy::Runtime}) {
    python::ScanOptions options;
    options.strategy = strategy;
    options.rules.push_back(rulesFor(python::test::rules(), "ascend"));
    python::ScanResult r = python::scan({{"train.py", script}}, python::test::catalog(), options);
    std::string edits;
    for (const Suggestion& s : r.suggestions) edits += s.replacement + "|";
    if (strategy == python::PortStrategy::Explicit) {
      EXPECT_EQ(edits, "import torch_npu\n|npu|") << edits;
    } else {
      EXPECT_EQ(edits, "from torch_npu.contrib import transfer_to_npu\n|") << edits;
    }
  }
}

}  // namespace
}  // namespace opscope::scan
