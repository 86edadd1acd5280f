// JUnit XML: one test case per gate condition, for CI dashboards.
#pragma once

#include "reports/Renderer.h"

namespace opscope::reports {

class JunitRenderer final : public Renderer {
 public:
  void render(const Report& report, std::ostream& out) const override;
};

}  // namespace opscope::reports
