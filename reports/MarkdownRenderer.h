// Markdown for a pull-request comment: summary tables, top gaps, gate; always under 65,000 characters.
#pragma once

#include "reports/Renderer.h"

namespace opscope::reports {

class MarkdownRenderer final : public Renderer {
 public:
  void render(const Report& report, std::ostream& out) const override;
};

}  // namespace opscope::reports
