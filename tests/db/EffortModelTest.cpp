// rules/effort.yaml and its strict loader: the built-in weights load, cover every platform of the
// opdb with every weight documented, and bad files are errors at the offending node.
#include "db/EffortModel.h"

#include <gtest/gtest.h>

#include "db/Database.h"

namespace opscope::db {
namespace {

std::vector<Diagnostic> load(const std::string& text, std::optional<EffortModel>* out = nullptr) {
  std::vector<Diagnostic> diags;
  auto m = loadEffortModel(SourceText{"effort.yaml", text}, {"ascend", "dcu"}, diags);
  if (out) *out = m;
  return diags;
}

std::string weights(const std::string& skip = "") {
  std::string out = "    weights:\n";
  for (std::string_view id : kEffortWeightIds)
    if (id != skip) out += "      " + std::string(id) + ": {value: 2, rationale: why, source: s}\n";
  return out;
}

const std::string kHead = "opscope-rules: 1\nkind: effort\nsources:\n  - {id: s, title: T, url: 'https://x', date: '2026-01-01'}\nprofiles:\n";

TEST(EffortModel, BuiltinLoadsAndCoversEveryPlatformWithDocumentedWeights) {
  std::vector<Diagnostic> diags;
  std::optional<EffortModel> m = loadEffortModel(builtinEffortFile(), {"ascend", "cambricon", "enflame", "dcu"}, diags);
  for (const Diagnostic& d : diags) ADD_FAILURE() << d.str();
  ASSERT_TRUE(m);
  for (const char* p : {"ascend", "cambricon", "enflame", "dcu"}) {
    const EffortProfile* prof = m->profileFor(p);
    ASSERT_NE(prof, nullptr) << p;
    for (std::string_view id : kEffortWeightIds) {
      const EffortWeight& w = prof->weights.at(std::string(id));
      EXPECT_FALSE(w.rationale.empty()) << id;
      EXPECT_NE(w.source.find("("), std::string::npos) << id << ": the source is resolved to its title and place";
    }
    EXPECT_GT(prof->weight("lines_per_day_high"), prof->weight("lines_per_day_low"));
  }
  EXPECT_TRUE(m->profileFor("dcu")->kernelsCompile);
  EXPECT_FALSE(m->profileFor("ascend")->kernelsCompile);
  EXPECT_EQ(builtinEffortModel().profiles.size(), m->profiles.size());
}

TEST(EffortModel, ReadsAProfile) {
  std::optional<EffortModel> m;
  auto diags = load(kHead + "  - id: p\n    platforms: [dcu]\n    kernels_compile: true\n    redesign_libraries: [cudnn]\n" + weights(), &m);
  ASSERT_TRUE(diags.empty()) << diags.front().str();
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->profileFor("dcu")->kernelsCompile);
  EXPECT_EQ(m->profileFor("dcu")->redesignLibraries, std::vector<std::string>{"cudnn"});
  EXPECT_DOUBLE_EQ(m->profileFor("dcu")->weight("setup_lines"), 2);
  EXPECT_EQ(m->profileFor("ascend"), nullptr);
}

TEST(EffortModel, ErrorsNameTheNode) {
  struct Case {
    std::string text, message;
    unsigned line;
  };
  const std::vector<Case> cases = {
      {kHead + "  - id: p\n    platforms: [dcu]\n" + weights("setup_lines"), "needs weight 'setup_lines'", 6},
      {kHead + "  - id: p\n    platforms: [mars]\n" + weights(), "unknown platform 'mars'", 7},
      {kHead + "  - id: p\n    platforms: [dcu]\n    kernels_compile: maybe\n" + weights(), "expected true or false", 8},
      {kHead + "  - id: p\n    platforms: [dcu]\n    speed: 3\n" + weights(), "unknown key 'speed'", 8},
      {kHead + "  - id: p\n    platforms: [dcu]\n    weights:\n      setup_lines: {value: -1, rationale: r, source: s}\n",
       "needs a number >= 0", 9},
      {kHead + "  - id: p\n    platforms: [dcu]\n    weights:\n      setup_lines: {value: 1, rationale: r, source: nope}\n",
       "unknown source 'nope'", 9},
      {kHead + "  - id: p\n    platforms: [dcu]\n" + weights() + "  - id: q\n    platforms: [dcu]\n" + weights(),
       "platform 'dcu' is in two profiles", static_cast<unsigned>(10 + std::size(kEffortWeightIds))},  // q's platforms
      {"opscope-rules: 1\nkind: hazards\nprofiles: []\n", "an effort file has 'kind: effort'", 2},
  };
  for (const Case& c : cases) {
    std::optional<EffortModel> m;
    auto diags = load(c.text, &m);
    EXPECT_FALSE(m) << c.message;
    bool found = false;
    for (const Diagnostic& d : diags)
      if (d.message.find(c.message) != std::string::npos) {
        found = true;
        EXPECT_EQ(d.line, c.line) << d.str();
      }
    EXPECT_TRUE(found) << c.message << "\n" << (diags.empty() ? "" : diags.front().str());
  }
}

}  // namespace
}  // namespace opscope::db
