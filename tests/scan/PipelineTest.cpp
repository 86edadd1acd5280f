// The scan pipeline end to end on small trees: what a warm rescan parses again, that it gives
// the same report, that corrupt cache entries are rebuilt, and that `rewrite` reads the same
// request (.opscope.yaml) as `scan`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "cli/Cli.h"
#include "scan/Pipeline.h"

namespace opscope::scan {
namespace {
namespace fs = std::filesystem;

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("opscope-pipeline-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "tree");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& rel, const std::string& text) {
    fs::path p = dir_ / "tree" / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  std::string tree() const { return (dir_ / "tree").string(); }
  std::string cacheDir() const { return (dir_ / "cache").string(); }

  ScanOutcome scan(bool cache = true) {
    ScanRequest r;
    r.paths = {tree()};
    r.noConfig = true;
    r.jobs = 2;
    r.cache = cache;
    r.cacheDir = cacheDir();
    std::ostringstream err;
    Session session(r, err);
    return session.run();
  }

  std::vector<std::string> parsedNames(const ScanOutcome& o) {
    std::vector<std::string> out;
    for (const std::string& p : o.parsedUnits) out.push_back(fs::path(p).filename().string());
    return out;
  }

  fs::path dir_;

  void makeProject() {
    write("common.cuh", "#pragma once\n__device__ inline float twice(float x) { return 2 * x; }\n");
    write("a.cu", "#include \"common.cuh\"\n__global__ void ka(float* x) { x[threadIdx.x] = twice(x[0]); __syncthreads(); }\n"
                  "void runA(float* d) { ka<<<1, 32>>>(d); cudaDeviceSynchronize(); }\n");
    write("b.cu", "#include \"common.cuh\"\n__global__ void kb(float* x) { atomicAdd(x, twice(1.f)); }\n"
                  "void runB(float* d) { cudaMemset(d, 0, 4); kb<<<1, 1>>>(d); }\n");
    write("c.cu", "__global__ void kc(int* x) { x[blockIdx.x] = __shfl_down_sync(0xffffffff, 1, 1); }\n"
                  "void runC(int* d) { cudaFree(d); }\n");
  }
};

std::vector<Finding> findingsOf(const Report& r) {
  std::vector<Finding> out;
  for (const ReportFinding& rf : r.findings) out.push_back(rf.finding);
  return out;
}

TEST_F(PipelineTest, WarmRescanParsesNothingAndGivesTheSameReport) {
  makeProject();
  ScanOutcome cold = scan();
  EXPECT_EQ(parsedNames(cold), (std::vector<std::string>{"a.cu", "b.cu", "c.cu"}));
  ScanOutcome warm = scan();
  EXPECT_TRUE(warm.parsedUnits.empty());
  EXPECT_EQ(warm.unitsFromCache, 3u);
  EXPECT_EQ(findingsOf(warm.report), findingsOf(cold.report));
  ASSERT_EQ(warm.report.inputs.size(), cold.report.inputs.size());
  for (size_t i = 0; i < warm.report.inputs.size(); ++i) {
    EXPECT_EQ(warm.report.inputs[i].path, cold.report.inputs[i].path);
    EXPECT_EQ(warm.report.inputs[i].status, cold.report.inputs[i].status);
    EXPECT_EQ(warm.report.inputs[i].message, cold.report.inputs[i].message);
  }
}

TEST_F(PipelineTest, EditingAHeaderRescansExactlyTheUnitsThatIncludeIt) {
  makeProject();
  scan();
  write("common.cuh", "#pragma once\n__device__ inline float twice(float x) { return x + x; }\n");
  ScanOutcome after = scan();
  EXPECT_EQ(parsedNames(after), (std::vector<std::string>{"a.cu", "b.cu"}));
  EXPECT_EQ(after.unitsFromCache, 1u);
  // Editing a unit rescans that unit alone.
  write("c.cu", "__global__ void kc(int* x) { x[0] = 1; }\nvoid runC(int* d) { cudaFree(d); }\n");
  EXPECT_EQ(parsedNames(scan()), (std::vector<std::string>{"c.cu"}));
}

TEST_F(PipelineTest, ACorruptEntryIsIgnoredAndRebuilt) {
  makeProject();
  write("train.py", "import torch\nx = torch.zeros(3).cuda()\ntorch.cuda.synchronize()\n");
  ScanOutcome cold = scan();
  size_t entries = 0;
  for (const auto& e : fs::recursive_directory_iterator(cacheDir())) {
    if (!e.is_regular_file()) continue;
    ++entries;
    // Flip the last byte of every entry, and cut one short.
    std::string text;
    {
      std::ifstream in(e.path(), std::ios::binary);
      text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text.back() ^= 0x5a;
    if (entries == 1) text.pop_back();
    std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << text;
  }
  EXPECT_GE(entries, 4u);  // three units and the scripts
  ScanOutcome again = scan();
  EXPECT_EQ(parsedNames(again), (std::vector<std::string>{"a.cu", "b.cu", "c.cu"}));
  EXPECT_EQ(findingsOf(again.report), findingsOf(cold.report));
  EXPECT_TRUE(scan().parsedUnits.empty());  // rebuilt
}

TEST_F(PipelineTest, AUnitWithAMissingHeaderIsParsedAgainOnceTheHeaderExists) {
  write("include/.keep", "");
  write("m.cu", "#include \"vendor_lib.h\"\n__global__ void k(float* x) { x[0] = vendor_scale(); }\n");
  ScanOutcome first = scan();
  EXPECT_EQ(parsedNames(first), (std::vector<std::string>{"m.cu"}));
  EXPECT_EQ(parsedNames(scan()), (std::vector<std::string>{"m.cu"}));  // not cached while the header is missing
  write("vendor_lib.h", "#pragma once\n__device__ inline float vendor_scale() { return 2.f; }\n");
  ScanOutcome fixed = scan();
  bool semantic = false;
  for (const InputFile& in : fixed.report.inputs)
    if (in.path == "m.cu") semantic = in.status == InputStatus::Semantic;
  EXPECT_TRUE(semantic);
}

TEST_F(PipelineTest, NoCacheNeitherReadsNorWrites) {
  makeProject();
  scan(/*cache=*/false);
  EXPECT_FALSE(fs::exists(cacheDir()));
  scan();
  EXPECT_EQ(parsedNames(scan(/*cache=*/false)).size(), 3u);
}

TEST_F(PipelineTest, RewriteHonoursTheProjectConfig) {
  write(".opscope.yaml", "exclude: [\"skip/*\"]\n");
  write("train.py", "import torch\nx = torch.zeros(3).cuda()\n");
  write("skip/a.py", "import torch\ny = torch.ones(2).cuda()\n");
  std::ostringstream out, err;
  int rc = cli::run({"opscope", "rewrite", tree(), "--target", "ascend", "--diff", "--no-cache"}, out, err);
  ASSERT_EQ(rc, 0) << err.str();
  EXPECT_NE(out.str().find("train.py"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find(".npu()"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("skip/a.py"), std::string::npos) << out.str();
  // And scan leaves it out the same way.
  std::ostringstream json, err2;
  ASSERT_EQ(cli::run({"opscope", "scan", tree(), "--format", "json", "--no-cache"}, json, err2), 0) << err2.str();
  EXPECT_EQ(json.str().find("skip/a.py"), std::string::npos);
}

}  // namespace
}  // namespace opscope::scan
