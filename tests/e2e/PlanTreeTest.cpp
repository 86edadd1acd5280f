// End to end: the porting plan of a small committed tree (tests/e2e/plan_tree: a CUDA program
// a training script and a Makefile), scanned and rendered through the command line. The arithmetic is
// checked against the weights the report states, site by site, so re-tuning rules/effort.yaml
// does not break it; the classes of the tree's sites are fixed.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;

// The scan derives the plan with the built-in weights.
const llvm::json::Object& report() {
  static llvm::json::Value value =
      test::runForJson({"scan", OPSCOPE_SOURCE_DIR "/tests/e2e/plan_tree", "--no-config"});
  return *value.getAsObject();
}

const llvm::json::Object& plan(const std::string& platform) {
  return *report().getObject("summary")->getObject(platform)->getObject("plan");
}

double weight(const llvm::json::Object& p, const std::string& id) {
  return *p.getObject("weights")->getObject(id)->getNumber("value");
}

double round1(double v) { return std::round(v * 10) / 10; }

/// The class and sub-class of the site of `symbol` at `line` of `file`, "" when it is no site.
std::string classOf(const std::string& platform, const std::string& symbol, const std::string& file, int64_t line,
                    double* lines = nullptr) {
  const llvm::json::Array& findings = *report().getArray("findings");
  for (const llvm::json::Value& s : *plan(platform).getArray("site_classes")) {
    const llvm::json::Object& site = *s.getAsObject();
    const llvm::json::Object& f = *findings[*site.getInteger("finding")].getAsObject();
    if (f.getString("symbol") == symbol && f.getString("file") == file && f.getInteger("line") == line) {
      if (lines) *lines = site.getNumber("lines").value_or(0);
      return (*site.getString("class") + ":" + *site.getString("subclass")).str();
    }
  }
  return "";
}

TEST(PlanTree, ManualLinesAndDaysFollowFromTheSitesAndTheStatedWeights) {
  for (const char* platform : {"ascend", "cambricon", "enflame", "dcu"}) {
    const llvm::json::Object& p = plan(platform);
    double sum = 0;
    unsigned sites = 0;
    for (const llvm::json::Value& s : *p.getArray("site_classes")) {
      sum += s.getAsObject()->getNumber("lines").value_or(0);
      ++sites;
    }
    EXPECT_EQ(p.getInteger("sites"), sites) << platform;
    unsigned byClass = 0;
    for (const char* c : {"automatic", "assisted", "manual", "blocked", "unknown"})
      byClass += *p.getObject("classes")->getObject(c)->getInteger("sites");
    EXPECT_EQ(byClass, sites) << platform << ": every site is in exactly one class";
    EXPECT_DOUBLE_EQ(*p.getNumber("setup_lines"), weight(p, "setup_lines")) << platform;
    // Site lines are rounded to one decimal in JSON; allow that much per site.
    EXPECT_NEAR(*p.getNumber("manual_lines"), weight(p, "setup_lines") + sum, 0.05 * sites + 0.05) << platform;
    double manual = *p.getNumber("manual_lines");
    EXPECT_NEAR(*p.getObject("effort_days")->getNumber("low"), round1(manual / weight(p, "lines_per_day_high")), 0.051);
    EXPECT_NEAR(*p.getObject("effort_days")->getNumber("high"), round1(manual / weight(p, "lines_per_day_low")), 0.051);
  }
}

TEST(PlanTree, DcuRenamesAndCompilesKernelsAndReviewsTheWarpSize) {
  EXPECT_EQ(classOf("dcu", "cudaMalloc", "saxpy.cu", 19), "automatic:rewritten");
  EXPECT_EQ(classOf("dcu", "saxpy", "saxpy.cu", 5), "automatic:device code compiles as written");
  EXPECT_EQ(classOf("dcu", "saxpy", "saxpy.cu", 21), "automatic:device code compiles as written");
  double lines = 0;
  EXPECT_EQ(classOf("dcu", "warp-size-32", "saxpy.cu", 12, &lines), "manual:hazard-review");
  EXPECT_DOUBLE_EQ(lines, weight(plan("dcu"), "hazard_review_lines_per_site"));
  EXPECT_EQ(*plan("dcu").getObject("manual_by_subclass")->getObject("hazard-review")->getInteger("lines"), 2)
      << "the warp-size hazard is on lines 12 and 13";
}

// The Makefile's nvcc recipe is build-system work on every platform: the first site of a file
// carries the file's set-up lines, each distinct flagged line its own.
TEST(PlanTree, BuildFilesAreManualBuildSystemWork) {
  for (const char* platform : {"ascend", "dcu"}) {
    double first = 0, second = 0;
    EXPECT_EQ(classOf(platform, "nvcc-invocation", "Makefile", 1, &first), "manual:build-system") << platform;
    EXPECT_EQ(classOf(platform, "cuda-arch-flags", "Makefile", 3, &second), "manual:build-system") << platform;
    const llvm::json::Object& p = plan(platform);
    EXPECT_DOUBLE_EQ(first + second, weight(p, "build_lines_per_file") + 2 * weight(p, "build_lines_per_site")) << platform;
  }
}

TEST(PlanTree, NpuRewritesKernelsAndTakesThePythonEdits) {
  double lines = 0;
  EXPECT_EQ(classOf("ascend", "saxpy", "saxpy.cu", 5, &lines), "manual:kernel-rewrite");
  EXPECT_DOUBLE_EQ(lines, 4 * weight(plan("ascend"), "kernel_rewrite_lines_per_kernel_line")) << "a 4-line kernel";
  EXPECT_EQ(classOf("ascend", "warp-size-32", "saxpy.cu", 12, &lines), "manual:kernel-rewrite");
  EXPECT_DOUBLE_EQ(lines, 0) << "the hazard is inside a kernel that is rewritten anyway";
  EXPECT_EQ(classOf("ascend", "saxpy", "saxpy.cu", 21, &lines), "manual:kernel-rewrite");
  EXPECT_DOUBLE_EQ(lines, weight(plan("ascend"), "launch_lines_per_site"));
  // aclrtMalloc takes an allocation policy too: this call's shape is a constraint to check.
  EXPECT_EQ(classOf("ascend", "cudaMalloc", "saxpy.cu", 19, &lines), "assisted:constraint to check");
  EXPECT_EQ(classOf("ascend", "torch.cuda.synchronize", "train.py", 12), "automatic:rewritten");
}

TEST(PlanTree, ReportTakesTheUsersWeightsAndRefusesABrokenFile) {
  fs::path dir = fs::temp_directory_path() / ("opscope-plan-effort-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ostringstream o, e;
  ASSERT_EQ(run({"opscope", "scan", OPSCOPE_SOURCE_DIR "/tests/e2e/plan_tree", "--no-config", "--format", "json", "-o",
                 (dir / "scan.json").string()}, o, e), kOk) << e.str();
  // The built-in file with every set-up weight raised to 1000.
  std::ifstream in(OPSCOPE_SOURCE_DIR "/rules/effort.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  for (std::size_t pos = 0; (pos = yaml.find("setup_lines:\n        value: ", pos)) != std::string::npos;) {
    pos += 28;
    std::size_t end = yaml.find('\n', pos);
    yaml.replace(pos, end - pos, "1000");
  }
  std::ofstream(dir / "mine.yaml") << yaml;
  ASSERT_EQ(run({"opscope", "report", (dir / "scan.json").string(), "--effort", (dir / "mine.yaml").string(), "--format",
                 "json", "-o", (dir / "plan.json").string()}, o, e), kOk) << e.str();
  llvm::json::Value parsed = test::readJsonFile(dir / "plan.json");
  const llvm::json::Object* summary = parsed.getAsObject()->getObject("summary");
  ASSERT_TRUE(summary);
  const llvm::json::Object& p = *summary->getObject("dcu")->getObject("plan");
  EXPECT_DOUBLE_EQ(*p.getNumber("setup_lines"), 1000);
  EXPECT_GE(*p.getNumber("manual_lines"), 1000);
  EXPECT_NE(p.getString("formula")->find("mine.yaml"), llvm::StringRef::npos) << "the formula names the weights file";

  std::ofstream(dir / "broken.yaml") << "opscope-rules: 1\nkind: effort\nprofiles:\n  - id: x\n    platforms: [dcu]\n";
  std::ostringstream o2, e2;
  EXPECT_EQ(run({"opscope", "report", (dir / "scan.json").string(), "--effort", (dir / "broken.yaml").string()}, o2, e2),
            kUsageError);
  EXPECT_NE(e2.str().find("broken.yaml:4:5: error: profile 'x' needs weight 'setup_lines'"), std::string::npos) << e2.str();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace opscope::cli
