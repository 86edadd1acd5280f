// The minimum-SDK answer (Report::minimumSdk) in every format that carries it: JSON
// summary.<platform>.minimum_sdk (read back by the results reader), the text and Markdown
// summaries.
#include <gtest/gtest.h>

#include <sstream>

#include "Sample.h"
#include "llvm/Support/JSON.h"
#include "reports/JsonReader.h"
#include "reports/Renderer.h"
#include "reports/ReportFacts.h"

namespace opscope::reports {
namespace {

std::string render(Format f, const Report& r) {
  std::ostringstream out;
  createRenderer(f, RenderOptions{})->render(r, out);
  return out.str();
}

Report withMinimumSdk() {
  Report r = testing::sampleReport();
  r.minimumSdk = {MinimumSdk{"ascend", "torch_npu", "2.9", "2.1",
                             {{"aten::addmm.dtype", "2.9"}, {"torch.cuda.get_device_capability", "2.6"}},
                             {{"aten::fake_quantize_per_channel_affine_cachemask", "2.3"}}, 40, 42},
                  MinimumSdk{"dcu", "HIP", "", "", {}, {}, 0, 12}};
  return r;
}

TEST(MinimumSdkFormats, FactsSayTheLevelTheOpsAndWhatIsUndated) {
  Report r = withMinimumSdk();
  MinimumSdkFacts f = minimumSdkFacts(r.minimumSdk[0]);
  EXPECT_EQ(f.headline, "torch_npu 2.9 or newer: 2 of 40 dated ops need newer than 2.1; 2 ops state no torch_npu range; "
                        "1 gone by 2.9");
  EXPECT_EQ(f.newer, (std::vector<std::string>{"aten::addmm.dtype (2.9)", "torch.cuda.get_device_capability (2.6)"}));
  EXPECT_EQ(f.removed, (std::vector<std::string>{"aten::fake_quantize_per_channel_affine_cachemask (removed in 2.3)"}));
  EXPECT_EQ(minimumSdkFacts(r.minimumSdk[0], 1).newer.back(), "... and 1 more");
  EXPECT_EQ(minimumSdkFacts(r.minimumSdk[1]).headline, "no op in use states a HIP range (12 ops)");
}

TEST(MinimumSdkFormats, JsonSummaryCarriesItAndReadsBack) {
  Report r = withMinimumSdk();
  std::string json = render(Format::Json, r);
  auto parsed = llvm::json::parse(json);
  ASSERT_TRUE(bool(parsed));
  const llvm::json::Array* list =
      parsed->getAsObject()->getObject("summary")->getObject("ascend")->getArray("minimum_sdk");
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->size(), 1u);
  const llvm::json::Object* m = (*list)[0].getAsObject();
  EXPECT_EQ(m->getString("sdk"), "torch_npu");
  EXPECT_EQ(m->getString("minimum"), "2.9");
  EXPECT_EQ(m->getInteger("dated"), 40);
  EXPECT_EQ((*m->getArray("newer"))[0].getAsObject()->getString("symbol"), "aten::addmm.dtype");
  EXPECT_EQ((*m->getArray("removed"))[0].getAsObject()->getString("version"), "2.3");
  ReadResult back = readJsonReport(json, "results.json");
  ASSERT_TRUE(back.ok) << back.error;
  ASSERT_EQ(back.report.minimumSdk.size(), 2u);
  EXPECT_EQ(back.report.minimumSdk[0].platform, "ascend");
  EXPECT_EQ(back.report.minimumSdk[0].newer.size(), 2u);
  EXPECT_EQ(back.report.minimumSdk[0].removed[0].symbol, "aten::fake_quantize_per_channel_affine_cachemask");
  EXPECT_EQ(back.report.minimumSdk[1].ops, 12u);
  EXPECT_EQ(render(Format::Json, back.report), json);
}

TEST(MinimumSdkFormats, JsonReaderNamesABadMinimumSdk) {
  Report r = withMinimumSdk();
  std::string json = render(Format::Json, r);
  size_t at = json.find("\"minimum\": \"2.9\"");
  ASSERT_NE(at, std::string::npos) << json.substr(json.find("minimum_sdk"), 200);
  json.replace(at, std::string("\"minimum\": \"2.9\"").size(), "\"minimum\": 29");
  ReadResult back = readJsonReport(json, "results.json");
  EXPECT_FALSE(back.ok);
  EXPECT_NE(back.error.find("summary.ascend.minimum_sdk[0].minimum"), std::string::npos) << back.error;
}

TEST(MinimumSdkFormats, TextAndMarkdownSayIt) {
  Report r = withMinimumSdk();
  std::string text = render(Format::Text, r);
  EXPECT_NE(text.find("minimum SDK"), std::string::npos) << text;
  EXPECT_NE(text.find("torch_npu 2.9 or newer"), std::string::npos) << text;
  EXPECT_NE(text.find("needs newer: aten::addmm.dtype (2.9)"), std::string::npos) << text;
  std::string md = render(Format::Markdown, r);
  EXPECT_NE(md.find("### Minimum SDK"), std::string::npos) << md;
  EXPECT_NE(md.find("**ascend**: torch\\_npu 2.9 or newer"), std::string::npos) << md;  // Markdown-escaped
  EXPECT_NE(md.find("`aten::addmm.dtype (2.9)`"), std::string::npos) << md;
  // No answer, no section.
  Report plain = testing::sampleReport();
  EXPECT_EQ(render(Format::Text, plain).find("minimum SDK"), std::string::npos);
  EXPECT_EQ(render(Format::Markdown, plain).find("Minimum SDK"), std::string::npos);
}

}  // namespace
}  // namespace opscope::reports
