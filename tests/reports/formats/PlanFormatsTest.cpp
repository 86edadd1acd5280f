// The porting plan in every format that carries it: JSON summary.<platform>.plan, the first
// section of the text and Markdown summaries, and SARIF run and result properties.
#include <gtest/gtest.h>

#include <sstream>

#include "Sample.h"
#include "llvm/Support/JSON.h"
#include "reports/JsonReader.h"
#include "reports/Renderer.h"

namespace opscope::reports {
namespace {

std::string render(Format f, const Report& r) {
  std::ostringstream out;
  createRenderer(f, RenderOptions{})->render(r, out);
  return out.str();
}

Report planned() {
  Report r = testing::sampleReport();
  EffortProfile p;
  p.id = "flat";
  for (const Platform& t : r.targets) p.platforms.push_back(t.id);
  for (std::string_view id : kEffortWeightIds) p.weights[std::string(id)] = {2, "a reason", "a source"};
  p.weights["lines_per_day_high"].value = 8;
  r.effort = EffortModel{"effort.yaml", {p}};
  r.finalize();
  return r;
}

TEST(PlanFormats, JsonCarriesThePlanWithItsWeightsAndEverySite) {
  Report r = planned();
  auto parsed = llvm::json::parse(render(Format::Json, r));
  ASSERT_TRUE(bool(parsed));
  for (const Platform& t : r.targets) {
    const PortingPlan& want = r.plans.at(t.id);
    const llvm::json::Object* plan = parsed->getAsObject()->getObject("summary")->getObject(t.id)->getObject("plan");
    ASSERT_NE(plan, nullptr) << t.id;
    EXPECT_EQ(plan->getString("profile"), "flat");
    EXPECT_EQ(plan->getInteger("sites"), static_cast<int64_t>(want.sites.size()));
    EXPECT_DOUBLE_EQ(*plan->getNumber("manual_lines"), std::round(want.manualLines * 10) / 10);
    EXPECT_DOUBLE_EQ(*plan->getObject("effort_days")->getNumber("high"), std::round(want.effortDaysHigh * 10) / 10);
    for (PlanClass c : kAllPlanClasses)
      EXPECT_EQ(plan->getObject("classes")->getObject(toString(c))->getInteger("sites"),
                static_cast<int64_t>(want.classes.at(c).sites));
    EXPECT_EQ(plan->getArray("site_classes")->size(), want.sites.size());
    EXPECT_EQ(plan->getObject("weights")->getObject("setup_lines")->getString("rationale"), "a reason");
    EXPECT_NE(plan->getString("formula")->find("lines per day"), llvm::StringRef::npos);
  }
}

TEST(PlanFormats, TextAndMarkdownPutThePlanFirst) {
  Report r = planned();
  std::string text = render(Format::Text, r);
  ASSERT_NE(text.find("porting plan"), std::string::npos) << text;
  EXPECT_LT(text.find("porting plan"), text.find("coverage by platform"));
  EXPECT_NE(text.find("engineer-days"), std::string::npos);
  EXPECT_NE(text.find("how (flat): manual_lines = setup_lines (2)"), std::string::npos) << text;
  std::string md = render(Format::Markdown, r);
  ASSERT_NE(md.find("### Porting plan"), std::string::npos) << md;
  EXPECT_LT(md.find("### Porting plan"), md.find("| platform | coverage |"));
  EXPECT_NE(md.find("How the plan is computed"), std::string::npos);
}

TEST(PlanFormats, SarifRunAndResultProperties) {
  Report r = planned();
  auto parsed = llvm::json::parse(render(Format::Sarif, r));
  ASSERT_TRUE(bool(parsed));
  const llvm::json::Object& run = *parsed->getAsObject()->getArray("runs")->front().getAsObject();
  const llvm::json::Object* plans = run.getObject("properties")->getObject("opscope_plan");
  ASSERT_NE(plans, nullptr);
  for (const Platform& t : r.targets)
    EXPECT_DOUBLE_EQ(*plans->getObject(t.id)->getNumber("manual_lines"), std::round(r.plans.at(t.id).manualLines * 10) / 10);
  unsigned classed = 0;
  for (const llvm::json::Value& result : *run.getArray("results"))
    if (const llvm::json::Object* p = result.getAsObject()->getObject("properties")->getObject("plan")) classed += p->size();
  unsigned sites = 0;
  for (const auto& [id, plan] : r.plans) sites += plan.sites.size();
  EXPECT_EQ(classed, sites) << "each site's class on each platform is on its result";
}

TEST(PlanFormats, ResultsReadBackGiveTheSamePlan) {
  Report r = planned();
  ReadResult back = readJsonReport(render(Format::Json, r), "results.json");
  ASSERT_TRUE(back.ok) << back.error;
  back.report.effort = r.effort;
  back.report.finalize();
  for (const Platform& t : r.targets) {
    EXPECT_DOUBLE_EQ(back.report.plans.at(t.id).manualLines, r.plans.at(t.id).manualLines) << t.id;
    EXPECT_EQ(back.report.plans.at(t.id).sites.size(), r.plans.at(t.id).sites.size());
  }
}

}  // namespace
}  // namespace opscope::reports
