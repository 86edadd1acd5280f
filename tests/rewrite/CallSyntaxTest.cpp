// Taking calls apart in source text and filling argument templates.
#include <gtest/gtest.h>

#include "rewrite/CallSyntax.h"

namespace opscope::rewrite {
namespace {

std::vector<std::string> argsOf(std::string_view text, std::string_view name, Language lang = Language::Cpp) {
  size_t at = text.find(name);
  auto call = callArguments(text, at + name.size(), lang);
  if (!call) return {"<none>"};
  std::vector<std::string> out;
  for (const Argument& a : call->args) out.emplace_back(text.substr(a.offset, a.length));
  return out;
}

TEST(CallSyntax, SplitsArgumentsAtTopLevelCommasOnly) {
  EXPECT_EQ(argsOf("f(a, g(b, c), \"x,)\", ',', v[1, 2], {3, 4})", "f"),
            (std::vector<std::string>{"a", "g(b, c)", "\"x,)\"", "','", "v[1, 2]", "{3, 4}"}));
  EXPECT_EQ(argsOf("f /* c, ) */ (a /* , */, // x,)\n b)", "f"), (std::vector<std::string>{"a /* , */", "// x,)\n b"}));
  EXPECT_EQ(argsOf("f()", "f"), std::vector<std::string>{});
  EXPECT_EQ(argsOf("f(R\"(a, b))\", c)", "f"), (std::vector<std::string>{"R\"(a, b))\"", "c"}));
}

TEST(CallSyntax, RefusesWhatIsNotOneWholeCall) {
  EXPECT_EQ(argsOf("f(a, b;", "f"), std::vector<std::string>{"<none>"});
  EXPECT_EQ(argsOf("f;", "f"), std::vector<std::string>{"<none>"});
  EXPECT_EQ(argsOf("f(a,\n#ifdef X\n b\n#endif\n)", "f"), std::vector<std::string>{"<none>"});
  EXPECT_EQ(argsOf("f(a, )", "f"), std::vector<std::string>{"<none>"});
}

TEST(CallSyntax, PythonStringsCommentsAndTrailingCommas) {
  EXPECT_EQ(argsOf("f('a,)', \"\"\"b,\n)\"\"\", c,  # x)\n)", "f", Language::Python),
            (std::vector<std::string>{"'a,)'", "\"\"\"b,\n)\"\"\"", "c"}));
}

TEST(CallSyntax, LaunchesWithTemplateArgumentsAndConfigurations) {
  std::string text = "k<float, 4><<<dim3(g, 1), b, 0, s>>>(x, y);";
  auto l = launchSyntax(text, 0);
  ASSERT_TRUE(l);
  ASSERT_EQ(l->config.size(), 4u);
  EXPECT_EQ(text.substr(l->config[0].offset, l->config[0].length), "dim3(g, 1)");
  EXPECT_EQ(l->call.args.size(), 2u);
  EXPECT_FALSE(launchSyntax("k<<<1>>>(x);", 0));  // one configuration value is not a launch
  EXPECT_FALSE(launchSyntax("k(x);", 0));
}

TEST(ArgumentTemplate, PlaceholdersDefaultsAndRest) {
  std::string error;
  auto t = ArgumentTemplate::parse("__shfl_xor({2}, {3}, {4*})", error);
  ASSERT_TRUE(t) << error;
  EXPECT_EQ(t->callee(), "__shfl_xor");
  EXPECT_EQ(t->minArgs(), 3u);
  EXPECT_EQ(t->expand({"m", "v", "1"}), "__shfl_xor(v, 1)");
  EXPECT_EQ(t->expand({"m", "v", "1", "16"}), "__shfl_xor(v, 1, 16)");
  EXPECT_FALSE(t->expand({"m", "v"}));

  auto d = ArgumentTemplate::parse("aclrtRecordEvent({1}, {2|NULL})", error);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->expand({"e"}), "aclrtRecordEvent(e, NULL)");
  EXPECT_EQ(d->expand({"e", "s"}), "aclrtRecordEvent(e, s)");
  EXPECT_FALSE(d->expand({"e", "s", "x"}));  // an argument would be lost

  auto m = ArgumentTemplate::parse("aclrtMemcpy({1}, {3}, {2}, {3}, {4})", error);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->expand({"d", "s", "n", "k"}), "aclrtMemcpy(d, n, s, n, k)");
}

TEST(ArgumentTemplate, MalformedTemplatesAreErrors) {
  std::string error;
  for (const char* bad : {"f({0})", "f({x})", "f({1", "f(1})", "f({2*}, {3})", "f({123})"}) {
    EXPECT_FALSE(ArgumentTemplate::parse(bad, error)) << bad;
    EXPECT_FALSE(error.empty());
  }
}

}  // namespace
}  // namespace opscope::rewrite
