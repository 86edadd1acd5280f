#include "cuda/LexicalScanner.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "cuda/CudaNames.h"

namespace opscope::cuda {
namespace {

/// Words after which an identifier is an expression, never a declared name.
bool isStatementKeyword(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "return", "if", "while", "for", "switch", "sizeof", "alignof", "new", "delete", "case", "else", "do", "throw",
      "goto", "co_return", "co_await", "co_yield", "typeid", "decltype", "static_assert", "using", "namespace",
      "operator", "noexcept", "and", "or", "not", "defined"};
  return kWords.count(w) > 0;
}

bool isAttributeLike(std::string_view w) {
  return w == "__launch_bounds__" || w == "__attribute__" || w == "__align__" || w == "__declspec" ||
         w == "alignas" || w == "__maxnreg__" || w == "__cluster_dims__";
}

}  // namespace

TokenView::TokenView(std::vector<Token> tokens) : toks_(std::move(tokens)) {
  collectDeclarations();
  collectDeviceRegions();
  collectNamespaces();
}

bool TokenView::isPunct(size_t i, std::string_view p) const {
  return i < toks_.size() && toks_[i].kind == Token::Kind::Punct && toks_[i].text == p;
}

size_t TokenView::matching(size_t i) const {
  if (i >= toks_.size()) return toks_.size();
  std::string_view open = toks_[i].text, close;
  if (open == "(") close = ")";
  else if (open == "[") close = "]";
  else if (open == "{") close = "}";
  else if (open == "<") close = ">";
  else return toks_.size();
  int depth = 0;
  for (size_t j = i; j < toks_.size(); ++j) {
    if (toks_[j].kind != Token::Kind::Punct) continue;
    if (toks_[j].text == open) ++depth;
    else if (toks_[j].text == close && --depth == 0) return j;
    else if (open == "<" && (toks_[j].text == ";" || toks_[j].text == "{")) break;  // not a template list
    else if (open == "<" && toks_[j].text == ">>" && (depth -= 2) <= 0) return j;
  }
  return toks_.size();
}

bool TokenView::closesTemplateList(size_t gt) const {
  int depth = 0;
  for (size_t k = gt + 1; k-- > 0 && gt - k < 48;) {
    if (toks_[k].kind != Token::Kind::Punct) continue;
    std::string_view p = toks_[k].text;
    if (p == ">") ++depth;
    else if (p == ">>") depth += 2;
    else if (p == "<" && --depth == 0) return k > 0 && isIdent(k - 1);
    else if (p == ";" || p == "{" || p == "}" || p == "(" || p == ")" || p == "=") return false;
  }
  return false;
}

void TokenView::collectDeclarations() {
  for (size_t i = 0; i < toks_.size(); ++i) {
    const Token& t = toks_[i];
    if (t.kind == Token::Kind::Directive) {
      if (t.text == "define" && isIdent(i + 1)) declared_.insert(toks_[i + 1].text);
      if (t.text == "include" && i + 1 < toks_.size()) {
        std::string_view h = toks_[i + 1].text;
        if (h.find("torch/") != std::string_view::npos || h.find("ATen/") != std::string_view::npos ||
            h.find("c10/") != std::string_view::npos)
          torch_ = true;
      }
      continue;
    }
    if (t.kind != Token::Kind::Identifier || t.inDirective) continue;
    // struct/class/union/enum NAME, namespace NAME, using NAME =, typedef ... NAME;
    if ((t.text == "struct" || t.text == "class" || t.text == "union" || t.text == "enum") && isIdent(i + 1)) {
      size_t n = isIdent(i + 1, "class") || isIdent(i + 1, "struct") ? i + 2 : i + 1;  // enum class X
      if (isIdent(n) && !isPunct(n + 1, "::")) declared_.insert(toks_[n].text);
      continue;
    }
    if (t.text == "using" && isIdent(i + 1) && isPunct(i + 2, "=")) {
      declared_.insert(toks_[i + 1].text);
      continue;
    }
    if (t.text == "typedef") {
      size_t j = i + 1;
      int depth = 0;
      for (; j < toks_.size() && !(depth == 0 && isPunct(j, ";")); ++j) {
        if (isPunct(j, "{") || isPunct(j, "(")) ++depth;
        if (isPunct(j, "}") || isPunct(j, ")")) --depth;
      }
      // typedef ... NAME;  or  typedef R (*NAME)(...);
      for (size_t k = j; k > i; --k)
        if (isIdent(k - 1) && (isPunct(k, ";") || isPunct(k, ")") || isPunct(k, "["))) {
          declared_.insert(toks_[k - 1].text);
          break;
        }
      continue;
    }
    // TYPE NAME followed by ( ; = , [ { ) : a declaration of NAME (function, variable, parameter).
    if (i == 0) continue;
    const Token& prev = toks_[i - 1];
    bool typeBefore = (prev.kind == Token::Kind::Identifier && !isStatementKeyword(prev.text) && !prev.inDirective) ||
                      (prev.kind == Token::Kind::Punct && (prev.text == "*" || prev.text == "&" || prev.text == ">"));
    if (!typeBefore) continue;
    if (isPunct(i + 1, "(") || isPunct(i + 1, ";") || isPunct(i + 1, "=") || isPunct(i + 1, ",") ||
        isPunct(i + 1, "[") || isPunct(i + 1, "{") || isPunct(i + 1, ")")) {
      // "b * f(x)" in an expression is not a declaration of f: after '*' or '&', the word before
      // them must start a declaration (follow a statement boundary or a declaration specifier).
      if (prev.kind == Token::Kind::Punct && prev.text != ">") {
        size_t k = i - 1;
        while (k > 0 && (isPunct(k, "*") || isPunct(k, "&"))) --k;
        if (!isIdent(k)) continue;
        bool starts = k == 0 || isPunct(k - 1, ";") || isPunct(k - 1, "{") || isPunct(k - 1, "}") ||
                      isPunct(k - 1, "(") || isPunct(k - 1, ",") || isPunct(k - 1, ">") || isPunct(k - 1, "::") ||
                      isPunct(k - 1, ":") || (isIdent(k - 1) && !isStatementKeyword(toks_[k - 1].text));
        if (!starts || (isPunct(i + 1, "(") && (isPunct(k - 1, "(") || isPunct(k - 1, ",")))) continue;
      }
      if (isPunct(i - 1, ">") && !closesTemplateList(i - 1)) continue;  // "a > f(x)" is a comparison
      declared_.insert(t.text);
    }
  }
}

void TokenView::collectDeviceRegions() {
  for (size_t i = 0; i < toks_.size(); ++i) {
    const Token& t = toks_[i];
    if (t.kind != Token::Kind::Identifier || t.inDirective) continue;
    if (t.text != "__global__" && t.text != "__device__") continue;
    if (i > 0 && (isIdent(i - 1, "__global__") || isIdent(i - 1, "__device__") || isIdent(i - 1, "__host__") ||
                  isIdent(i - 1, "__forceinline__") || isIdent(i - 1, "inline") || isIdent(i - 1, "static")) &&
        !regions_.empty() && regions_.back().open > i)
      continue;
    DeviceRegion r;
    r.kernel = t.text == "__global__";
    r.firstLine = t.line;
    size_t j = i + 1;
    size_t name = toks_.size();
    for (; j < toks_.size() && j < i + 64; ++j) {
      if (isPunct(j, ";") || isPunct(j, "{") || isPunct(j, "=")) break;
      if (isIdent(j) && isAttributeLike(toks_[j].text) && isPunct(j + 1, "(")) {
        j = matching(j + 1);
        continue;
      }
      if (isIdent(j, "__global__")) r.kernel = true;
      if (isPunct(j, "(")) {
        if (isIdent(j - 1) && !isIdent(j - 1, "__device__") && !isIdent(j - 1, "__host__") && !isIdent(j - 1, "__global__"))
          name = j - 1;
        else if (isIdent(j - 1, "__device__") || isIdent(j - 1, "__host__"))
          name = j;  // a lambda: [] __device__ (...) { ... }
        j = matching(j);
        // trailing const, noexcept, -> R, __launch_bounds__ ...
        size_t k = j + 1;
        for (; k < toks_.size() && k < j + 24; ++k) {
          if (isPunct(k, "{") || isPunct(k, ";") || isPunct(k, "=") || isPunct(k, ",")) break;
          if (isPunct(k, "(")) k = matching(k);
        }
        j = k;
        break;
      }
    }
    if (name == toks_.size() || !isPunct(j, "{")) continue;
    r.open = j;
    r.close = matching(j);
    if (r.close >= toks_.size()) continue;
    r.nameToken = name;
    r.name = isIdent(name) ? std::string(toks_[name].text) : std::string();
    for (size_t k = r.open; k < r.close; ++k)
      if (isIdent(k) && isWarpIntrinsic(toks_[k].text)) r.usesWarpOps = true;
    regions_.push_back(r);
    i = r.open;  // nested regions (device lambdas in kernels) are found on the way
  }
}

void TokenView::collectNamespaces() {
  for (size_t i = 0; i + 2 < toks_.size(); ++i) {
    if (toks_[i].inDirective) continue;
    if (isIdent(i, "using") && isIdent(i + 1, "namespace")) {
      size_t end = 0;
      std::string ns = qualifiedNameAt(*this, i + 2, end);
      if (!ns.empty()) using_.push_back(ns);
    } else if (isIdent(i, "namespace") && isIdent(i + 1) && isPunct(i + 2, "=")) {
      size_t end = 0;
      std::string target = qualifiedNameAt(*this, i + 3, end);
      if (!target.empty()) aliases_[std::string(toks_[i + 1].text)] = target;
    }
  }
}

const DeviceRegion* TokenView::deviceRegionAt(size_t i) const {
  const DeviceRegion* best = nullptr;
  for (const DeviceRegion& r : regions_)
    if (r.open <= i && i <= r.close && (!best || r.open > best->open)) best = &r;
  return best;
}

std::string qualifiedNameAt(const TokenView& view, size_t i, size_t& end) {
  if (view.isPunct(i, "::")) ++i;
  std::string name;
  end = i;
  while (view.isIdent(i)) {
    name += (name.empty() ? "" : "::") + std::string(view.tokens()[i].text);
    end = i + 1;
    if (view.isPunct(i + 1, "::") && view.isIdent(i + 2)) i += 2;
    else break;
  }
  return name;
}

std::optional<unsigned long long> integerValue(std::string_view literal) {
  while (!literal.empty() && (literal.back() == 'u' || literal.back() == 'U' || literal.back() == 'l' || literal.back() == 'L'))
    literal.remove_suffix(1);
  std::string digits;
  for (char c : literal)
    if (c != '\'') digits += c;
  int base = 10;
  std::string_view d = digits;
  if (d.size() > 2 && d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) {
    base = 16;
    d.remove_prefix(2);
  } else if (d.size() > 2 && d[0] == '0' && (d[1] == 'b' || d[1] == 'B')) {
    base = 2;
    d.remove_prefix(2);
  } else if (d.size() > 1 && d[0] == '0') {
    base = 8;
    d.remove_prefix(1);
  }
  unsigned long long v = 0;
  auto [p, ec] = std::from_chars(d.data(), d.data() + d.size(), v, base);
  if (ec != std::errc() || p != d.data() + d.size()) return std::nullopt;
  return v;
}

}  // namespace opscope::cuda
