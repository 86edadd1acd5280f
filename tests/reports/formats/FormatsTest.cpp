#include <gtest/gtest.h>

#include <sstream>

#include "Sample.h"
#include "llvm/Support/JSON.h"
#include "reports/Renderer.h"

namespace opscope::reports {
namespace {

std::string render(Format f, const Report& r) {
  std::ostringstream out;
  createRenderer(f, RenderOptions{})->render(r, out);
  return out.str();
}

TEST(Formats, NamesAndExtensions) {
  for (const char* n : {"text", "json", "html", "sarif", "markdown", "csv", "junit"}) {
    auto f = parseFormat(n);
    ASSERT_TRUE(f) << n;
    EXPECT_EQ(toString(*f), n);
  }
  EXPECT_EQ(parseFormat("md"), Format::Markdown);
  EXPECT_EQ(extensionOf(Format::Junit), "junit.xml");
  EXPECT_FALSE(parseFormat("pdf"));
}

TEST(Csv, OneRowPerFindingQuotedAndFormulaSafe) {
  std::string csv = render(Format::Csv, testing::sampleReport());
  std::vector<std::string> rows;
  std::stringstream ss(csv);
  for (std::string line; std::getline(ss, line, '\n');) rows.push_back(line);
  ASSERT_EQ(rows.size(), 6u);  // header + 5 findings
  EXPECT_EQ(rows[0].rfind("file,line,column,end_line,end_column,symbol,kind,library,evidence,context,detail,macro_chain,suppressed,ascend_status,ascend_target,dcu_status,dcu_target", 0), 0u);
  EXPECT_NE(csv.find("src/a.cu,10,3,10,13,cudaMalloc,function,cudart,semantic,run,,CUDA_CHECK,false,mapped,aclrtMalloc,mapped,hipMalloc\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"src/b,\"\"odd\"\" name.cu\",4,1"), std::string::npos);  // RFC 4180 quoting
  EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0,"), std::string::npos);              // no formula injection
}

TEST(Markdown, SummaryGateAndGapsEscaped) {
  std::string md = render(Format::Markdown, testing::sampleReport());
  EXPECT_NE(md.find("| Huawei Ascend | 25.0% | 4 |"), std::string::npos) << md;
  EXPECT_NE(md.find("❌ **fail-under ascend=80.0%**"), std::string::npos);
  EXPECT_NE(md.find("&lt;&amp;&gt;"), std::string::npos);  // no raw HTML from messages
  EXPECT_NE(md.find("| `cudaGraphLaunch` | function | 1 | unknown | mapped |"), std::string::npos) << md;
  EXPECT_NE(md.find("`=cmd?' /C calc'!A0`"), std::string::npos);  // a '|' would break the table
  EXPECT_NE(md.find("1 input(s) not fully parsed"), std::string::npos);
}

TEST(Markdown, StaysUnderTheCommentLimit) {
  Report r = testing::sampleReport();
  for (int i = 0; i < 20000; ++i) {
    ReportFinding rf = r.findings[1];
    rf.finding.symbol.name = "cudaUnknownApi" + std::to_string(i);
    rf.finding.location.line = 100 + i;
    r.findings.push_back(rf);
    r.inputs.push_back(InputFile{"gen/f" + std::to_string(i) + ".cu", "cuda", InputStatus::Lexical, std::string(400, 'x')});
  }
  r.finalize();
  std::string md = render(Format::Markdown, r);
  EXPECT_LT(md.size(), 65000u);
  EXPECT_GT(md.size(), 1000u);
}

TEST(Junit, OneTestCasePerGateCondition) {
  std::string xml = render(Format::Junit, testing::sampleReport());
  EXPECT_NE(xml.find("<testsuite name=\"opscope gate\" tests=\"2\" failures=\"1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<testcase classname=\"opscope.gate\" name=\"fail-under ascend=80.0%\">\n      <failure message=\"ascend coverage 33.3% is below 80.0%\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("no new symbol(s) a target platform lacks &lt;&amp;&gt;"), std::string::npos);
}

TEST(Sarif, RulesResultsLocationsAndFixes) {
  std::string text = render(Format::Sarif, testing::sampleReport());
  auto doc = llvm::json::parse(text);
  ASSERT_TRUE(bool(doc)) << llvm::toString(doc.takeError());
  const auto& run = *(*doc->getAsObject()->getArray("runs"))[0].getAsObject();
  EXPECT_EQ(doc->getAsObject()->getString("version"), "2.1.0");
  const auto& rules = *run.getObject("tool")->getObject("driver")->getArray("rules");
  EXPECT_EQ(rules.size(), 7u);  // OPS001..OPS007
  for (const auto& rule : rules) EXPECT_TRUE(rule.getAsObject()->getObject("help")->getString("text")) << "rules carry help";
  const auto& results = *run.getArray("results");
  ASSERT_EQ(results.size(), 5u);
  std::map<std::string, std::string> ruleOf;
  for (const auto& v : results) {
    const auto& res = *v.getAsObject();
    std::string msg = res.getObject("message")->getString("text")->str();
    ruleOf[msg.substr(1, msg.find('`', 1) - 1)] = res.getString("ruleId")->str();
  }
  EXPECT_EQ(ruleOf["cudaMalloc"], "OPS004");
  EXPECT_EQ(ruleOf["cudaGraphLaunch"], "OPS001");
  EXPECT_EQ(ruleOf["cudaIpcGetMemHandle"], "OPS002");
  EXPECT_EQ(ruleOf["saxpy"], "OPS005");
  // Locations are relative URIs against SRCROOT, percent-encoded.
  bool sawOdd = false;
  for (const auto& v : results) {
    const auto& loc = *(*v.getAsObject()->getArray("locations"))[0].getAsObject()->getObject("physicalLocation");
    std::string uri = loc.getObject("artifactLocation")->getString("uri")->str();
    EXPECT_EQ(loc.getObject("artifactLocation")->getString("uriBaseId"), "SRCROOT");
    if (uri == "src/b%2C%22odd%22%20name.cu") sawOdd = true;
  }
  EXPECT_TRUE(sawOdd);
  EXPECT_EQ(run.getObject("originalUriBaseIds")->getObject("SRCROOT")->getString("uri"), "file:///work/project/");
  // The suggested edit starts inside cudaMalloc's range, so it is that result's fix.
  const auto* mallocResult = results[0].getAsObject();
  for (const auto& v : results)
    if (v.getAsObject()->getObject("message")->getString("text")->starts_with("`cudaMalloc`")) mallocResult = v.getAsObject();
  const auto* fixes = mallocResult->getArray("fixes");
  ASSERT_NE(fixes, nullptr);
  const auto& change = *(*(*fixes)[0].getAsObject()->getArray("artifactChanges"))[0].getAsObject();
  const auto& repl = *(*change.getArray("replacements"))[0].getAsObject();
  EXPECT_EQ(repl.getObject("deletedRegion")->getInteger("byteOffset"), 200);
  EXPECT_EQ(repl.getObject("insertedContent")->getString("text"), "hipMalloc");
}

}  // namespace
}  // namespace opscope::reports
