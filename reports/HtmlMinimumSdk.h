// The HTML report's minimum-SDK section: per platform, the lowest SDK level under which every
// dated op in use is supported, and the ops that need a newer one (Report::minimumSdk).
#pragma once

#include "core/Model.h"
#include "reports/HtmlWriter.h"

namespace opscope::reports::html {

/// Writes section#sdk; writes nothing when the report has no minimum-SDK answer.
void renderMinimumSdk(HtmlWriter& w, const Report& report);

}  // namespace opscope::reports::html
