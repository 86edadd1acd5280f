// The lexical pass: tokens only, for code Clang could not vouch for (parse errors, inactive
// #if branches, macro bodies). Every finding it makes says so (Evidence::Lexical).
#include <set>

#include "cuda/Passes.h"
#include "cuda/Tokenizer.h"

namespace opscope::cuda {
namespace {

bool inRanges(unsigned line, const LineRanges* ranges) {
  if (!ranges) return true;
  for (const auto& [first, last] : *ranges)
    if (line >= first && line <= last) return true;
  return false;
}

bool isPunct(const std::vector<Token>& toks, size_t i, std::string_view p) {
  return i < toks.size() && toks[i].kind == Token::Kind::Punct && toks[i].text == p;
}

Finding makeFinding(const std::string& file, const Token& t, Symbol symbol) {
  Finding f;
  f.symbol = std::move(symbol);
  f.location.file = file;
  f.location.line = t.line;
  f.location.column = t.column;
  f.location.endLine = t.line;
  f.location.endColumn = t.column + static_cast<unsigned>(t.text.size());
  f.evidence = Evidence::Lexical;
  return f;
}

}  // namespace

std::vector<Finding> runLexicalPass(const std::string& absPath, std::string_view text,
                                    const SymbolCatalog& catalog, const LineRanges* ranges) {
  std::vector<Token> toks = tokenize(text);
  // Names the file itself defines as macros are the user's, whatever they look like.
  std::set<std::string_view> userMacros;
  for (size_t i = 0; i + 1 < toks.size(); ++i)
    if (toks[i].kind == Token::Kind::Directive && toks[i].text == "define" &&
        toks[i + 1].kind == Token::Kind::Identifier)
      userMacros.insert(toks[i + 1].text);

  std::vector<Finding> out;
  std::string_view directive;  // the directive of the current preprocessor line
  size_t directiveIndex = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == Token::Kind::Directive) {
      directive = t.text;
      directiveIndex = i;
      continue;
    }
    if (t.kind != Token::Kind::Identifier || !inRanges(t.line, ranges)) continue;
    if (t.inDirective) {
      // Only macro bodies hold code: skip other directives and the macro's own name.
      if (directive != "define" || i == directiveIndex + 1) continue;
    }
    if (i > 0 && (isPunct(toks, i - 1, ".") || isPunct(toks, i - 1, "->") || isPunct(toks, i - 1, "::")))
      continue;
    std::string name(t.text);
    if (isPunct(toks, i + 1, "<<<")) {
      Finding f = makeFinding(absPath, t, Symbol{name, SymbolKind::KernelLaunch, "user"});
      out.push_back(std::move(f));
      continue;
    }
    if (name == "__global__") {
      // __global__ void [attributes] name(  -> the kernel's name is the identifier before '('.
      for (size_t j = i + 1; j < toks.size() && j < i + 12; ++j) {
        if (toks[j].kind == Token::Kind::Identifier && isPunct(toks, j + 1, "(")) {
          if (toks[j].text == "__launch_bounds__") continue;
          Finding f = makeFinding(absPath, toks[j], Symbol{std::string(toks[j].text), SymbolKind::Kernel, "user"});
          out.push_back(std::move(f));
          break;
        }
        if (isPunct(toks, j, ";") || isPunct(toks, j, "{")) break;
      }
      continue;
    }
    if (userMacros.count(t.text)) continue;
    if (std::optional<Symbol> sym = catalog.find(name)) {
      out.push_back(makeFinding(absPath, t, *sym));
    } else if (looksLikeCudaName(name) && isPunct(toks, i + 1, "(")) {
      out.push_back(makeFinding(absPath, t, Symbol{name, SymbolKind::Function, std::string(libraryFromPrefix(name))}));
    }
  }
  return out;
}

}  // namespace opscope::cuda
