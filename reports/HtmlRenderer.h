// Self-contained, offline HTML report: the page template, stylesheet and script under
// reports/html/ (embedded at build time) with the report inlined as one escaped JSON blob, and
// the summary sections pre-rendered so the page reads without script.
#pragma once

#include "reports/Renderer.h"

namespace opscope::reports {

class HtmlRenderer final : public Renderer {
 public:
  explicit HtmlRenderer(RenderOptions options) : options_(std::move(options)) {}
  void render(const Report& report, std::ostream& out) const override;

 private:
  RenderOptions options_;
};

/// The embedded assets of the HTML report (path under reports/html/, content), for tests.
const std::vector<std::pair<std::string_view, std::string_view>>& htmlAssets();

}  // namespace opscope::reports
