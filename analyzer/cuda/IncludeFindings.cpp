#include "cuda/IncludeFindings.h"

namespace opscope::cuda {

std::vector<Finding> includeFindings(const std::string& file, std::string_view text, const SymbolCatalog& catalog) {
  std::vector<Finding> out;
  bool inBlockComment = false;
  unsigned lineNo = 0;
  while (!text.empty()) {
    ++lineNo;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    size_t i = 0;
    if (inBlockComment) {
      size_t end = line.find("*/");
      if (end == std::string_view::npos) continue;
      inBlockComment = false;
      i = end + 2;
    }
    auto skipBlanks = [&] {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      // A comment between the parts of a directive: /* ... */ on the same line.
      while (line.compare(i, 2, "/*") == 0) {
        size_t end = line.find("*/", i + 2);
        if (end == std::string_view::npos) {
          inBlockComment = true;
          i = line.size();
          return;
        }
        i = end + 2;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      }
    };
    skipBlanks();
    if (i >= line.size() || line[i] != '#') {
      // Only a comment opened on a line of code matters for the lines that follow.
      size_t open = line.rfind("/*"), close = line.rfind("*/");
      if (open != std::string_view::npos && (close == std::string_view::npos || close < open) &&
          line.substr(0, open).find("//") == std::string_view::npos)
        inBlockComment = true;
      continue;
    }
    ++i;
    skipBlanks();
    if (line.compare(i, 7, "include") != 0) continue;
    i += 7;
    skipBlanks();
    if (i >= line.size() || (line[i] != '<' && line[i] != '"')) continue;
    char close = line[i] == '<' ? '>' : '"';
    size_t end = line.find(close, i + 1);
    if (end == std::string_view::npos || end == i + 1) continue;
    std::string header(line.substr(i + 1, end - i - 1));
    std::optional<Symbol> sym = catalog.find(header);
    if (!sym || sym->kind != SymbolKind::Header) continue;
    Finding f;
    f.symbol = *sym;
    f.evidence = Evidence::Lexical;
    f.location.file = file;
    f.location.line = f.location.endLine = lineNo;
    f.location.column = static_cast<unsigned>(i + 2);
    f.location.endColumn = static_cast<unsigned>(end + 1);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace opscope::cuda
