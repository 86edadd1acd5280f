#include "cuda/Tokenizer.h"

#include <string>

namespace opscope::cuda {
namespace {

bool isIdentStart(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool isIdentChar(unsigned char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }

class Cursor {
 public:
  explicit Cursor(std::string_view t) : t_(t) {}
  bool done() const { return i_ >= t_.size(); }
  char peek(size_t k = 0) const { return i_ + k < t_.size() ? t_[i_ + k] : '\0'; }
  size_t pos() const { return i_; }
  std::uint32_t line() const { return line_; }
  std::uint32_t column() const { return static_cast<std::uint32_t>(i_ - lineStart_ + 1); }
  void advance() {
    if (done()) return;
    if (t_[i_] == '\n') {
      ++line_;
      lineStart_ = i_ + 1;
    }
    ++i_;
  }
  /// Skips a backslash-newline (line splice) if one is here.
  bool skipSplice() {
    if (peek() == '\\' && (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'))) {
      advance();
      if (peek() == '\r') advance();
      advance();
      return true;
    }
    return false;
  }

 private:
  std::string_view t_;
  size_t i_ = 0;
  size_t lineStart_ = 0;
  std::uint32_t line_ = 1;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  Cursor c(text);
  bool atLineStart = true;   // only whitespace so far on this line
  bool inDirective = false;  // inside a preprocessor line
  auto emit = [&](Token::Kind kind, size_t start, std::uint32_t line, std::uint32_t col) {
    out.push_back(Token{kind, text.substr(start, c.pos() - start), static_cast<std::uint32_t>(start), line, col,
                        inDirective && kind != Token::Kind::Directive});
  };
  while (!c.done()) {
    if (c.skipSplice()) continue;
    char ch = c.peek();
    if (ch == '\n') {
      c.advance();
      atLineStart = true;
      inDirective = false;
      continue;
    }
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
      c.advance();
      continue;
    }
    if (ch == '/' && c.peek(1) == '/') {  // line comment, spliced lines included
      while (!c.done() && c.peek() != '\n') {
        if (!c.skipSplice()) c.advance();
      }
      continue;
    }
    if (ch == '/' && c.peek(1) == '*') {
      c.advance();
      c.advance();
      while (!c.done() && !(c.peek() == '*' && c.peek(1) == '/')) c.advance();
      c.advance();
      c.advance();
      continue;
    }
    size_t start = c.pos();
    std::uint32_t line = c.line(), col = c.column();
    if (ch == '#' && atLineStart) {
      c.advance();
      while (c.peek() == ' ' || c.peek() == '\t') c.advance();
      size_t nameStart = c.pos();
      std::uint32_t nl = c.line(), nc = c.column();
      while (isIdentChar(static_cast<unsigned char>(c.peek()))) c.advance();
      inDirective = true;
      atLineStart = false;
      if (c.pos() > nameStart) emit(Token::Kind::Directive, nameStart, nl, nc);
      // #include <...>: the header name is one token, never identifiers.
      std::string_view name = text.substr(nameStart, c.pos() - nameStart);
      if (name == "include" || name == "include_next" || name == "import") {
        while (c.peek() == ' ' || c.peek() == '\t') c.advance();
        if (c.peek() == '<') {
          size_t hs = c.pos();
          std::uint32_t hl = c.line(), hc = c.column();
          while (!c.done() && c.peek() != '>' && c.peek() != '\n') c.advance();
          c.advance();
          emit(Token::Kind::String, hs, hl, hc);
        }
      }
      continue;
    }
    atLineStart = false;
    if (isIdentStart(static_cast<unsigned char>(ch))) {
      while (isIdentChar(static_cast<unsigned char>(c.peek()))) c.advance();
      std::string_view word = text.substr(start, c.pos() - start);
      // String and character literal prefixes: L"", u8"", R"delim(...)delim", LR"", u8R"".
      char q = c.peek();
      bool prefix = word == "L" || word == "u" || word == "U" || word == "u8" || word == "R" ||
                    word == "LR" || word == "uR" || word == "UR" || word == "u8R";
      if (prefix && q == '"' && word.back() == 'R') {
        c.advance();
        size_t ds = c.pos();
        while (!c.done() && c.peek() != '(' && c.peek() != '\n' && c.pos() - ds < 16) c.advance();
        std::string closing = ")" + std::string(text.substr(ds, c.pos() - ds)) + "\"";
        size_t end = text.find(closing, c.pos());
        size_t stop = end == std::string_view::npos ? text.size() : end + closing.size();
        while (c.pos() < stop) c.advance();
        emit(Token::Kind::String, start, line, col);
        continue;
      }
      if (prefix && (q == '"' || q == '\'')) {
        ch = q;  // fall through to the quoted literal below, keeping the prefix in the token
      } else {
        emit(Token::Kind::Identifier, start, line, col);
        continue;
      }
    }
    if (ch == '"' || ch == '\'') {
      char quote = ch;
      c.advance();
      while (!c.done() && c.peek() != quote && c.peek() != '\n') {
        if (c.peek() == '\\') c.advance();
        c.advance();
      }
      c.advance();
      emit(Token::Kind::String, start, line, col);
      continue;
    }
    if (isDigit(static_cast<unsigned char>(ch)) || (ch == '.' && isDigit(static_cast<unsigned char>(c.peek(1))))) {
      while (isIdentChar(static_cast<unsigned char>(c.peek())) || c.peek() == '.' || c.peek() == '\'' ||
             ((c.peek() == '+' || c.peek() == '-') &&
              (text[c.pos() - 1] == 'e' || text[c.pos() - 1] == 'E' || text[c.pos() - 1] == 'p' || text[c.pos() - 1] == 'P')))
        c.advance();
      emit(Token::Kind::Number, start, line, col);
      continue;
    }
    // Punctuation: the multi-character ones the scanners look at.
    static constexpr std::string_view kLong[] = {"<<<", ">>>", "->", "::", "<<", ">>"};
    size_t len = 1;
    for (std::string_view p : kLong)
      if (text.substr(c.pos(), p.size()) == p) {
        len = p.size();
        break;
      }
    for (size_t k = 0; k < len; ++k) c.advance();
    emit(Token::Kind::Punct, start, line, col);
  }
  return out;
}

}  // namespace opscope::cuda
