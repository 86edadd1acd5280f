#include <gtest/gtest.h>

#include "cuda/Tokenizer.h"

namespace opscope::cuda {
namespace {

std::vector<std::string> identifiers(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text))
    if (t.kind == Token::Kind::Identifier) out.emplace_back(t.text);
  return out;
}

TEST(Tokenizer, SkipsCommentsAndLiterals) {
  EXPECT_EQ(identifiers("a // cudaFree\n/* cudaMalloc\n */ b \"cudaMemset\" 'c' R\"x(cudaX)\")x\" d"),
            (std::vector<std::string>{"a", "b", "d"}));
  EXPECT_EQ(identifiers("u8\"cudaA\" L'x' LR\"(cudaB)\" e"), (std::vector<std::string>{"e"}));
}

TEST(Tokenizer, LineSplicesContinueCommentsAndDirectives) {
  EXPECT_EQ(identifiers("// comment \\\n cudaHidden\nvisible"), (std::vector<std::string>{"visible"}));
  auto toks = tokenize("#define M(x) \\\n  cudaFree(x)\nafter");
  ASSERT_GE(toks.size(), 3u);
  EXPECT_EQ(toks[0].kind, Token::Kind::Directive);
  EXPECT_EQ(toks[0].text, "define");
  bool sawBodyInDirective = false;
  for (const Token& t : toks)
    if (t.text == "cudaFree") sawBodyInDirective = t.inDirective && t.line == 2 && t.column == 3;
  EXPECT_TRUE(sawBodyInDirective);
  EXPECT_FALSE(toks.back().inDirective);
}

TEST(Tokenizer, IncludeHeaderNamesAreNotIdentifiers) {
  EXPECT_EQ(identifiers("#include <cuda_runtime.h>\n#include \"cublas_v2.h\"\nx"), (std::vector<std::string>{"x"}));
}

TEST(Tokenizer, PositionsAreOneBasedBytes) {
  auto toks = tokenize("int\n  kernel<<<1, 2>>>(p);");
  ASSERT_GE(toks.size(), 3u);
  EXPECT_EQ(toks[1].text, "kernel");
  EXPECT_EQ(toks[1].line, 2u);
  EXPECT_EQ(toks[1].column, 3u);
  EXPECT_EQ(toks[2].text, "<<<");
}

TEST(Tokenizer, SurvivesGarbage) {
  std::string bytes;
  for (int i = 0; i < 512; ++i) bytes += static_cast<char>(i * 37 % 256);
  bytes += "\"unterminated";
  EXPECT_NO_THROW(tokenize(bytes));
  EXPECT_NO_THROW(tokenize("R\"abcdefghijklmnopqrstuvwxyz(never closed"));
  EXPECT_NO_THROW(tokenize("/* never closed"));
}

}  // namespace
}  // namespace opscope::cuda
