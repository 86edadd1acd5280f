// Saved results read back: the round trip keeps everything, bad files say where they are bad.
#include <gtest/gtest.h>

#include <sstream>

#include "Sample.h"
#include "reports/JsonReader.h"
#include "reports/Renderer.h"

namespace opscope::reports {
namespace {

std::string json(const Report& r) {
  std::ostringstream out;
  createRenderer(Format::Json, RenderOptions{})->render(r, out);
  return out.str();
}

TEST(JsonReader, RoundTripIsExact) {
  Report r = testing::sampleReport();
  r.findings[2].suppressed = true;
  r.gate.clear();  // the gate is not part of saved results: `report` re-evaluates it
  std::string first = json(r);
  ReadResult back = readJsonReport(first, "r.json");
  ASSERT_TRUE(back.ok) << back.error;
  EXPECT_EQ(json(back.report), first);
  EXPECT_TRUE(back.report.findings[2].suppressed || back.report.findings[3].suppressed);
}

TEST(JsonReader, ErrorsNameTheFileAndThePlace) {
  ReadResult notJson = readJsonReport("{\"schema\": ", "bad.json");
  EXPECT_FALSE(notJson.ok);
  EXPECT_NE(notJson.error.find("bad.json: not valid JSON"), std::string::npos) << notJson.error;
  ReadResult other = readJsonReport("{\"schema\": \"sarif\"}", "x.json");
  EXPECT_NE(other.error.find("x.json: "), std::string::npos);
  EXPECT_NE(other.error.find("not an opscope-report/1 file"), std::string::npos) << other.error;
  std::string text = json(testing::sampleReport());
  size_t at = text.find("\"line\": 12");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 10, "\"line\": \"12\"");
  ReadResult wrongType = readJsonReport(text, "r.json");
  EXPECT_FALSE(wrongType.ok);
  EXPECT_NE(wrongType.error.find("report.findings[1].line"), std::string::npos) << wrongType.error;
}

}  // namespace
}  // namespace opscope::reports
