// The Python step end to end, through the CLI: `opscope scan samples/pytorch_train`, its JSON
// report, the extension sources handed to the C++ frontend, and per-platform golden rewrites of
// the sample (tests/python/golden/PLATFORM/..., regenerated with OPSCOPE_UPDATE_GOLDENS=1).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "PythonTestSupport.h"
#include "cli/Cli.h"
#include "llvm/Support/JSON.h"
#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;
namespace json = llvm::json;

const std::string kSample = std::string(OPSCOPE_SOURCE_DIR) + "/samples/pytorch_train";

/// The JSON report of `opscope scan EXTRA...`.
json::Value scanToJson(std::vector<std::string> extra) {
  extra.insert(extra.begin(), "scan");
  return test::runForJson(std::move(extra));
}

const json::Object& sampleReport() {
  static const json::Value report = scanToJson({kSample});
  return *report.getAsObject();
}

std::vector<Suggestion> suggestionsOf(const json::Object& report) {
  std::vector<Suggestion> out;
  for (const json::Value& v : *report.getArray("suggestions")) {
    const json::Object& s = *v.getAsObject();
    Suggestion g;
    g.platform = s.getString("platform")->str();
    g.file = s.getString("file")->str();
    g.offset = static_cast<uint64_t>(*s.getInteger("offset"));
    g.length = static_cast<uint64_t>(*s.getInteger("length"));
    g.replacement = s.getString("replacement")->str();
    g.reason = s.getString("reason")->str();
    out.push_back(std::move(g));
  }
  return out;
}

bool hasFinding(const json::Object& report, const std::string& symbol, const std::string& file, int64_t line) {
  for (const json::Value& v : *report.getArray("findings")) {
    const json::Object& f = *v.getAsObject();
    if (f.getString("symbol") == symbol && f.getString("file") == file && f.getInteger("line") == line) return true;
  }
  return false;
}

TEST(PythonStep, ScansTheSampleWithEveryFrontendThatApplies) {
  const json::Object& r = sampleReport();
  std::map<std::string, std::string> status;
  for (const json::Value& v : *r.getArray("inputs")) {
    const json::Object& in = *v.getAsObject();
    status[in.getString("path")->str()] = in.getString("status")->str();
  }
  for (const char* py : {"train.py", "setup.py", "tinygpt/__init__.py", "tinygpt/model.py", "tinygpt/data.py",
                         "tinygpt/dist.py", "tinygpt/kernels.py"})
    EXPECT_EQ(status[py], "semantic") << py;
  EXPECT_EQ(status["csrc/layer_norm.cu"], "semantic");
  EXPECT_TRUE(hasFinding(r, "torch.cuda.amp.GradScaler", "train.py", 55));
  EXPECT_TRUE(hasFinding(r, "torch.Tensor.cuda", "train.py", 67));
  EXPECT_TRUE(hasFinding(r, "device:cuda", "train.py", 20));
  EXPECT_TRUE(hasFinding(r, "torch.backends.cudnn.benchmark", "train.py", 11));
  EXPECT_TRUE(hasFinding(r, "dist_backend:nccl", "tinygpt/dist.py", 7));
  EXPECT_TRUE(hasFinding(r, "env:NCCL_DEBUG", "tinygpt/dist.py", 12));
  EXPECT_TRUE(hasFinding(r, "bias_gelu_kernel", "tinygpt/kernels.py", 16));
  EXPECT_TRUE(hasFinding(r, "flash_attn.flash_attn_func", "tinygpt/model.py", 44));
  EXPECT_TRUE(hasFinding(r, "torch.utils.cpp_extension.CUDAExtension", "setup.py", 12));
}

TEST(PythonStep, HandsExtensionSourcesToTheCppScanWhenOnlyTheScriptIsScanned) {
  json::Value v = scanToJson({kSample + "/setup.py"});
  const json::Object& r = *v.getAsObject();
  std::set<std::string> paths;
  for (const json::Value& in : *r.getArray("inputs")) paths.insert(in.getAsObject()->getString("path")->str());
  EXPECT_TRUE(paths.count("setup.py"));
  EXPECT_TRUE(paths.count("csrc/layer_norm.cu")) << "named by CUDAExtension(sources=...)";
  EXPECT_TRUE(paths.count("csrc/binding.cpp"));
  EXPECT_TRUE(hasFinding(r, "layer_norm_kernel", "csrc/layer_norm.cu", 9));
}

TEST(PythonStep, LoadInlineCodeIsScannedByTheCppFrontendAtTheScriptsPositions) {
  // The expectations are the script's own `# CPP: LINE:COLUMN symbol kind` comments.
  const std::string script = std::string(OPSCOPE_SOURCE_DIR) + "/tests/python/inline/jit_ops.py";
  std::set<std::string> expected, actual;
  std::ifstream in(script);
  for (std::string line; std::getline(in, line);)
    if (size_t at = line.find("# CPP: "); at != std::string::npos) expected.insert(line.substr(at + 7));
  ASSERT_GE(expected.size(), 8u);
  json::Value v = scanToJson({fs::path(script).parent_path().string()});
  for (const json::Value& fv : *v.getAsObject()->getArray("findings")) {
    const json::Object& f = *fv.getAsObject();
    if (f.getString("detail").value_or("").find("(load_inline ") == llvm::StringRef::npos) continue;
    EXPECT_EQ(f.getString("file"), "jit_ops.py");
    actual.insert(std::to_string(*f.getInteger("line")) + ":" + std::to_string(*f.getInteger("column")) + " " +
                  f.getString("symbol")->str() + " " + f.getString("kind")->str());
  }
  for (const std::string& e : expected) EXPECT_TRUE(actual.count(e)) << "missing: " << e;
  for (const std::string& a : actual) EXPECT_TRUE(expected.count(a)) << "unexpected: " << a;
  // The private copies the frontend read are gone.
  for (const auto& entry : fs::directory_iterator(fs::temp_directory_path()))
    EXPECT_NE(entry.path().filename().string(), "opscope-inline-" + std::to_string(::getpid()));
}

class SampleGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleGolden, RewriteMatchesGoldenAndCompiles) {
  const std::string platform = GetParam();
  std::vector<Suggestion> all = suggestionsOf(sampleReport());
  std::map<std::string, std::vector<Suggestion>> byFile;
  for (const Suggestion& s : all)
    if (s.platform == platform) byFile[s.file].push_back(s);
  fs::path goldenDir = fs::path(OPSCOPE_SOURCE_DIR) / "tests/python/golden" / platform;
  bool update = std::getenv("OPSCOPE_UPDATE_GOLDENS") != nullptr;
  std::vector<std::string> compiled;
  std::set<std::string> expectedGoldens;
  if (fs::exists(goldenDir))
    for (const auto& e : fs::recursive_directory_iterator(goldenDir))
      if (e.is_regular_file()) expectedGoldens.insert(fs::relative(e.path(), goldenDir).generic_string());
  std::set<std::string> producedGoldens;
  for (const auto& [file, suggestions] : byFile) {
    if (!python::isPythonFile(file)) continue;
    std::string text = test::slurp(kSample + "/" + file);
    std::string rewritten = python::test::applyAll(text, suggestions);
    if (rewritten == text) continue;  // advice only
    producedGoldens.insert(file);
    fs::path golden = goldenDir / file;
    if (update) {
      fs::create_directories(golden.parent_path());
      test::writeFile(golden, rewritten);
    }
    EXPECT_EQ(rewritten, test::slurp(golden)) << file << " for " << platform << " differs from " << golden
                                              << " (OPSCOPE_UPDATE_GOLDENS=1 regenerates)";
    EXPECT_EQ(python::firstSyntaxError(rewritten), "") << golden;
    compiled.push_back(golden.string());
  }
  if (!update) EXPECT_EQ(producedGoldens, expectedGoldens) << platform;
  if (platform == "dcu") EXPECT_TRUE(producedGoldens.empty()) << "DCU keeps CUDA names";
  else EXPECT_GE(producedGoldens.size(), 4u) << platform;
  for (const auto& [file, error] : python::test::pyCompileFailures(compiled))
    ADD_FAILURE() << file << " does not compile: " << error;
}

INSTANTIATE_TEST_SUITE_P(Platforms, SampleGolden, ::testing::Values("ascend", "cambricon", "dcu", "enflame"));

}  // namespace
}  // namespace opscope::cli
