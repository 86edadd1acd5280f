// The HTML report's first section: each platform's porting plan (automatic, assisted, manual by
// sub-class, blocked, unknown), its lines and effort range, with a drill-down from every class
// to its sites (native <details>, so it works without the script too).
#pragma once

#include <functional>
#include <string>

#include "core/Model.h"
#include "reports/HtmlWriter.h"

namespace opscope::reports::html {

/// How a site links to its source line (the renderer's "#src:LINE:PATH" fragments).
using SourceLink = std::function<std::string(const std::string& path, unsigned line)>;

/// Sites listed per class; past it the list says how many more there are.
inline constexpr std::size_t kMaxPlanSitesListed = 400;

/// Writes section#plan; writes nothing when the report has no plan.
void renderPlan(HtmlWriter& w, const Report& report, const SourceLink& link);

}  // namespace opscope::reports::html
