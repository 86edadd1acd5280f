// Target descriptors on the command line and in .opscope.yaml (issue 17): a product and an SDK
// level restrict the answers; a bad descriptor is a usage error (exit 2) listing what is valid.
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
using test::runCli;

/// A small PyTorch project in a fresh directory: a device-capability query and a hub download.
fs::path project() {
  fs::path d = test::freshTestDir("target-cli");
  test::writeFile(d / "train.py",
                  "import torch\n"
                  "major, minor = torch.cuda.get_device_capability()\n"
                  "state = torch.hub.load_state_dict_from_url('https://example.org/w.pth')\n");
  return d;
}

/// Each finding's Ascend answer in a JSON report: symbol -> (status, note).
std::map<std::string, std::pair<std::string, std::string>> ascendAnswers(const std::string& json) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  auto doc = llvm::json::parse(json);
  EXPECT_TRUE(bool(doc)) << llvm::toString(doc.takeError());
  if (!doc) return out;
  for (const llvm::json::Value& f : *doc->getAsObject()->getArray("findings")) {
    const llvm::json::Object* o = f.getAsObject();
    const llvm::json::Object* a = o->getObject("coverage")->getObject("ascend");
    if (!a) continue;
    out[o->getString("symbol")->str()] = {a->getString("status")->str(), a->getString("note").value_or("").str()};
  }
  return out;
}

TEST(TargetCli, BadProductOrLevelIsExitTwoListingValidOnes) {
  fs::path d = project();
  CliRun product = runCli({"scan", d.string(), "--no-config", "--no-cache", "--target", "ascend:910x"});
  EXPECT_EQ(product.code, kUsageError);
  EXPECT_NE(product.err.find("unknown ascend product '910x' (known: 910a"), std::string::npos) << product.err;
  EXPECT_NE(product.err.find("310p"), std::string::npos) << product.err;
  CliRun level = runCli({"scan", d.string(), "--no-config", "--no-cache", "--target", "ascend:910b@torch_npu-9.9"});
  EXPECT_EQ(level.code, kUsageError);
  EXPECT_NE(level.err.find("torch_npu 9.9 is not a level the opdb knows for ascend (known: 2.1,"), std::string::npos)
      << level.err;
  test::writeFile(d / ".opscope.yaml", "targets: [ascend@cann-8.0]\n");
  CliRun config = runCli({"scan", d.string(), "--no-cache"});
  EXPECT_EQ(config.code, kUsageError);
  EXPECT_NE(config.err.find("unknown ascend SDK 'cann' (known: torch_npu 2.1 to 2.15)"), std::string::npos) << config.err;
}

TEST(TargetCli, ProductAndLevelRedecideTheAnswers) {
  fs::path d = project();
  auto scan = [&](const std::string& target) {
    CliRun r = runCli({"scan", d.string(), "--no-config", "--no-cache", "--target", target, "--format", "json"});
    EXPECT_EQ(r.code, kOk) << r.err;
    return ascendAnswers(r.out);
  };
  auto own = scan("ascend");
  EXPECT_EQ(own["torch.cuda.get_device_capability"].first, "mapped");
  EXPECT_EQ(own["torch.hub.load_state_dict_from_url"].first, "native");
  // torch_npu's lists date get_device_capability from 2.6: at 2.4 it is missing, naming 2.6.
  auto at24 = scan("ascend:910b@torch_npu-2.4");
  EXPECT_EQ(at24["torch.cuda.get_device_capability"].first, "missing");
  EXPECT_NE(at24["torch.cuda.get_device_capability"].second.find("torch_npu 2.6 adds it"), std::string::npos)
      << at24["torch.cuda.get_device_capability"].second;
  EXPECT_EQ(at24["torch.hub.load_state_dict_from_url"].first, "native");
  // The support page marks the hub loader unsupported on Ascend 950.
  auto on950 = scan("ascend:950");
  EXPECT_EQ(on950["torch.hub.load_state_dict_from_url"].first, "missing");
  EXPECT_NE(on950["torch.hub.load_state_dict_from_url"].second.find("Not supported on Ascend 950"), std::string::npos)
      << on950["torch.hub.load_state_dict_from_url"].second;
  EXPECT_EQ(on950["torch.cuda.get_device_capability"].first, "mapped");
  // The same descriptor from .opscope.yaml.
  test::writeFile(d / ".opscope.yaml", "targets: [\"ascend:950@torch_npu-2.4\"]\n");
  CliRun r = runCli({"scan", d.string(), "--no-cache", "--format", "json"});
  ASSERT_EQ(r.code, kOk) << r.err;
  auto configured = ascendAnswers(r.out);
  EXPECT_EQ(configured["torch.hub.load_state_dict_from_url"].first, "missing");
  EXPECT_EQ(configured["torch.cuda.get_device_capability"].first, "missing");
}

}  // namespace
}  // namespace opscope::cli
