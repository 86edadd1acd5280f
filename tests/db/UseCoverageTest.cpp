// The PyTorch answers of the built-in opdb for NPUs (issue 17): one answer per symbol, consistent
// with its suggestion; aliases agree; dtype lists are constraints judged per use
// (db::coverageForUse); the Ascend aten entries carry the aclnn docs' dtypes.
#include <gtest/gtest.h>

#include "db/Database.h"
#include "tests/db/BuiltinDatabase.h"
#include "db/UseCoverage.h"

namespace opscope::db {
namespace {

Finding use(const std::string& symbol, const std::string& detail) {
  Finding f;
  f.symbol = Symbol{symbol, SymbolKind::TorchApi, "torch"};
  f.detail = detail;
  return f;
}

TEST(UseCoverage, DeviceAndBackendStringsAreMappedWhereTheSuggestionRewritesThem) {
  const std::pair<const char*, const char*> devices[] = {{"ascend", "npu"}, {"cambricon", "mlu"}, {"enflame", "gcu"}};
  const std::pair<const char*, const char*> backends[] = {{"ascend", "hccl"}, {"cambricon", "cncl"}, {"enflame", "eccl"}};
  for (const auto& [platform, target] : devices) {
    Coverage c = builtin().lookup(platform, "device:cuda");
    EXPECT_EQ(c.status, CoverageStatus::Mapped) << platform;
    EXPECT_EQ(c.target, target) << platform;
  }
  for (const auto& [platform, target] : backends) {
    Coverage c = builtin().lookup(platform, "dist_backend:nccl");
    EXPECT_EQ(c.status, CoverageStatus::Mapped) << platform;
    EXPECT_EQ(c.target, target) << platform;
  }
}

TEST(UseCoverage, AMethodAndItsFunctionGiveOneAnswer) {
  for (const char* platform : {"ascend", "cambricon", "enflame"})
    for (const char* op : {"sigmoid", "nonzero", "matmul", "softmax"}) {
      Coverage f = builtin().lookup(platform, std::string("torch.") + op);
      Coverage m = builtin().lookup(platform, std::string("torch.Tensor.") + op);
      if (!f.confidence && !m.confidence) continue;  // neither answered
      EXPECT_EQ(f.status, m.status) << platform << " " << op;
    }
}

TEST(UseCoverage, ADtypeListLimitsOnlyAUseOutsideIt) {
  const Database& db = builtin();
  // torch.sigmoid on Ascend: fp16, fp32, integers, bool, complex - no fp64.
  EXPECT_EQ(coverageForUse(db, "ascend", use("torch.sigmoid", "")).status, CoverageStatus::Native);
  EXPECT_EQ(coverageForUse(db, "ascend", use("torch.sigmoid", "dtypes=fp32")).status, CoverageStatus::Native);
  Coverage fp64 = coverageForUse(db, "ascend", use("torch.sigmoid", "dtypes=fp64"));
  EXPECT_EQ(fp64.status, CoverageStatus::Partial);
  EXPECT_EQ(fp64.note.rfind("This use's dtype fp64 is not among the supported ones (", 0), 0u) << fp64.note;
  // torch.cat lists fp64: a float64 concatenation is not limited.
  EXPECT_EQ(coverageForUse(db, "ascend", use("torch.cat", "default backend dtypes=fp64")).status, CoverageStatus::Native);
  // An answer without a dtype list is the entry's, whatever the use.
  EXPECT_EQ(coverageForUse(db, "ascend", use("device:cuda", "dtypes=fp64")).status, CoverageStatus::Mapped);
}

TEST(UseCoverage, FewAscendTorchAnswersArePartialAndManyAtenEntriesCarryDtypes) {
  const auto* api = builtin().entries("ascend");
  ASSERT_NE(api, nullptr);
  unsigned partialApi = 0, atenWithDtypes = 0, apiWithDtypes = 0;
  for (const auto& [symbol, e] : *api) {
    if (symbol.starts_with("torch.") && e.status == CoverageStatus::Partial) ++partialApi;
    if (symbol.starts_with("torch.") && !e.constraints.dtypes.empty()) ++apiWithDtypes;
    if (symbol.starts_with("aten::") && !e.constraints.dtypes.empty()) ++atenWithDtypes;
  }
  EXPECT_LT(partialApi, 100u) << "partial must be a real limitation, not a repeated dtype list";
  EXPECT_GE(apiWithDtypes, 1000u);
  EXPECT_GE(atenWithDtypes, 600u);
}

TEST(UseCoverage, CambriconKeepsNotValidatedApartFromMissing) {
  Coverage fx = builtin().lookup("cambricon", "torch.fx.Graph.call_function");
  EXPECT_EQ(fx.status, CoverageStatus::Unknown);
  EXPECT_NE(fx.note.find("not validated on MLU"), std::string::npos) << fx.note;
  // A device API the list marks unsupported stays missing.
  EXPECT_EQ(builtin().lookup("cambricon", "torchvision.ops.batched_nms").status, CoverageStatus::Missing);
}

TEST(UseCoverage, CompositeEntriesNameTheBuildsPyTorch) {
  const std::pair<const char*, const char*> builds[] = {
      {"ascend", "torch_npu v2.15"}, {"cambricon", "PyTorch 2.4"}, {"enflame", "PyTorch 2.10.0"}};
  for (const auto& [platform, words] : builds) {
    unsigned emulated = 0, named = 0;
    for (const auto& [symbol, e] : *builtin().entries(platform)) {
      if (!symbol.starts_with("aten::") || e.status != CoverageStatus::Emulated || e.confidence != Confidence::Inferred)
        continue;
      ++emulated;
      named += e.note.find(words) != std::string::npos;
    }
    EXPECT_GT(emulated, 500u) << platform;
    EXPECT_EQ(named, emulated) << platform;
  }
}

}  // namespace
}  // namespace opscope::db
