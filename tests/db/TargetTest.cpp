// Targets at an SDK level ("dcu@hip-6.2"): parsing, SDK ranges, and the built-in DCU answers
// re-decided at a HIP level (issue 14), plus the prefix entries that answer unlisted names.
#include <gtest/gtest.h>

#include "db/Database.h"
#include "tests/db/BuiltinDatabase.h"
#include "db/Target.h"

namespace opscope::db {
namespace {

TEST(Target, ParsesPlatformAndLevel) {
  TargetDescriptor t = target("dcu@hip-5.7");
  EXPECT_EQ(t.platform, "dcu");
  EXPECT_EQ(t.sdk, "hip");
  EXPECT_EQ(t.version, "5.7");
  EXPECT_EQ(t.str(), "dcu@hip-5.7");
  EXPECT_EQ(target("dcu@HIP-6.2.1").str(), "dcu@hip-6.2.1");
  EXPECT_EQ(target("ascend").str(), "ascend");
}

TEST(Target, RejectsBadTextWithTheText) {
  std::string error;
  EXPECT_FALSE(parseTarget("dcu@hip", &builtin(), error));
  EXPECT_NE(error.find("dcu@hip"), std::string::npos) << error;
  EXPECT_FALSE(parseTarget("dcu@hip-5.x", &builtin(), error));
  EXPECT_NE(error.find("5.x"), std::string::npos) << error;
  EXPECT_FALSE(parseTarget("dcu@hip-5.7.", &builtin(), error));
  EXPECT_FALSE(parseTarget("dcu@hip-1.2.3.4", &builtin(), error));
  EXPECT_FALSE(parseTarget("@hip-5.7", &builtin(), error));
  EXPECT_FALSE(parseTarget("gpu@hip-5.7", &builtin(), error));
  EXPECT_NE(error.find("unknown target 'gpu'"), std::string::npos) << error;
}

TEST(Target, ParsesLists) {
  std::string error;
  auto list = parseTargets("dcu@hip-6.2, ascend,dcu", builtin(), error);
  ASSERT_TRUE(list) << error;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].str(), "dcu@hip-6.2");
  EXPECT_EQ((*list)[1].str(), "ascend");
  auto all = parseTargets("all", builtin(), error);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), builtin().platforms().size());
  EXPECT_FALSE(parseTargets(" , ", builtin(), error));
}

TEST(Target, SdkRanges) {
  auto r = parseSdkRange("HIP >=1.5.0 <6.0.0");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->sdk, "HIP");
  EXPECT_EQ(r->min, (std::vector<int>{1, 5, 0}));
  EXPECT_EQ(r->max, (std::vector<int>{6, 0, 0}));
  EXPECT_TRUE(parseSdkRange("HIP <7.0"));
  EXPECT_FALSE(parseSdkRange("torch_npu v2.1-v2.15"));
  EXPECT_FALSE(parseSdkRange("HIP"));
  EXPECT_FALSE(parseSdkRange("HIP >=6.2 >=6.3"));
  EXPECT_EQ(compareVersions({5, 2}, {5, 2, 0}), 0);
  EXPECT_LT(compareVersions({5, 7}, {6, 2, 0}), 0);
  EXPECT_GT(compareVersions({10}, {6, 2, 0}), 0);
}

TEST(TargetLookup, WarpShuffleWithMaskNeedsHip62) {
  const Database& db = builtin();
  // The opdb's own level (HIP 5.2): the maskless form, partial.
  Coverage own = db.lookup("dcu", "__shfl_down_sync");
  EXPECT_EQ(own.status, CoverageStatus::Partial);
  EXPECT_NE(own.note.find("6.2.0 adds it"), std::string::npos) << own.note;
  EXPECT_NE(own.note.find("__shfl_down "), std::string::npos) << own.note;
  Coverage at62 = lookupAt(db, target("dcu@hip-6.2"), "__shfl_down_sync");
  EXPECT_EQ(at62.status, CoverageStatus::Native);
  EXPECT_EQ(at62.note.find("default DCU level"), std::string::npos) << at62.note;
  EXPECT_NE(at62.note.find("HIP 6.2 (the requested level)"), std::string::npos) << at62.note;
  Coverage at57 = lookupAt(db, target("dcu@hip-5.7"), "__shfl_xor_sync");
  EXPECT_EQ(at57.status, CoverageStatus::Partial);
  EXPECT_NE(at57.note.find("HIP 5.7 (the requested level) __shfl_xor_sync is not there yet"), std::string::npos);
}

TEST(TargetLookup, Bf16ConversionsNeedHip57) {
  const Database& db = builtin();
  EXPECT_EQ(db.lookup("dcu", "__bfloat162float").status, CoverageStatus::Missing);
  EXPECT_EQ(lookupAt(db, target("dcu@hip-5.7"), "__bfloat162float").status, CoverageStatus::Native);
  Coverage type = lookupAt(db, target("dcu@hip-6.0"), "__nv_bfloat16");
  EXPECT_EQ(type.status, CoverageStatus::Mapped);
  EXPECT_EQ(type.target, "__hip_bfloat16");
}

TEST(TargetLookup, OlderLevelLosesWhatItLacks) {
  const Database& db = builtin();
  EXPECT_EQ(db.lookup("dcu", "cudaMallocAsync").status, CoverageStatus::Mapped);  // HIP 5.2.0
  Coverage old = lookupAt(db, target("dcu@hip-5.1"), "cudaMallocAsync");
  EXPECT_EQ(old.status, CoverageStatus::Missing);
  EXPECT_NE(old.note.find("5.2.0 adds it"), std::string::npos) << old.note;
  // No range, or another SDK's level: the answer as written.
  EXPECT_EQ(lookupAt(db, target("dcu@hip-5.1"), "dim3").status, CoverageStatus::Native);
  // Another SDK's level is no level of DCU's: a usage error naming the SDK DCU has.
  std::string error;
  EXPECT_FALSE(parseTarget("dcu@rocm-1.0", &db, error));
  EXPECT_NE(error.find("unknown dcu SDK 'rocm' (known: hip (any version))"), std::string::npos) << error;
}

TEST(DcuAnswers, SameSpelledNamesAreNativeCitingTheHeader) {
  const Database& db = builtin();
  for (const char* name : {"dim3", "float4", "int4", "make_uint2", "warpSize", "half", "printf", "memcpy",
                           "cooperative_groups::this_thread_block", "cooperative_groups::tiled_partition",
                           "cooperative_groups::thread_group::thread_rank", "expf"}) {
    Coverage c = db.lookup("dcu", name);
    EXPECT_EQ(c.status, CoverageStatus::Native) << name << ": " << c.note;
  }
  EXPECT_NE(db.lookup("dcu", "float4").note.find("amd_hip_vector_types.h"), std::string::npos);
  // HIP 5.2 has no cooperative-groups reduce, and __ldcs only for half types.
  EXPECT_EQ(db.lookup("dcu", "cooperative_groups::reduce").status, CoverageStatus::Missing);
  Coverage ldcs = db.lookup("dcu", "__ldcs");
  EXPECT_EQ(ldcs.status, CoverageStatus::Partial);
  EXPECT_NE(ldcs.note.find("__half2"), std::string::npos) << ldcs.note;
}

TEST(DcuAnswers, PyTorchOnRocmKeepsCudaNames) {
  const Database& db = builtin();
  EXPECT_EQ(db.lookup("dcu", "device:cuda").status, CoverageStatus::Native);
  EXPECT_EQ(db.lookup("dcu", "dist_backend:nccl").status, CoverageStatus::Native);
  EXPECT_EQ(db.lookup("dcu", "torch.nn.Linear").status, CoverageStatus::Native);
  EXPECT_EQ(db.lookup("dcu", "torch.zeros").status, CoverageStatus::Native);
  // A cuDNN-only operator keeps its reason.
  Coverage cudnn = db.lookup("dcu", "torch.cudnn_affine_grid_generator");
  EXPECT_EQ(cudnn.status, CoverageStatus::Missing);
  EXPECT_NE(cudnn.note.find("MIOpen"), std::string::npos) << cudnn.note;
}

TEST(PrefixEntries, AnswerUnlistedNamesLongestFirst) {
  const Database& db = builtin();
  ASSERT_EQ(db.entry("dcu", "torch.nn.Parameter"), nullptr) << "pick a name the opdb does not list";
  EXPECT_EQ(db.lookup("dcu", "torch.nn.Parameter").status, CoverageStatus::Native);
  EXPECT_EQ(db.answering("dcu", "torch.nn.Parameter")->symbol, "torch.*");
  EXPECT_EQ(db.answering("dcu", "torch.ops.myproject.my_op")->symbol, "torch.ops.*");
  EXPECT_EQ(db.lookup("dcu", "torch.ops.myproject.my_op").status, CoverageStatus::Unknown);
  EXPECT_EQ(db.answering("dcu", "at::Tensor::is_cuda")->symbol, "at::*");
  // An exact entry wins over a prefix; no prefix above a bare name.
  EXPECT_EQ(db.answering("dcu", "torch.cuda.synchronize")->symbol, "torch.cuda.synchronize");
  EXPECT_EQ(db.answering("dcu", "torch"), nullptr);
  EXPECT_EQ(db.answering("dcu", "torchvision.models.resnet50"), nullptr);
  EXPECT_EQ(db.answering("ascend", "torch.nn.SomethingUnlisted"), nullptr);
}

}  // namespace
}  // namespace opscope::db
