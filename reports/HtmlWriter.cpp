#include "reports/HtmlWriter.h"

#include <cassert>

namespace opscope::reports {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) len = 3, lo = 0xA0;
  else if (c == 0xED) len = 3, hi = 0x9F;  // no UTF-16 surrogates
  else if (c >= 0xE1 && c <= 0xEF) len = 3;
  else if (c == 0xF0) len = 4, lo = 0x90;
  else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing above U+10FFFF
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else return 0;
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return len;
}

/// A tag or attribute name as the renderer writes them: letters, digits and dashes only
/// (upper case only in SVG attribute names such as viewBox).
bool isName(std::string_view name, bool upperCase) {
  if (name.empty()) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (upperCase && c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  return true;
}

}  // namespace

std::string validUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = utf8SequenceLength(s, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string escapeHtml(std::string_view raw) {
  std::string s = validUtf8(raw);
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    unsigned char c = static_cast<unsigned char>(ch);
    // U+2028 and U+2029 are harmless in HTML text, but line terminators to JavaScript: never raw.
    if (ch == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      out += s[i + 2] == '\xA8' ? "&#x2028;" : "&#x2029;";
      i += 2;
      continue;
    }
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '/': out += "&#47;"; break;
      case '@': out += "&#64;"; break;  // so no data can look like a template placeholder
      default:
        if ((c < 0x20 && ch != '\t' && ch != '\n') || c == 0x7F) out += kReplacement;
        else out += ch;
    }
  }
  return out;
}

std::string escapeJsonForScript(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    char ch = json[i];
    switch (ch) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      case '/': out += "\\/"; break;
      case '@': out += "\\u0040"; break;  // no placeholder-like text in the page
      case '\xE2':
        // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: E2 80 A8 / E2 80 A9.
        if (i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
          out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
          i += 2;
          break;
        }
        out += ch;
        break;
      default: out += ch;
    }
  }
  return out;
}

std::string percentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

void HtmlWriter::startTag(std::string_view tag, Attrs attrs) {
  assert(isName(tag, false) && "tag names are renderer literals");
  out_ += '<';
  out_ += tag;
  for (const HtmlAttr& a : attrs) {
    // Attribute names are literals of the renderer; an event handler would make data script.
    bool handler = a.name.size() >= 2 && (a.name[0] | 0x20) == 'o' && (a.name[1] | 0x20) == 'n';
    bool ok = isName(a.name, true) && !handler;
    assert(ok && "attribute names are plain literals, never event handlers");
    if (!ok) continue;
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    out_ += escapeHtml(a.value);
    out_ += '"';
  }
  out_ += '>';
}

HtmlWriter& HtmlWriter::open(std::string_view tag, Attrs attrs) {
  startTag(tag, attrs);
  openTags_.emplace_back(tag);
  return *this;
}

HtmlWriter& HtmlWriter::close() {
  assert(!openTags_.empty() && "close() without open()");
  if (openTags_.empty()) return *this;
  out_ += "</";
  out_ += openTags_.back();
  out_ += '>';
  openTags_.pop_back();
  return *this;
}

HtmlWriter& HtmlWriter::empty(std::string_view tag, Attrs attrs) {
  startTag(tag, attrs);
  return *this;
}

HtmlWriter& HtmlWriter::element(std::string_view tag, Attrs attrs, std::string_view text) {
  startTag(tag, attrs);
  out_ += escapeHtml(text);
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::text(std::string_view s) {
  out_ += escapeHtml(s);
  return *this;
}

HtmlWriter& HtmlWriter::raw(std::string_view markup) {
  out_ += markup;
  return *this;
}

std::string HtmlWriter::take() {
  while (!openTags_.empty()) close();
  return std::move(out_);
}

}  // namespace opscope::reports
