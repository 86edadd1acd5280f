// CSV, one row per finding (RFC 4180), per-platform status and target columns.
#pragma once

#include "reports/Renderer.h"

namespace opscope::reports {

class CsvRenderer final : public Renderer {
 public:
  void render(const Report& report, std::ostream& out) const override;
};

}  // namespace opscope::reports
