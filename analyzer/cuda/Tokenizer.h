// A C/C++/CUDA tokenizer for the lexical pass: it tolerates any bytes, never fails, and knows
// comments, string and character literals (raw strings too) and preprocessor lines, so that
// CUDA words inside comments and strings are never taken for code.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace opscope::cuda {

struct Token {
  enum class Kind { Identifier, Number, String, Punct, Directive };
  Kind kind;
  std::string_view text;
  std::uint32_t offset = 0;  // byte offset in the buffer
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in bytes
  bool inDirective = false;  // part of a preprocessor line (its name is a Directive token)
};

/// Splits `text` into tokens. Comments and whitespace are dropped. For a preprocessor line the
/// directive name ("define", "if", ...) comes as a Directive token and the rest of the line as
/// ordinary tokens flagged inDirective.
std::vector<Token> tokenize(std::string_view text);

}  // namespace opscope::cuda
