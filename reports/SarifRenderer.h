// SARIF 2.1.0: one rule per kind of gap, one result per finding, suggested edits as fixes.
#pragma once

#include "reports/Renderer.h"

namespace opscope::reports {

class SarifRenderer final : public Renderer {
 public:
  void render(const Report& report, std::ostream& out) const override;
};

}  // namespace opscope::reports
