// The rewrite rules: the built-in files load for every platform and agree with the opdb; a bad
// file is reported at FILE:LINE:COLUMN; user files layer over the built-in ones.
#include <gtest/gtest.h>

#include "db/Database.h"
#include "rewrite/RewriteRules.h"
#include "rewrite/Rules.h"

namespace opscope::rewrite {
namespace {

const std::vector<PlatformId> kPlatforms = {"ascend", "cambricon", "dcu", "enflame"};

std::string errorsOf(const std::vector<db::Diagnostic>& diags) {
  std::string s;
  for (const db::Diagnostic& d : diags) s += d.str() + "\n";
  return s;
}

const db::Database& builtinDb() {
  static const db::Database db = [] {
    db::Database d;
    std::vector<db::Diagnostic> diags;
    if (!db::loadBuiltin(d, diags)) throw std::runtime_error(errorsOf(diags));
    return d;
  }();
  return db;
}

/// The start of a DCU rewrites file with one source (`mine`), up to the key `section:`.
std::string dcuRulesHead(const std::string& section) {
  return "opscope-rules: 1\nkind: rewrites\nplatform: dcu\n"
         "sources: [{id: mine, title: t, url: \"https://example.com\", date: \"2026-01-02\", license: MIT}]\n" +
         section + ":\n";
}

/// `text`, read as the rules file `name`, is refused with a diagnostic holding `message`.
void expectRefused(const std::string& name, const std::string& text, const std::string& message) {
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_FALSE(rules.load({{name, text}}, kPlatforms, diags)) << name;
  EXPECT_NE(errorsOf(diags).find(message), std::string::npos) << errorsOf(diags);
}

TEST(RewriteRules, BuiltinFilesLoadForEveryPlatform) {
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(rules.load(builtinRuleFiles(), kPlatforms, diags)) << errorsOf(diags);
  for (const PlatformId& p : kPlatforms) {
    const PlatformRewrites* r = rules.platform(p);
    ASSERT_NE(r, nullptr) << p;
    EXPECT_FALSE(r->calls.empty()) << p;
    EXPECT_FALSE(r->headers.empty()) << p;
    EXPECT_TRUE(r->opdb.enabled) << p;
  }
  const PlatformRewrites& dcu = *rules.platform("dcu");
  EXPECT_EQ(dcu.mode, PlatformRewrites::Mode::Apply);
  EXPECT_EQ(dcu.header("cuda_runtime.h")->to, "hip/hip_runtime.h");
  EXPECT_EQ(dcu.header("cublas_v2.h")->to, "hipblas/hipblas.h");
  EXPECT_EQ(dcu.launchMacro, "hipLaunchKernelGGL");
  for (const char* p : {"ascend", "cambricon", "enflame"}) {
    EXPECT_EQ(rules.platform(p)->mode, PlatformRewrites::Mode::Suggest) << p;
    EXPECT_NE(rules.platform(p)->kernelNote.find("{hazards}"), std::string::npos) << p;
  }
}

// A call rule calls the name the opdb gives as the platform's equivalent: rules and opdb do not
// drift apart.
TEST(RewriteRules, CallRulesCallTheOpdbTargets) {
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(rules.load(builtinRuleFiles(), kPlatforms, diags));
  unsigned checked = 0;
  for (const PlatformId& p : kPlatforms)
    for (const CallRule& c : rules.platform(p)->calls) {
      const db::Entry* e = builtinDb().entry(p, c.symbol);
      ASSERT_NE(e, nullptr) << p << " " << c.symbol << " has no opdb entry";
      EXPECT_TRUE(isCovered(e->status)) << p << " " << c.symbol;
      std::string expected = e->target.empty() ? c.symbol : e->target;
      // DCU's warp functions drop the mask: HIP's mask-less form of the same function.
      if (p == "dcu" && c.symbol.find("_sync") != std::string::npos) expected = c.symbol.substr(0, c.symbol.size() - 5);
      // Or a sibling the opdb maps another overload to (cudaEventCreate(&e, flags) is
      // hipEventCreateWithFlags, the target of cudaEventCreateWithFlags), or, for DCU, the HIP
      // function the opdb maps another CUDA call to whose C++ form fits (cudaHostAlloc(T**) is
      // hipHostMalloc's template, the target of cudaMallocHost).
      bool sibling = false;
      if (c.argumentTemplate.callee() != expected)
        for (const auto& [name, other] : *builtinDb().entries(p))
          if (other.target == c.argumentTemplate.callee() && (name.starts_with(c.symbol) || p == "dcu")) sibling = true;
      if (!sibling) EXPECT_EQ(c.argumentTemplate.callee(), expected) << p << " " << c.id;
      ++checked;
    }
  EXPECT_GE(checked, 80u);
}

TEST(RewriteRules, ErrorsAreReportedAtTheOffendingNodeAndDropTheFile) {
  std::string bad =
      "opscope-rules: 1\n"
      "kind: rewrites\n"
      "platform: mars\n"
      "mode: sometimes\n"
      "opdb-renames: {statuses: [missing], kinds: [gizmo]}\n"
      "calls:\n"
      "  - {id: c, symbol: cudaMalloc, template: \"f({0})\", note: n, source: s}\n"
      "  - {id: c, symbol: \"a b\", template: \"g({1})\", note: n, source: nowhere}\n"
      "headers:\n"
      "  - {id: h, from: \"<x.h>\", to: y.h, source: s}\n"
      "colour: blue\n";
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_FALSE(rules.load({{"bad.yaml", bad}}, kPlatforms, diags));
  std::string all = errorsOf(diags);
  for (const char* want :
       {"bad.yaml:3:11: error: unknown platform 'mars'", "bad.yaml:4:7: error: mode 'sometimes' is neither apply nor suggest",
        "bad.yaml:5:27: error: status 'missing' is not native, mapped, partial or emulated",
        "bad.yaml:5:45: error: unknown symbol kind 'gizmo'", "bad.yaml:7:43: error: template 'f({0})': arguments are numbered from 1",
        "bad.yaml:8:10: error: duplicate id 'c'", "bad.yaml:8:21: error: symbol 'a b' is not a C/C++ name",
        "source 'nowhere' is not an id", "bad.yaml:10:19: error: from '<x.h>' is not a header name",
        "bad.yaml:11:1: error: unknown key 'colour'"})
    EXPECT_NE(all.find(want), std::string::npos) << want << "\n" << all;
  EXPECT_EQ(rules.platform("mars"), nullptr);
}

TEST(RewriteRules, AnEmptyRenameRemovesOnlyMacros) {
  std::string head = dcuRulesHead("renames");
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_FALSE(rules.load({{"f.yaml", head + "  - {id: r, symbol: cudaFree, to: \"\", kind: function, reason: x, source: mine}\n"}},
                          kPlatforms, diags));
  EXPECT_NE(errorsOf(diags).find("f.yaml:6:35: error: an empty 'to' removes a name: only for kind: macro"), std::string::npos)
      << errorsOf(diags);
  diags.clear();
  EXPECT_FALSE(rules.load({{"g.yaml", head + "  - {id: r, symbol: CUDART_CB, to: \"\", reason: x, source: mine}\n"}}, kPlatforms, diags));
  diags.clear();
  ASSERT_TRUE(rules.load({{"h.yaml", head + "  - {id: r, symbol: CUDART_CB, to: \"\", kind: macro, reason: x, source: mine}\n"}},
                         kPlatforms, diags))
      << errorsOf(diags);
  EXPECT_EQ(rules.platform("dcu")->rename("CUDART_CB", SymbolKind::Macro)->to, "");
}

// A fallback defines a name of its own (the platform may declare the CUDA name one day), and its
// definition must define that name.
TEST(RewriteRules, AFallbackDefinesANameOfItsOwn) {
  expectRefused("f.yaml", dcuRulesHead("fallbacks") + "  - {id: f, symbol: atomicInc_system, to: atomicInc_system, reason: x, "
                                                      "definition: \"int atomicInc_system();\", source: mine}\n",
                "f.yaml:6:43: error: to 'atomicInc_system' must differ from the symbol");
  expectRefused("g.yaml", dcuRulesHead("fallbacks") + "  - {id: f, symbol: atomicInc_system, to: my_inc, reason: x, "
                                                      "definition: \"int other();\", source: mine}\n",
                "the definition does not define 'my_inc'");
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(rules.load(builtinRuleFiles(), kPlatforms, diags)) << errorsOf(diags);
  const FallbackRule* inc = rules.platform("dcu")->fallback("atomicInc_system");
  ASSERT_NE(inc, nullptr);
  EXPECT_NE(inc->definition.find("atomicCAS_system"), std::string::npos);
  // Only names the platform lacks get one: the opdb answers the fallback's symbol missing.
  for (const FallbackRule& f : rules.platform("dcu")->fallbacks) {
    const db::Entry* e = builtinDb().entry("dcu", f.symbol);
    ASSERT_NE(e, nullptr) << f.symbol;
    EXPECT_EQ(e->status, CoverageStatus::Missing) << f.symbol;
  }
}

// An argument cast names the calls and the arguments it wraps, and places the argument.
TEST(RewriteRules, AnArgumentCastPlacesTheArgument) {
  expectRefused("f.yaml", dcuRulesHead("argument-casts") + "  - {id: a, symbols: [min], arguments: [blockDim.x], "
                                                           "to: \"(unsigned)x\", reason: r, source: mine}\n",
                "does not place the argument ({})");
  expectRefused("g.yaml", dcuRulesHead("argument-casts") + "  - {id: a, symbols: [min], to: \"f({})\", reason: r, source: mine}\n",
                "an argument-cast rule needs 'arguments'");
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(rules.load(builtinRuleFiles(), kPlatforms, diags)) << errorsOf(diags);
  const ArgumentCastRule* cast = rules.platform("dcu")->argumentCast("min");
  ASSERT_NE(cast, nullptr);
  EXPECT_TRUE(cast->arguments.count("blockDim.x"));
  EXPECT_EQ(rules.platform("dcu")->argumentCast("printf"), cast);
  EXPECT_EQ(rules.platform("ascend")->argumentCast("min"), nullptr);
}

TEST(RewriteRules, UserFilesLayerOverTheBuiltinOnes) {
  std::string user =
      "opscope-rules: 1\nkind: rewrites\nplatform: ascend\nmode: apply\n"
      "sources: [{id: mine, title: t, url: \"https://example.com\", date: \"2026-01-02\", license: MIT}]\n"
      "calls:\n"
      "  - {id: ascend-malloc, symbol: cudaMalloc, template: \"aclrtMalloc((void **)({1}), {2}, ACL_MEM_MALLOC_NORMAL_ONLY)\", note: small buffers, source: mine}\n"
      "renames:\n"
      "  - {id: my-wrapper, symbol: myCudaAlloc, to: myAclAlloc, kind: function, reason: our wrapper, source: mine}\n";
  std::vector<db::SourceText> files = builtinRuleFiles();
  files.push_back({"user.yaml", user});
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  ASSERT_TRUE(rules.load(files, kPlatforms, diags)) << errorsOf(diags);
  const PlatformRewrites& a = *rules.platform("ascend");
  EXPECT_EQ(a.mode, PlatformRewrites::Mode::Apply);
  EXPECT_NE(a.call("cudaMalloc")->templateText.find("NORMAL_ONLY"), std::string::npos);
  EXPECT_NE(a.call("cudaFree"), nullptr);  // the built-in rules stay
  EXPECT_EQ(a.rename("myCudaAlloc", SymbolKind::Function)->to, "myAclAlloc");
  EXPECT_EQ(a.rename("myCudaAlloc", SymbolKind::Type), nullptr);
  EXPECT_EQ(a.files.back(), "user.yaml");
}

TEST(RewriteRules, HazardLoaderLeavesRewriteFilesAlone) {
  RuleSet hazards;
  std::vector<db::Diagnostic> diags;
  EXPECT_TRUE(hazards.load(builtinRuleFiles(), kPlatforms, diags)) << errorsOf(diags);
  EXPECT_NE(hazards.hazard("warp-size-32"), nullptr);
}

// Nested too deep after its kind: one error at the position (not also "empty rules file"), and
// the hazard loader leaves the file to this one.
TEST(RewriteRules, AFileNestedTooDeepIsOneErrorAtItsPosition) {
  std::string text = "opscope-rules: 1\nkind: rewrites\nplatform: dcu\nrenames: " + std::string(100000, '[') +
                     std::string(100000, ']') + "\n";
  RewriteRuleSet rules;
  std::vector<db::Diagnostic> diags;
  EXPECT_FALSE(rules.load({{"deep.yaml", text}}, kPlatforms, diags));
  ASSERT_EQ(diags.size(), 1u) << errorsOf(diags);
  EXPECT_EQ(diags[0].str(), "deep.yaml:4:110: error: YAML collections nested deeper than 100 levels; the file is not read");
  EXPECT_EQ(rules.platform("dcu"), nullptr);
  RuleSet hazards;
  diags.clear();
  EXPECT_TRUE(hazards.load({{"deep.yaml", text}}, kPlatforms, diags)) << errorsOf(diags);
}

}  // namespace
}  // namespace opscope::rewrite
