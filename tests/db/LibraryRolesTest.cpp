// The cuBLAS/cuBLASLt/cuDNN role maps of the built-in opdb (issue 15, item 2): each platform names
// the operator-library call that plays the role, `partial` with the convention that differs,
// the target checked against the snapshot and cited. Runs on the committed opdb alone.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/Database.h"
#include "tests/db/BuiltinDatabase.h"

namespace opscope::db {
namespace {

struct Role {
  const char* platform;
  const char* symbol;
  CoverageStatus status;
  const char* target;  // "" when the platform has no object of that kind
  const char* noteWords;
};

const std::vector<Role> kRoles = {
    {"ascend", "cublasSgemm_v2", CoverageStatus::Partial, "aclblasGemmEx", "aclComputeType"},
    {"ascend", "cublasSgemmStridedBatched", CoverageStatus::Partial, "aclnnBatchMatMul", "GetWorkspaceSize"},
    {"ascend", "cublasLtMatmul", CoverageStatus::Partial, "aclnnMatmul", "aclnnAddmm"},
    {"ascend", "CUBLAS_OP_T", CoverageStatus::Mapped, "ACL_TRANS_T", "acl_cblas.h"},
    {"ascend", "cublasCreate", CoverageStatus::Partial, "", "no library handle"},
    {"ascend", "cudnnConvolutionForward", CoverageStatus::Partial, "aclnnConvolution", "two phases"},
    {"ascend", "cudnnSoftmaxForward", CoverageStatus::Partial, "aclnnSoftmax", "aclnnLogSoftmax"},
    {"ascend", "CUDNN_DATA_HALF", CoverageStatus::Mapped, "ACL_FLOAT16", "acl_base_rt.h"},
    {"cambricon", "cublasCreate", CoverageStatus::Mapped, "cnnlCreate", "torch_mlu"},
    {"cambricon", "cublasSetStream_v2", CoverageStatus::Mapped, "cnnlSetQueue", "cnrtQueue_t"},
    {"cambricon", "cublasSgemm_v2", CoverageStatus::Partial, "cnnlMatMul_v2", "row-major"},
    {"cambricon", "cublasLtMatrixLayoutCreate", CoverageStatus::Mapped, "cnnlCreateTensorDescriptor", ""},
    {"cambricon", "cudnnConvolutionForward", CoverageStatus::Mapped, "cnnlConvolutionForward", ""},
    {"cambricon", "cudnnBatchNormalizationForwardTraining", CoverageStatus::Partial, "cnnlBatchNormForwardTraining_v2", "workspace"},
    {"cambricon", "cudnn_frontend::graph::SDPA_attributes", CoverageStatus::Partial, "cnnlFlashAttentionForward", "graph"},
    {"ascend", "nv_bfloat16", CoverageStatus::Partial, "ACL_BF16", "aclDataType"},
    {"ascend", "half2", CoverageStatus::Partial, "aclFloat16", "no paired type"},
    {"cambricon", "half", CoverageStatus::Partial, "cnrtCastDataType_V2", "cnrtHalf"},
    {"cambricon", "__nv_bfloat16", CoverageStatus::Partial, "cnrtCastDataType_V2", "cnrtBfloat"},
    {"ascend", "cub::DeviceRadixSort::SortPairs", CoverageStatus::Partial, "aclnnSort", "gathers the values"},
    {"cambricon", "cub::DeviceReduce::Sum", CoverageStatus::Partial, "cnnlReduce", "reduce descriptor"},
    {"enflame", "cub::DeviceTopK::MaxPairs", CoverageStatus::Partial, "topsatenTopk", "top-k"},
    {"enflame", "cublasLtMatmul", CoverageStatus::Partial, "topsatenMatmul", "no public TopsATen header"},
    {"enflame", "cudnnSoftmaxForward", CoverageStatus::Partial, "topsatenSoftmaxForward", ""},
};

TEST(LibraryRoles, EachRoleNamesItsCounterpartWithTheConventionThatDiffers) {
  const Database& db = builtin();
  for (const Role& r : kRoles) {
    SCOPED_TRACE(std::string(r.platform) + " " + r.symbol);
    Coverage c = db.lookup(r.platform, r.symbol);
    EXPECT_EQ(c.status, r.status);
    EXPECT_EQ(c.target, r.target);
    EXPECT_EQ(c.confidence, Confidence::Inferred);
    EXPECT_NE(c.note.find(r.noteWords), std::string::npos) << c.note;
    EXPECT_FALSE(c.source.empty());
  }
}

TEST(LibraryRoles, NamesOutsideTheRolesStayUnknown) {
  // A BLAS level-1 routine has no role in the table: no answer is invented for it.
  EXPECT_EQ(builtin().lookup("ascend", "cublasSrotg_v2").status, CoverageStatus::Unknown);
  EXPECT_EQ(builtin().lookup("cambricon", "cublasSrotg_v2").status, CoverageStatus::Unknown);
}

}  // namespace
}  // namespace opscope::db
