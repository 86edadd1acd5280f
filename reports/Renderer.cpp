#include "reports/Renderer.h"

#include "reports/CsvRenderer.h"
#include "reports/HtmlRenderer.h"
#include "reports/JsonRenderer.h"
#include "reports/JunitRenderer.h"
#include "reports/MarkdownRenderer.h"
#include "reports/SarifRenderer.h"
#include "reports/TextRenderer.h"

namespace opscope::reports {

namespace {

struct FormatInfo {
  Format format;
  std::string_view name, extension;
};

constexpr FormatInfo kFormats[] = {
    {Format::Text, "text", "txt"},   {Format::Json, "json", "json"},   {Format::Html, "html", "html"},
    {Format::Sarif, "sarif", "sarif"}, {Format::Markdown, "markdown", "md"}, {Format::Csv, "csv", "csv"},
    {Format::Junit, "junit", "junit.xml"},
};

const FormatInfo& infoOf(Format f) {
  for (const FormatInfo& i : kFormats)
    if (i.format == f) return i;
  return kFormats[0];
}

}  // namespace

std::optional<Format> parseFormat(std::string_view name) {
  for (const FormatInfo& i : kFormats)
    if (i.name == name) return i.format;
  if (name == "md") return Format::Markdown;
  return std::nullopt;
}

std::string_view toString(Format f) { return infoOf(f).name; }
std::string_view extensionOf(Format f) { return infoOf(f).extension; }

std::string formatNames() {
  std::string out;
  for (const FormatInfo& i : kFormats) out += (out.empty() ? "" : ", ") + std::string(i.name);
  return out;
}

std::unique_ptr<Renderer> createRenderer(Format format, const RenderOptions& options) {
  switch (format) {
    case Format::Text: return std::make_unique<TextRenderer>(options);
    case Format::Json: return std::make_unique<JsonRenderer>();
    case Format::Html: return std::make_unique<HtmlRenderer>(options);
    case Format::Sarif: return std::make_unique<SarifRenderer>();
    case Format::Markdown: return std::make_unique<MarkdownRenderer>();
    case Format::Csv: return std::make_unique<CsvRenderer>();
    case Format::Junit: return std::make_unique<JunitRenderer>();
  }
  return nullptr;
}

}  // namespace opscope::reports
