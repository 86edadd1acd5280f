// Terminal report: findings by file, then the per-platform summary.
#pragma once

#include "reports/Renderer.h"

namespace opscope::reports {

class TextRenderer final : public Renderer {
 public:
  explicit TextRenderer(RenderOptions options) : options_(options) {}
  void render(const Report& report, std::ostream& out) const override;

 private:
  RenderOptions options_;
};

}  // namespace opscope::reports
