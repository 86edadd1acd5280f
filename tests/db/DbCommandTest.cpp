// `opscope db stats|show|diff|export`: the output contract and exit codes of the database
// commands (analyzer/cli/DbCommand.cpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/Cli.h"
#include "llvm/Support/JSON.h"
#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;

using test::CliRun;

/// Runs `opscope db ARGS...`.
CliRun db(std::vector<std::string> args) {
  args.insert(args.begin(), "db");
  return test::runCli(std::move(args));
}

fs::path tempDir() { return test::freshTestDir("dbcmd"); }

const char* kOverlay =
    "opdb: 1\nkind: coverage\nplatform: ascend\nsources:\n"
    "  - {id: me, title: Team notes, url: \"https://example.org/notes\", date: 2026-11-01, license: CC0-1.0}\n"
    "entries:\n"
    "  - {symbol: cudaMalloc, status: native, source: me, confidence: third-party, note: \"measured, with a comma\"}\n"
    "  - {symbol: myKernelHelper, kind: function, library: user, status: missing, source: me, confidence: inferred, note: ours}\n";

TEST(DbCommand, StatsJsonKeepsTheContractFieldsAndCountsEveryEntry) {
  CliRun r = db({"stats", "--format", "json"});
  ASSERT_EQ(r.code, kOk) << r.err;
  auto parsed = llvm::json::parse(r.out);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const auto* top = parsed->getAsObject();
  EXPECT_EQ(top->getInteger("entries_without_source"), 0);
  int64_t entries = *top->getInteger("entries"), sum = 0;
  const auto* platforms = top->getObject("platforms");
  for (const char* p : {"ascend", "cambricon", "enflame", "dcu"}) {
    const auto* pl = platforms->getObject(p);
    ASSERT_NE(pl, nullptr) << p;
    int64_t n = *pl->getInteger("entries"), byStatus = 0, byCategory = 0;
    sum += n;
    for (const auto& [k, v] : *pl->getObject("by_status")) byStatus += *v.getAsInteger();
    for (const auto& [cat, st] : *pl->getObject("categories"))
      for (const auto& [k, v] : *st.getAsObject()) byCategory += *v.getAsInteger();
    EXPECT_EQ(byStatus, n) << p;
    EXPECT_EQ(byCategory, n) << p;
    double share = 0;
    for (const auto& [k, v] : *pl->getObject("share_by_confidence")) share += *v.getAsNumber();
    EXPECT_NEAR(share, 100.0, 0.5) << p;
    EXPECT_NE(pl->getObject("symbols_without_entry"), nullptr) << p;
    EXPECT_NE(pl->getObject("by_family"), nullptr) << p;
  }
  EXPECT_EQ(sum, entries);
  EXPECT_GE(*platforms->getObject("dcu")->getObject("by_family")->getInteger("cuda"), 8000);
  EXPECT_GE(*platforms->getObject("ascend")->getInteger("onnx_entries_with_opset_range"), 200);
}

TEST(DbCommand, StatsTextShowsStatusColumnsAndConfidenceShares) {
  CliRun r = db({"stats"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("native   mapped  partial emulated  missing  unknown"), std::string::npos) << r.out.substr(0, 600);
  EXPECT_NE(r.out.find("by confidence: derived="), std::string::npos);
  EXPECT_NE(r.out.find("no entry"), std::string::npos);
}

TEST(DbCommand, ShowPrintsEveryPlatformsAnswerWithItsSource) {
  CliRun r = db({"show", "onnx::Conv"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("versions (since_version): 1 11 22"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("constraints: opset 8..18"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cambricon: native [inferred"), std::string::npos) << r.out;
  CliRun aten = db({"show", "aten::mm"});
  ASSERT_EQ(aten.code, kOk);
  EXPECT_NE(aten.out.find("schema: mm(Tensor self, Tensor mat2) -> Tensor"), std::string::npos) << aten.out;
  EXPECT_NE(aten.out.find("dispatch keys:"), std::string::npos);
  EXPECT_EQ(db({"show", "noSuchSymbolAnywhere"}).code, kUsageError);
}

TEST(DbCommand, DiffNamesWhatAnOverlayChangesAndExitsOne) {
  fs::path d = tempDir();
  test::writeFile(d / "team.yaml", kOverlay);
  CliRun same = db({"diff", "builtin", "builtin"});
  EXPECT_EQ(same.code, kOk) << same.err;
  EXPECT_NE(same.out.find("no differences"), std::string::npos) << same.out;
  CliRun r = db({"diff", "builtin", (d / "team.yaml").string()});
  EXPECT_EQ(r.code, kGateFailed) << r.err;
  EXPECT_NE(r.out.find("ascend cudaMalloc: changed: mapped -> aclrtMalloc [inferred]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("=>  native [third-party]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ascend myKernelHelper: added: missing [inferred]"), std::string::npos) << r.out;
  CliRun json = db({"diff", "builtin", (d / "team.yaml").string(), "--format", "json"});
  auto parsed = llvm::json::parse(json.out);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(parsed->getAsObject()->getArray("entries")->size(), 2u);
  // An opdb directory is a database too; a directory without platforms.yaml is refused.
  CliRun notOpdb = db({"diff", "builtin", d.string()});
  EXPECT_EQ(notOpdb.code, kUsageError);
  EXPECT_NE(notOpdb.err.find("holds no platforms.yaml"), std::string::npos) << notOpdb.err;
  CliRun tree = db({"diff", std::string(OPSCOPE_SOURCE_DIR) + "/opdb", "builtin"});
  EXPECT_EQ(tree.code, kOk) << tree.out.substr(0, 2000) << tree.err.substr(0, 2000);
}

TEST(DbCommand, ExportCsvHasOneQuotedRowPerEntry) {
  fs::path d = tempDir();
  test::writeFile(d / "team.yaml", kOverlay);
  CliRun r = db({"export", "--format", "csv", "--platform", "ascend", "--db", (d / "team.yaml").string()});
  ASSERT_EQ(r.code, kOk) << r.err;
  std::istringstream lines(r.out);
  std::string header, line;
  std::getline(lines, header);
  EXPECT_EQ(header, "platform,symbol,kind,library,category,status,target,confidence,constraints,note,source,layer\r");
  size_t rows = 0;
  bool sawOverlay = false;
  while (std::getline(lines, line)) {
    ++rows;
    EXPECT_EQ(line.rfind("ascend,", 0), 0u) << line;
    if (line.rfind("ascend,cudaMalloc,", 0) == 0) {
      sawOverlay = true;
      EXPECT_NE(line.find(",native,,third-party,,\"measured, with a comma\","), std::string::npos) << line;
    }
  }
  EXPECT_TRUE(sawOverlay);
  CliRun stats = db({"stats", "--format", "json", "--db", (d / "team.yaml").string()});
  auto parsed = llvm::json::parse(stats.out);
  ASSERT_TRUE(static_cast<bool>(parsed));
  EXPECT_EQ(static_cast<int64_t>(rows), *parsed->getAsObject()->getObject("platforms")->getObject("ascend")->getInteger("entries"));
  EXPECT_EQ(db({"export", "--format", "xml"}).code, kUsageError);
}

}  // namespace
}  // namespace opscope::cli
