// One renderer per output format behind one small interface, fed only by the report model.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "core/Model.h"

namespace opscope::reports {

enum class Format { Text, Json };

std::optional<Format> parseFormat(std::string_view name);
std::string_view toString(Format f);

struct RenderOptions {
  bool color = false;        // ANSI colours (text only)
  bool listFindings = true;  // text: list every finding, not only the summary
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
