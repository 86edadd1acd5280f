// The HTML writer escapes by default; JSON for <script> cannot end its element.
#include <gtest/gtest.h>

#include "llvm/Support/JSON.h"
#include "reports/HtmlWriter.h"

namespace opscope::reports {
namespace {

TEST(HtmlWriter, TextEscapesMarkupQuotesAndSlashes) {
  HtmlWriter w;
  w.text("<a href='x'>&\"</a> https://e.example @@X@@ \xE2\x80\xA8");
  EXPECT_EQ(w.take(), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;&#47;a&gt; https:&#47;&#47;e.example &#64;&#64;X&#64;&#64; &#x2028;");
}

TEST(HtmlWriter, AttributeValuesAreEscaped) {
  HtmlWriter w;
  w.element("td", {{"title", "\" onmouseover=\"alert(1)"}, {"data-n", 42}}, "<b>");
  EXPECT_EQ(w.take(), "<td title=\"&quot; onmouseover=&quot;alert(1)\" data-n=\"42\">&lt;b&gt;</td>");
}

TEST(HtmlWriter, NestedElementsCloseInOrderAndTakeClosesTheRest) {
  HtmlWriter w;
  w.open("div", {{"class", "a"}}).open("span").text("x").close().empty("br").open("p").text("y");
  EXPECT_EQ(w.take(), "<div class=\"a\"><span>x</span><br><p>y</p></div>");
}

TEST(HtmlWriter, RawIsVerbatim) {
  HtmlWriter inner;
  inner.element("b", "<x>");
  HtmlWriter w;
  w.open("p").raw(inner.take()).close();
  EXPECT_EQ(w.take(), "<p><b>&lt;x&gt;</b></p>");
}

TEST(HtmlWriter, EventHandlerAttributesAreRefused) {
  // Debug builds stop at the assertion; release builds drop the attribute.
  EXPECT_DEBUG_DEATH(
      {
        HtmlWriter w;
        w.element("div", {{"onclick", "alert(1)"}, {"OnLoad", "x"}, {"id", "kept"}}, "t");
        EXPECT_EQ(w.take(), "<div id=\"kept\">t</div>");
      },
      "never event handlers");
}

TEST(EscapeHtml, ControlCharactersAndInvalidUtf8BecomeReplacementCharacters) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(escapeHtml("a\tb\nc"), "a\tb\nc");
  EXPECT_EQ(escapeHtml(std::string("a\0b", 3)), "a" + fffd + "b");
  EXPECT_EQ(escapeHtml("\x1b[31m\x7f"), fffd + "[31m" + fffd);
  EXPECT_EQ(escapeHtml("\xff"), fffd);
  EXPECT_EQ(escapeHtml("caf\xC3\xA9 \xE4\xB8\xAD"), "caf\xC3\xA9 \xE4\xB8\xAD");
  EXPECT_EQ(validUtf8("\xC0\xAF"), fffd + fffd);                 // overlong '/'
  EXPECT_EQ(validUtf8("\xED\xA0\x80"), fffd + fffd + fffd);      // UTF-16 surrogate
  EXPECT_EQ(validUtf8("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // above U+10FFFF
  EXPECT_EQ(validUtf8("ok\xE2\x82"), "ok" + fffd + fffd);        // truncated sequence
  EXPECT_EQ(validUtf8("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");  // U+1F600 stays
}

TEST(EscapeJsonForScript, NothingCanCloseTheScriptElementAndTheValueIsUnchanged) {
  std::string value = "</script><!-- & > \xE2\x80\xA8\xE2\x80\xA9 https://x @@DATA@@";
  std::string json;
  {
    llvm::raw_string_ostream os(json);
    llvm::json::OStream(os).value(value);
  }
  std::string safe = escapeJsonForScript(json);
  EXPECT_EQ(safe.find('<'), std::string::npos);
  EXPECT_EQ(safe.find('>'), std::string::npos);
  EXPECT_EQ(safe.find('&'), std::string::npos);
  EXPECT_EQ(safe.find("//"), std::string::npos);
  EXPECT_EQ(safe.find('@'), std::string::npos);
  EXPECT_EQ(safe.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(safe.find("\xE2\x80\xA9"), std::string::npos);
  EXPECT_NE(safe.find("\\u003c\\/script\\u003e"), std::string::npos) << safe;
  EXPECT_NE(safe.find("\\u2028\\u2029"), std::string::npos) << safe;
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(safe);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(parsed->getAsString().value_or(""), value);
}

TEST(PercentEncode, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percentEncode("src/a b.cu"), "src%2Fa%20b.cu");
  EXPECT_EQ(percentEncode("\"><x>'"), "%22%3E%3Cx%3E%27");
  EXPECT_EQ(percentEncode("\xC3\xA9~_-."), "%C3%A9~_-.");
}

}  // namespace
}  // namespace opscope::reports
