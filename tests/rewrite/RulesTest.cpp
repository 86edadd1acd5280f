// The rules loader: the built-in hazard rules load; a bad file is reported at FILE:LINE:COLUMN
// and contributes nothing while the other files still load; other kinds are left to their loaders.
#include <gtest/gtest.h>

#include "rewrite/Rules.h"

namespace opscope::rewrite {
namespace {

const std::vector<PlatformId> kPlatforms = {"ascend", "cambricon", "dcu", "enflame"};

std::string errorsOf(const std::vector<db::Diagnostic>& diags) {
  std::string s;
  for (const db::Diagnostic& d : diags) s += d.str() + "\n";
  return s;
}

TEST(Rules, BuiltinHazardRulesLoadWithAdviceForEveryPlatform) {
  RuleSet rules;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(rules.load(builtinRuleFiles(), kPlatforms, diags)) << errorsOf(diags);
  EXPECT_GE(rules.hazards().size(), 10u);
  for (const char* id : {"warp-size-32", "inline-ptx", "tensor-cores", "fp8", "bf16", "fp64", "managed-memory",
                         "textures-surfaces", "dynamic-parallelism", "cuda-graphs"}) {
    const HazardRule* h = rules.hazard(id);
    ASSERT_NE(h, nullptr) << id;
    EXPECT_FALSE(h->message.empty()) << id;
    for (const PlatformId& p : kPlatforms) {
      auto a = h->advice.find(p);
      ASSERT_NE(a, h->advice.end()) << id << " has no advice for " << p;
      EXPECT_FALSE(a->second.text.empty());
      // An answer other than unknown cites where it comes from.
      if (a->second.status != CoverageStatus::Unknown) EXPECT_FALSE(a->second.source.empty()) << id << " on " << p;
    }
  }
  EXPECT_EQ(rules.hazard("warp-size-32")->advice.at("dcu").status, CoverageStatus::Partial);
}

TEST(Rules, ErrorsAreReportedAtTheOffendingNodeAndDropTheFile) {
  std::string bad =
      "opscope-rules: 1\n"
      "kind: hazards\n"
      "hazards:\n"
      "  - id: Not_Kebab\n"
      "    title: t\n"
      "    severity: extreme\n"
      "    message: m\n"
      "    detect: {symbols: [\"a*b\"]}\n"
      "    advice:\n"
      "      mars: {status: mapped, text: x}\n"
      "      dcu: {status: sometimes, text: y, source: nowhere}\n"
      "    colour: blue\n";
  std::string good =
      "opscope-rules: 1\n"
      "kind: hazards\n"
      "hazards:\n"
      "  - {id: fine, title: t, severity: low, message: m, detect: {symbols: [cudaFoo]}, advice: {dcu: {status: missing, text: no}}}\n";
  RuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_FALSE(rules.load({{"bad.yaml", bad}, {"good.yaml", good}}, kPlatforms, diags));
  std::string all = errorsOf(diags);
  EXPECT_NE(all.find("bad.yaml:6:15: error: severity must be info, low, medium or high"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.yaml:8:24: error: a symbol pattern is a name or a prefix ending in '*'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.yaml:10:7: error: unknown platform 'mars'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.yaml:11:21: error: unknown status 'sometimes'"), std::string::npos) << all;
  EXPECT_NE(all.find("unknown source 'nowhere'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.yaml:12:5: error: unknown key 'colour' in a hazard"), std::string::npos) << all;
  EXPECT_NE(all.find("kebab-case"), std::string::npos) << all;
  EXPECT_EQ(rules.hazard("Not_Kebab"), nullptr);
  ASSERT_NE(rules.hazard("fine"), nullptr);
  EXPECT_EQ(rules.hazard("fine")->advice.at("dcu").status, CoverageStatus::Missing);
}

TEST(Rules, OtherKindsAreLeftToTheirLoadersAndUnknownKindsAreErrors) {
  RuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_TRUE(rules.load({{"py.yaml", "opscope-rules: 1\nkind: python\nplatform: dcu\nrenames: []\n"}}, kPlatforms, diags))
      << errorsOf(diags);
  EXPECT_TRUE(rules.hazards().empty());
  EXPECT_FALSE(rules.load({{"x.yaml", "opscope-rules: 1\nkind: spells\n"}}, kPlatforms, diags));
  EXPECT_NE(errorsOf(diags).find("x.yaml:2:7: error: unknown rules kind 'spells'"), std::string::npos) << errorsOf(diags);
  EXPECT_EQ(ruleFileKind("# comment\nopscope-rules: 1\nkind: hazards\n"), "hazards");
}

TEST(Rules, TheKindIsReadThroughTheYamlGuardsAndProblemsArePlaced) {
  auto kindOf = [](const std::string& text, std::string& problems) {
    std::vector<db::Diagnostic> diags;
    std::optional<std::string> kind = ruleFileKind(db::SourceText{"k.yaml", text}, diags);
    problems = errorsOf(diags);
    EXPECT_EQ(kind.has_value(), diags.empty()) << text;
    return kind.value_or("");
  };
  std::string problems;
  for (const char* kind : {"hazards", "python", "rewrites"})
    EXPECT_EQ(kindOf(std::string("# c\nopscope-rules: 1\nkind: ") + kind + "\nrest: [\n", problems), kind) << problems;
  EXPECT_EQ(kindOf("opscope-rules: 1\nhazards: []\n", problems), "");
  EXPECT_NE(problems.find("k.yaml:1:1: error: a rules file needs a 'kind'"), std::string::npos) << problems;
  EXPECT_EQ(kindOf("opscope-rules: 1\nkind: spells\n", problems), "");
  EXPECT_NE(problems.find("k.yaml:2:7: error: unknown rules kind 'spells'"), std::string::npos) << problems;
  EXPECT_EQ(kindOf("opscope-rules: 1\nkind: [hazards]\n", problems), "");
  // (LLVM starts a flow sequence after its bracket.)
  EXPECT_NE(problems.find("k.yaml:2:8: error: kind must be a scalar"), std::string::npos) << problems;
  EXPECT_EQ(kindOf("x: &k hazards\nkind: *k\n", problems), "");
  EXPECT_NE(problems.find("k.yaml:2:7: error: YAML aliases are not allowed"), std::string::npos) << problems;
  EXPECT_EQ(kindOf("opscope-rules: 1\nx: \"open\nkind: hazards\n", problems), "");
  EXPECT_NE(problems.find("YAML syntax"), std::string::npos) << problems;
  EXPECT_EQ(kindOf("", problems), "");
  EXPECT_NE(problems.find("k.yaml:1:1: error: empty rules file"), std::string::npos) << problems;
  // Nested too deep: after the kind, the kind is read (its loader reports the nesting); before
  // it, the nesting is the problem.
  std::string deep = std::string(1000, '[') + std::string(1000, ']');
  EXPECT_EQ(kindOf("opscope-rules: 1\nkind: hazards\nhazards: " + deep + "\n", problems), "hazards") << problems;
  EXPECT_EQ(kindOf("opscope-rules: 1\nx: " + deep + "\nkind: hazards\n", problems), "");
  EXPECT_NE(problems.find("k.yaml:2:104: error: YAML collections nested deeper than 100 levels"), std::string::npos) << problems;
  // The text form: the kind as written, or "".
  EXPECT_EQ(ruleFileKind("opscope-rules: 1\nkind: spells\n"), "spells");
  EXPECT_EQ(ruleFileKind("opscope-rules: 1\nkind: [hazards]\n"), "");
  EXPECT_EQ(ruleFileKind("title: 'kind: hazards'\n"), "");  // the regex peek said hazards
}

// Found with a hazards file passed to `opscope scan --rules`: a million '[' crashed the old
// loader (stack overflow in LLVM's recursive skip). Now the file is refused at the position.
TEST(Rules, AHazardsFileNestedAMillionDeepIsAnErrorAtItsPosition) {
  std::string text = "opscope-rules: 1\nkind: hazards\nhazards: " + std::string(1000000, '[') + std::string(1000000, ']') + "\n";
  RuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_FALSE(rules.load({{"deep.yaml", text}}, kPlatforms, diags));
  ASSERT_EQ(diags.size(), 1u) << errorsOf(diags);
  EXPECT_EQ(diags[0].str(), "deep.yaml:3:110: error: YAML collections nested deeper than 100 levels; the file is not read");
  EXPECT_TRUE(rules.hazards().empty());
}

TEST(Rules, TheGuardsOfTheYamlReaderApplyToHazardFiles) {
  std::string text =
      "opscope-rules: 1\nkind: hazards\n"
      "hazards:\n"
      "  - id: twice-keyed\n"
      "    title: t\n"
      "    title: again\n"
      "    severity: low\n"
      "    message: &m m\n"
      "    detect: {symbols: [cudaFoo]}\n"
      "    advice:\n"
      "      dcu: {status: missing, text: *m}\n";
  RuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_FALSE(rules.load({{"g.yaml", text}}, kPlatforms, diags));
  std::string all = errorsOf(diags);
  EXPECT_NE(all.find("g.yaml:6:5: error: duplicate key 'title' in a hazard"), std::string::npos) << all;
  EXPECT_NE(all.find("g.yaml:11:36: error: YAML aliases are not allowed"), std::string::npos) << all;
  EXPECT_TRUE(rules.hazards().empty());
}

TEST(Rules, SourcesMayComeAfterTheHazardsThatCiteThem) {
  std::string text =
      "hazards:\n"
      "  - {id: late, title: t, severity: low, message: m, detect: {symbols: [cudaFoo]},\n"
      "     advice: {dcu: {status: partial, text: x, source: guide}}}\n"
      "kind: hazards\n"
      "sources:\n"
      "  - {id: guide, title: The guide, url: 'https://example.org/g', date: '2026-01-02'}\n"
      "opscope-rules: 1\n";
  RuleSet rules;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(rules.load({{"late.yaml", text}}, kPlatforms, diags)) << errorsOf(diags);
  EXPECT_EQ(rules.hazard("late")->advice.at("dcu").source, "The guide (https://example.org/g), 2026-01-02");
}

TEST(Rules, DuplicateIdsAcrossFilesAreRejected) {
  std::string file =
      "opscope-rules: 1\nkind: hazards\nhazards:\n"
      "  - {id: twice, title: t, severity: low, message: m, detect: {checks: [inline-asm]}}\n";
  RuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_FALSE(rules.load({{"a.yaml", file}, {"b.yaml", file}}, kPlatforms, diags));
  EXPECT_NE(errorsOf(diags).find("b.yaml:4:1: error: hazard id 'twice' is already defined at a.yaml:4"), std::string::npos)
      << errorsOf(diags);
}

TEST(Rules, MalformedYamlIsAnErrorNotACrash) {
  RuleSet rules;
  std::vector<db::Diagnostic> diags;
  for (const char* text : {"", "[", "opscope-rules: 1\nkind: hazards\nhazards: {a: [\n", "- - -\n", "kind: [hazards]\n"})
    EXPECT_FALSE(rules.load({{"m.yaml", text}}, kPlatforms, diags)) << text;
}

}  // namespace
}  // namespace opscope::rewrite
