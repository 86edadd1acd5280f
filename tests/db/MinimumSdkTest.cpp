// The minimum-SDK answer (db::minimumSdk) on the built-in opdb: the lowest torch_npu level
// under which every dated op in use is supported, and the ops that need newer.
#include <gtest/gtest.h>

#include "db/MinimumSdk.h"
#include "tests/db/BuiltinDatabase.h"

namespace opscope::db {
namespace {

std::vector<TargetDescriptor> targets(std::string_view spec) {
  std::string error;
  auto t = parseTargets(spec, builtin(), error);
  EXPECT_TRUE(t) << error;
  return t.value_or(std::vector<TargetDescriptor>{});
}

TEST(MinimumSdk, LargestLowerBoundAndTheOpsThatNeedIt) {
  auto out = minimumSdk(builtin(), targets("ascend:910b"),
                        {"aten::add.Tensor", "aten::addmm.dtype", "aten::_scaled_mm_v2", "torch.no_such_api"});
  ASSERT_EQ(out.size(), 1u);
  const MinimumSdk& m = out[0];
  EXPECT_EQ(m.platform, "ascend");
  EXPECT_EQ(m.sdk, "torch_npu");
  EXPECT_EQ(m.oldest, "2.1");
  EXPECT_EQ(m.minimum, "2.10");
  EXPECT_EQ(m.ops, 4u);
  EXPECT_EQ(m.dated, 3u);  // the unknown name has no entry
  ASSERT_EQ(m.newer.size(), 2u);
  EXPECT_EQ(m.newer[0].symbol, "aten::_scaled_mm_v2");  // newest first
  EXPECT_EQ(m.newer[0].version, "2.10");
  EXPECT_EQ(m.newer[1].symbol, "aten::addmm.dtype");
  EXPECT_EQ(m.newer[1].version, "2.9");
  EXPECT_TRUE(m.removed.empty());
}

TEST(MinimumSdk, OpsGoneBeforeTheMinimumAreNamed) {
  // Registered for torch_npu 2.1-2.2 only, beside one that needs 2.9: no level serves both.
  auto out = minimumSdk(builtin(), targets("ascend"), {"aten::fake_quantize_per_channel_affine_cachemask", "aten::addmm.dtype"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].minimum, "2.9");
  ASSERT_EQ(out[0].removed.size(), 1u);
  EXPECT_EQ(out[0].removed[0].symbol, "aten::fake_quantize_per_channel_affine_cachemask");
  EXPECT_EQ(out[0].removed[0].version, "2.3");
}

TEST(MinimumSdk, OldestLevelWhenNothingNeedsNewerAndNoneWhenNothingIsDated) {
  auto out = minimumSdk(builtin(), targets("ascend,enflame"), {"aten::add.Tensor"});
  ASSERT_EQ(out.size(), 2u);  // ascend's torch_npu, enflame's torch_gcu
  EXPECT_EQ(out[0].minimum, "2.1");
  EXPECT_TRUE(out[0].newer.empty());
  EXPECT_EQ(out[1].platform, "enflame");
  EXPECT_EQ(out[1].minimum, "");  // torch_gcu's answers state no range: one release in the snapshot
  EXPECT_EQ(out[1].dated, 0u);
  // A platform that lists no SDK gets no answer.
  EXPECT_TRUE(minimumSdk(builtin(), {}, {"aten::add.Tensor"}).empty());
}

TEST(MinimumSdk, SymbolsInUseLeaveOutHazardsInventoryAndDeviceCode) {
  Report r;
  auto add = [&](std::string name, SymbolKind kind, std::string deviceCode = "") {
    ReportFinding rf;
    rf.finding.symbol = {std::move(name), kind, "x"};
    rf.deviceCode = std::move(deviceCode);
    r.findings.push_back(std::move(rf));
  };
  add("torch.cat", SymbolKind::TorchApi);
  add("torch.cat", SymbolKind::TorchApi);
  add("aten::mm", SymbolKind::AtenOp);
  add("npu-dynamic-shape", SymbolKind::Hazard);
  add("my_kernel", SymbolKind::Kernel);
  add("__shfl_sync", SymbolKind::Intrinsic, "my_kernel");
  EXPECT_EQ(symbolsInUse(r), (std::vector<std::string>{"aten::mm", "torch.cat"}));
}

}  // namespace
}  // namespace opscope::db
