// Builds HTML text with escaping by default: text() and every attribute value are escaped, and
// raw() -- the one way to insert markup verbatim -- is rare and easy to grep for.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace opscope::reports {

/// One HTML attribute. The name must be a renderer-chosen literal; the value is always escaped.
struct HtmlAttr {
  HtmlAttr(std::string_view n, std::string_view v) : name(n), value(v) {}
  HtmlAttr(std::string_view n, const char* v) : name(n), value(v) {}
  HtmlAttr(std::string_view n, const std::string& v) : name(n), value(v) {}
  HtmlAttr(std::string_view n, std::int64_t v) : name(n), value(std::to_string(v)) {}
  HtmlAttr(std::string_view n, std::uint64_t v) : name(n), value(std::to_string(v)) {}
  HtmlAttr(std::string_view n, int v) : name(n), value(std::to_string(v)) {}
  HtmlAttr(std::string_view n, unsigned v) : name(n), value(std::to_string(v)) {}
  std::string_view name;
  std::string value;
};

/// An HTML fragment under construction. Elements opened with open() are closed in order by
/// close(); take() closes whatever is still open. Tag and attribute names are checked to be
/// plain lowercase names, and event-handler attributes (on*) are refused, so no call can turn
/// data into script.
class HtmlWriter {
 public:
  using Attrs = std::initializer_list<HtmlAttr>;

  /// `<tag attrs>`; must be matched by close().
  HtmlWriter& open(std::string_view tag, Attrs attrs = {});
  /// Closes the innermost element opened with open().
  HtmlWriter& close();
  /// `<tag attrs>` for a void element (br, input, meta...), never closed.
  HtmlWriter& empty(std::string_view tag, Attrs attrs = {});
  /// `<tag attrs>text</tag>`.
  HtmlWriter& element(std::string_view tag, Attrs attrs, std::string_view text);
  HtmlWriter& element(std::string_view tag, std::string_view text) { return element(tag, {}, text); }
  /// Escaped text.
  HtmlWriter& text(std::string_view s);
  /// Verbatim markup. Only for markup this program made itself (another writer's output).
  HtmlWriter& raw(std::string_view markup);

  /// The fragment, with every element still open closed.
  std::string take();

 private:
  void startTag(std::string_view tag, Attrs attrs);
  std::string out_;
  std::vector<std::string> openTags_;
};

/// `s` as HTML text or a quoted attribute value: & < > " ' / @ U+2028 U+2029 escaped (the slash
/// so that no user string can form a `//` or `https://` reference in the page, the at-sign so
/// that none looks like a template placeholder), control characters other than tab and newline
/// replaced by U+FFFD, invalid UTF-8 repaired.
std::string escapeHtml(std::string_view s);

/// A JSON document made safe to place between <script> and </script>: `<`, `>`, `&`, `/`, `@`,
/// U+2028 and U+2029 become escapes (they can occur only inside JSON strings, so the value is
/// unchanged), so the data can neither close the script element nor start a comment.
std::string escapeJsonForScript(std::string_view json);

/// `s` percent-encoded for use inside a URL fragment: everything but A-Z a-z 0-9 - . _ ~
/// becomes %XX.
std::string percentEncode(std::string_view s);

/// `s` with invalid UTF-8 sequences replaced by U+FFFD (source files need not be UTF-8).
std::string validUtf8(std::string_view s);

}  // namespace opscope::reports
