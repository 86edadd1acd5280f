// The sources a script hands to torch.utils.cpp_extension (see ExtensionSources.h): the walk
// over one file (FileScan.cpp) calls these at each CUDAExtension/CppExtension/load/load_inline.
#include "python/ExtensionSources.h"

#include <string_view>

namespace opscope::python {
namespace {

/// One file's extension and inline sources, appended to its FileScan.
class SourceCollector {
 public:
  SourceCollector(const FileModel& model, const std::string& path, FileScan& out)
      : m_(model), file_(model.file()), path_(path), out_(out), g_(Grammar::get()) {}

  /// The files a CUDAExtension/CppExtension/load call names in `sources` (keyword or second
  /// positional argument), relative to the scan root.
  std::string extensionSources(TSNode args, int scope) {
    if (ts_node_is_null(args)) return "";
    TSNode sources{};
    unsigned positional = 0;
    forEachChild(args, [&](TSNode a) {
      if (!ts_node_is_named(a) || is(a, g_.comment)) return;
      if (is(a, g_.keywordArgument)) {
        if (text(field(a, g_.name)) == "sources") sources = field(a, g_.value);
      } else if (++positional == 2 && ts_node_is_null(sources)) {
        sources = a;
      }
    });
    std::vector<std::string> paths;
    collectPaths(sources, scope, paths, 0);
    std::string dir = path_.rfind('/') == std::string::npos ? "" : path_.substr(0, path_.rfind('/') + 1);
    std::string detail;
    for (const std::string& p : paths) {
      std::string joined = p.starts_with("/") ? p : normalize(dir + p);
      out_.extensionSources.push_back(ExtensionSource{path_, joined});
      detail += (detail.empty() ? "sources=" : ",") + joined;
    }
    return detail;
  }

  /// The code strings of a load_inline call (`cpp_sources=`, `cuda_sources=`, or the second
  /// and third positional arguments): literals, lists of them, and names bound once to either.
  void inlineSources(TSNode args, int scope) {
    if (ts_node_is_null(args)) return;
    unsigned positional = 0;
    forEachChild(args, [&](TSNode a) {
      if (!ts_node_is_named(a) || is(a, g_.comment)) return;
      if (is(a, g_.keywordArgument)) {
        std::string_view key = text(field(a, g_.name));
        if (key == "cpp_sources") inlineCode(field(a, g_.value), "c++", scope, 0);
        if (key == "cuda_sources") inlineCode(field(a, g_.value), "cuda", scope, 0);
      } else if (++positional == 2) {
        inlineCode(a, "c++", scope, 0);
      } else if (positional == 3) {
        inlineCode(a, "cuda", scope, 0);
      }
    });
  }

 private:
  std::string_view text(TSNode n) const { return file_.textOf(n); }

  void inlineCode(TSNode n, const char* language, int scope, unsigned depth) {
    if (ts_node_is_null(n) || depth > 8) return;
    TSSymbol s = ts_node_symbol(n);
    if (s == g_.list || s == g_.tuple || s == g_.parenthesizedExpression) {
      forEachChild(n, [&](TSNode c) {
        if (ts_node_is_named(c)) inlineCode(c, language, scope, depth + 1);
      });
    } else if (s == g_.identifier) {
      const Binding* b = singleAssignment(m_, std::string(text(n)), scope);
      if (b && b->kind == Binding::Kind::Assign) inlineCode(b->node, language, scope, depth + 1);
    } else if (s == g_.string) {
      Span span{};
      if (stringLiteralContent(file_, n, &span).empty() || span.second <= span.first) return;
      std::string_view raw = std::string_view(file_.text()).substr(span.first, span.second - span.first);
      TSPoint start = ts_node_start_point(n);
      unsigned line = start.row + 1;
      // The column of the content's first byte: the literal's start plus prefix and quotes.
      unsigned column = start.column + 1 + (span.first - ts_node_start_byte(n));
      InlineSource src{path_, language, line, static_cast<unsigned>(ts_node_end_point(n).row + 1), true, {}};
      bool escapes = raw.find('\\') != std::string_view::npos;
      std::string_view prefix = text(n).substr(0, text(n).find_first_of("'\""));
      bool rawString = prefix.find_first_of("rR") != std::string_view::npos;
      std::string body;
      if (escapes && !rawString) {
        src.exact = false;
        body = decodeEscapes(raw);
      } else {
        body = std::string(raw);
      }
      src.text.assign(line - 1, '\n');
      src.text.append(column - 1, ' ');
      src.text += body;
      src.text += '\n';
      out_.inlineSources.push_back(std::move(src));
    }
  }

  /// Python's common escapes (\n \t \\ \' \"); others are kept as written.
  static std::string decodeEscapes(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\\' || i + 1 == s.size()) {
        out += s[i];
        continue;
      }
      char c = s[++i];
      switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case '\\': case '\'': case '"': out += c; break;
        case '\n': break;  // a line continuation
        default: out += '\\', out += c;
      }
    }
    return out;
  }

  static std::string normalize(const std::string& p) {
    std::vector<std::string> parts;
    for (const std::string& seg : splitOn(p, '/')) {
      if (seg.empty() || seg == ".") continue;
      if (seg == ".." && !parts.empty() && parts.back() != "..") parts.pop_back();
      else parts.push_back(seg);
    }
    std::string out;
    for (const std::string& seg : parts) out += (out.empty() ? "" : "/") + seg;
    return out;
  }

  /// Paths named by an expression: string literals, lists and tuples of them, `a + b`,
  /// os.path.join(<dir>, 'x', 'y.cu') (leading non-literal parts stand for the script's
  /// directory), glob.glob(pattern), and names bound once to such an expression.
  void collectPaths(TSNode n, int scope, std::vector<std::string>& out, unsigned depth) {
    if (ts_node_is_null(n) || depth > 8) return;
    TSSymbol s = ts_node_symbol(n);
    if (s == g_.string) {
      std::string v = stringLiteralContent(file_, n);
      if (!v.empty() && v.find('{') == std::string::npos) out.push_back(v);
    } else if (s == g_.list || s == g_.tuple || s == g_.parenthesizedExpression) {
      forEachChild(n, [&](TSNode c) {
        if (ts_node_is_named(c)) collectPaths(c, scope, out, depth + 1);
      });
    } else if (s == g_.binaryOperator) {
      collectPaths(field(n, g_.left), scope, out, depth + 1);
      collectPaths(field(n, g_.right), scope, out, depth + 1);
    } else if (s == g_.identifier) {
      const Binding* b = singleAssignment(m_, std::string(text(n)), scope);
      if (b && b->kind == Binding::Kind::Assign) collectPaths(b->node, scope, out, depth + 1);
    } else if (s == g_.call) {
      std::string_view callee = text(field(n, g_.function));
      TSNode args = field(n, g_.arguments);
      if (callee == "glob.glob" || callee == "glob" || callee == "glob.iglob") {
        if (!ts_node_is_null(args) && ts_node_named_child_count(args) > 0)
          collectPaths(ts_node_named_child(args, 0), scope, out, depth + 1);
      } else if (callee == "os.path.join" || callee == "osp.join" || callee == "path.join") {
        std::string joined;
        bool literalSeen = false, ok = true;
        forEachChild(args, [&](TSNode a) {
          if (!ts_node_is_named(a) || !ok) return;
          if (is(a, g_.string)) {
            literalSeen = true;
            joined += (joined.empty() ? "" : "/") + stringLiteralContent(file_, a);
          } else if (literalSeen) {
            ok = false;  // a computed part after a literal one: the path is not known
          }
        });
        if (ok && !joined.empty()) out.push_back(joined);
      }
    }
  }


  const FileModel& m_;
  const ParsedFile& file_;
  const std::string& path_;
  FileScan& out_;
  const Grammar& g_;
};

}  // namespace

std::string collectExtensionSources(const FileModel& model, const std::string& path, TSNode args, int scope,
                                    FileScan& out) {
  return SourceCollector(model, path, out).extensionSources(args, scope);
}

void collectInlineSources(const FileModel& model, const std::string& path, TSNode args, int scope, FileScan& out) {
  SourceCollector(model, path, out).inlineSources(args, scope);
}

}  // namespace opscope::python
