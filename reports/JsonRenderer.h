// JSON report, schema "opscope-report/1" (reports/schema/opscope-report-v1.schema.json).
#pragma once

#include "reports/Renderer.h"

namespace opscope::reports {

class JsonRenderer final : public Renderer {
 public:
  void render(const Report& report, std::ostream& out) const override;
};

}  // namespace opscope::reports
