#include "reports/Renderer.h"

#include "reports/JsonRenderer.h"
#include "reports/TextRenderer.h"

namespace opscope::reports {

std::optional<Format> parseFormat(std::string_view name) {
  if (name == "text") return Format::Text;
  if (name == "json") return Format::Json;
  return std::nullopt;
}

std::string_view toString(Format f) {
  switch (f) {
    case Format::Text: return "text";
    case Format::Json: return "json";
  }
  return "?";
}

std::unique_ptr<Renderer> createRenderer(Format format, const RenderOptions& options) {
  switch (format) {
    case Format::Text: return std::make_unique<TextRenderer>(options);
    case Format::Json: return std::make_unique<JsonRenderer>();
  }
  return nullptr;
}

}  // namespace opscope::reports
