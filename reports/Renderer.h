// One renderer per output format behind one small interface, fed only by the report model.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/Model.h"

namespace opscope::reports {

enum class Format { Text, Json, Html, Sarif, Markdown, Csv, Junit };

std::optional<Format> parseFormat(std::string_view name);
std::string_view toString(Format f);
/// The file name extension for `-o DIR` with several formats: "txt", "json", "sarif", ...
std::string_view extensionOf(Format f);
/// "text, json, html, ..." for help texts and error messages.
std::string formatNames();

struct RenderOptions {
  bool color = false;        // ANSI colours (text only)
  bool listFindings = true;  // text: list every finding, not only the summary
  /// The text of a scanned file by its report path (relative to Report::root), or nothing when
  /// it cannot be had. Renderers never read files themselves; formats that show source lines
  /// (HTML) use this when the caller provides it, and show findings without lines otherwise.
  std::function<std::optional<std::string>(const std::string& relPath)> sourceText;
};

class Renderer {
 public:
  virtual ~Renderer() = default;
  /// Writes the whole report to `out`. Never throws for any report content.
  virtual void render(const Report& report, std::ostream& out) const = 0;
};

/// The renderer for `format`.
std::unique_ptr<Renderer> createRenderer(Format format, const RenderOptions& options);

}  // namespace opscope::reports
