// Saved results read back: the round trip keeps everything, bad files say where they are bad.
#include <gtest/gtest.h>

#include <sstream>

#include "Sample.h"
#include "reports/JsonReader.h"
#include "reports/Renderer.h"
#include "reports/ReportFacts.h"

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
  ASSERT_EQ(back.report.models.size(), 1u);
  const GraphPartition& g = back.report.models[0].partitions.at("ascend");
  EXPECT_EQ(g.acceleratorNodes, 52u);
  EXPECT_EQ(g.foldedNodes, 30u);
  EXPECT_EQ(g.unknownNodes, 1u);
  EXPECT_EQ(g.acceleratorNodesIfUnknownRun, 53u);
  EXPECT_EQ(g.fallbackSegmentsIfUnknownRun, 1u);
  std::vector<std::string> lines = modelFacts(back.report.models[0]).partitions;
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0].find("; 30 more folded at conversion; 98.1% with 1 fallback segments if the 1 unknown nodes run there"),
            std::string::npos)
      << lines[0];
  EXPECT_EQ(back.report.models[0].sizing[0].conversion, "no FP8 on this card: BF16, twice the bytes");
  EXPECT_FALSE(back.report.models[0].sizing[2].available);
}

TEST(JsonReader, ResultsWithoutModelsStillReadAndBadModelsSayWhere) {
  Report r = testing::sampleReport();
  r.models.clear();
  std::string text = json(r);
  size_t at = text.find("\"models\": [],");
  ASSERT_NE(at, std::string::npos);
  std::string older = text;
  older.erase(at, std::string("\"models\": [],").size());
  ReadResult back = readJsonReport(older, "old.json");
  ASSERT_TRUE(back.ok) << back.error;
  EXPECT_TRUE(back.report.models.empty());

  std::string bad = json(testing::sampleReport());
  at = bad.find("\"accelerator_nodes\": 52");
  ASSERT_NE(at, std::string::npos);
  bad.replace(at, std::string("\"accelerator_nodes\": 52").size(), "\"accelerator_nodes\": 99");
  ReadResult refused = readJsonReport(bad, "r.json");
  EXPECT_FALSE(refused.ok);
  EXPECT_NE(refused.error.find("report.models[0].partitions.ascend.accelerator_nodes"), std::string::npos) << refused.error;
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
