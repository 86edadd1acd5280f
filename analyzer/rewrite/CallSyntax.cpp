#include "rewrite/CallSyntax.h"

#include <cctype>

namespace opscope::rewrite {
namespace {

bool isIdent(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Reads text position by position, stepping over strings and comments as units.
class Cursor {
 public:
  Cursor(std::string_view text, std::uint64_t at, Language lang) : t_(text), i_(at), lang_(lang) {}
  std::uint64_t pos() const { return i_; }
  bool done() const { return i_ >= t_.size(); }
  char peek(size_t k = 0) const { return i_ + k < t_.size() ? t_[i_ + k] : '\0'; }
  bool startsWith(std::string_view s) const { return t_.substr(i_, s.size()) == s; }

  /// Skips one comment, string or character literal starting here; false when none starts here
  /// (or when it does not end, which leaves the cursor at the end).
  bool skipLiteralOrComment() {
    if (lang_ == Language::Cpp) {
      if (startsWith("//")) return skipTo("\n", false);
      if (startsWith("/*")) return skipTo("*/", true);
      if (peek() == 'R' && peek(1) == '"' && !(i_ > 0 && isIdent(t_[i_ - 1]))) return skipRawString();
    } else if (peek() == '#') {
      return skipTo("\n", false);
    }
    char q = peek();
    if (q != '"' && q != '\'') return false;
    if (lang_ == Language::Python && peek(1) == q && peek(2) == q) {
      i_ += 3;
      while (!done()) {
        if (peek() == '\\') i_ += 2;
        else if (peek() == q && peek(1) == q && peek(2) == q) { i_ += 3; return true; }
        else ++i_;
      }
      return true;
    }
    ++i_;
    while (!done() && peek() != q) {
      if (peek() == '\\') ++i_;
      else if (peek() == '\n' && lang_ == Language::Python) break;  // unterminated
      ++i_;
    }
    ++i_;
    return true;
  }

  /// Skips blanks and comments.
  void skipSpace() {
    while (!done()) {
      if (isBlank(peek())) ++i_;
      else if ((lang_ == Language::Cpp && (startsWith("//") || startsWith("/*"))) || (lang_ == Language::Python && peek() == '#'))
        skipLiteralOrComment();
      else if (lang_ == Language::Python && peek() == '\\' && (peek(1) == '\n' || peek(1) == '\r')) ++i_;
      else break;
    }
  }
  void advance(size_t n = 1) { i_ += n; }
  /// True when the cursor is at a '#' that starts a preprocessor line.
  bool atDirective() const {
    if (lang_ != Language::Cpp || peek() != '#') return false;
    for (std::uint64_t j = i_; j > 0; --j) {
      char c = t_[j - 1];
      if (c == '\n') return true;
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

 private:
  bool skipTo(std::string_view end, bool consume) {
    size_t at = t_.find(end, i_ + 1);
    if (at == std::string_view::npos) {
      i_ = t_.size();
      return true;
    }
    i_ = at + (consume ? end.size() : 0);
    return true;
  }
  bool skipRawString() {
    size_t open = t_.find('(', i_ + 2);
    if (open == std::string_view::npos) { i_ = t_.size(); return true; }
    std::string close = ")" + std::string(t_.substr(i_ + 2, open - i_ - 2)) + "\"";
    return skipTo(close, true) || true;
  }

  std::string_view t_;
  std::uint64_t i_;
  Language lang_;
};

Argument trimmed(std::string_view text, std::uint64_t begin, std::uint64_t end) {
  while (begin < end && isBlank(text[begin])) ++begin;
  while (end > begin && isBlank(text[end - 1])) --end;
  return Argument{begin, end - begin};
}

/// Splits a bracketed list starting at the opening token (already consumed by the caller) up to
/// `close` at depth 0; fills `args`, leaves the cursor on `close`. False when unbalanced.
bool splitList(Cursor& c, std::string_view text, std::string_view close, std::vector<Argument>& args, bool& directive) {
  std::uint64_t start = c.pos();
  int depth = 0;
  while (!c.done()) {
    if (c.atDirective()) {
      directive = true;
      return false;
    }
    if (c.skipLiteralOrComment()) continue;
    char ch = c.peek();
    if (depth == 0 && c.startsWith(close)) {
      Argument a = trimmed(text, start, c.pos());
      if (a.length > 0 || !args.empty()) args.push_back(a);
      return true;
    }
    if (ch == '(' || ch == '[' || ch == '{') ++depth;
    else if (ch == ')' || ch == ']' || ch == '}') {
      if (--depth < 0) return false;
    } else if (ch == ',' && depth == 0) {
      args.push_back(trimmed(text, start, c.pos()));
      start = c.pos() + 1;
    } else if (ch == ';' && depth == 0) {
      return false;  // a statement ended inside what should be one list
    }
    c.advance();
  }
  return false;
}

}  // namespace

std::optional<CallArguments> callArguments(std::string_view text, std::uint64_t afterName, Language lang) {
  Cursor c(text, afterName, lang);
  c.skipSpace();
  if (c.peek() != '(') return std::nullopt;
  CallArguments call;
  call.open = c.pos();
  c.advance();
  bool directive = false;
  if (!splitList(c, text, ")", call.args, directive)) return std::nullopt;
  call.close = c.pos();
  // An argument of nothing but comments is no argument (`f(a,  # note` then `)`).
  for (Argument& a : call.args) {
    Cursor blank(text.substr(0, a.offset + a.length), a.offset, lang);
    blank.skipSpace();
    if (blank.done()) a.length = 0;
  }
  // Python allows a trailing comma: `f(a, b,)`.
  if (!call.args.empty() && call.args.back().length == 0) {
    if (lang != Language::Python || call.args.size() == 1) return std::nullopt;
    call.args.pop_back();
  }
  for (const Argument& a : call.args)
    if (a.length == 0) return std::nullopt;
  return call;
}

std::optional<LaunchSyntax> launchSyntax(std::string_view text, std::uint64_t nameOffset) {
  Cursor c(text, nameOffset, Language::Cpp);
  while (!c.done() && (isIdent(c.peek()) || (c.peek() == ':' && c.peek(1) == ':'))) c.advance(c.peek() == ':' ? 2 : 1);
  c.skipSpace();
  // Template arguments of the kernel: `k<float, 4><<<...>>>`.
  if (c.peek() == '<' && !c.startsWith("<<<")) {
    int depth = 0;
    while (!c.done()) {
      if (c.skipLiteralOrComment()) continue;
      char ch = c.peek();
      if (ch == ';' || ch == '{' || ch == '}') return std::nullopt;
      if (ch == '<') ++depth;
      if (ch == '>' && --depth == 0) {
        c.advance();
        break;
      }
      c.advance();
    }
    c.skipSpace();
  }
  if (!c.startsWith("<<<")) return std::nullopt;
  LaunchSyntax launch;
  launch.configOpen = c.pos();
  c.advance(3);
  bool directive = false;
  if (!splitList(c, text, ">>>", launch.config, directive)) return std::nullopt;
  if (launch.config.size() < 2 || launch.config.size() > 4) return std::nullopt;
  for (const Argument& a : launch.config)
    if (a.length == 0) return std::nullopt;
  launch.configClose = c.pos();
  auto call = callArguments(text, c.pos() + 3, Language::Cpp);
  if (!call) return std::nullopt;
  launch.call = *call;
  return launch;
}

std::optional<ArgumentTemplate> ArgumentTemplate::parse(const std::string& spec, std::string& error) {
  ArgumentTemplate t;
  std::string literal;
  unsigned highest = 0;
  bool rest = false;
  for (size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] == '}') {
      error = "unmatched '}' at position " + std::to_string(i + 1);
      return std::nullopt;
    }
    if (spec[i] != '{') {
      literal += spec[i];
      continue;
    }
    size_t close = spec.find('}', i);
    if (close == std::string::npos) {
      error = "unclosed '{' at position " + std::to_string(i + 1);
      return std::nullopt;
    }
    std::string body = spec.substr(i + 1, close - i - 1);
    Piece p;
    size_t digits = 0;
    while (digits < body.size() && std::isdigit(static_cast<unsigned char>(body[digits]))) ++digits;
    if (digits == 0 || digits > 2) {
      error = "placeholder '{" + body + "}' is not {N}, {N|default} or {N*}";
      return std::nullopt;
    }
    p.arg = static_cast<unsigned>(std::stoul(body.substr(0, digits)));
    std::string tail = body.substr(digits);
    if (tail == "*") p.rest = true;
    else if (!tail.empty() && tail[0] == '|') p.fallback = tail.substr(1);
    else if (!tail.empty()) {
      error = "placeholder '{" + body + "}' is not {N}, {N|default} or {N*}";
      return std::nullopt;
    }
    if (p.arg == 0) {
      error = "arguments are numbered from 1";
      return std::nullopt;
    }
    if (rest) {
      error = "{N*} must be the last placeholder";
      return std::nullopt;
    }
    if (!literal.empty()) t.pieces_.push_back(Piece{literal, 0, false, std::nullopt});
    literal.clear();
    highest = std::max(highest, p.arg);
    if (p.rest) {
      rest = true;
      t.minArgs_ = std::max(t.minArgs_, p.arg - 1);
    } else if (!p.fallback) {
      t.minArgs_ = std::max(t.minArgs_, p.arg);
    }
    t.pieces_.push_back(std::move(p));
    i = close;
  }
  if (!literal.empty()) t.pieces_.push_back(Piece{literal, 0, false, std::nullopt});
  if (!rest) t.maxArgs_ = highest;
  size_t paren = spec.find('(');
  std::string head = spec.substr(0, paren == std::string::npos ? spec.size() : paren);
  size_t b = head.find_first_not_of(" \t"), e = head.find_last_not_of(" \t");
  t.callee_ = b == std::string::npos ? "" : head.substr(b, e - b + 1);
  return t;
}

std::optional<std::string> ArgumentTemplate::expand(const std::vector<std::string>& args) const {
  if (args.size() < minArgs_ || (maxArgs_ && args.size() > *maxArgs_)) return std::nullopt;
  std::string out;
  for (const Piece& p : pieces_) {
    if (p.arg == 0) {
      out += p.literal;
    } else if (p.rest) {
      std::string joined;
      for (size_t i = p.arg - 1; i < args.size(); ++i) joined += (joined.empty() ? "" : ", ") + args[i];
      if (joined.empty() && out.size() >= 2 && out.compare(out.size() - 2, 2, ", ") == 0) out.resize(out.size() - 2);
      out += joined;
    } else if (p.arg <= args.size()) {
      out += args[p.arg - 1];
    } else {
      out += *p.fallback;
    }
  }
  return out;
}

}  // namespace opscope::rewrite
