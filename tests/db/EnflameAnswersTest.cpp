// Enflame answers that the torch_gcu manual's tables and the runtime pair tables do not give
// (issue 15): what transfer_to_gcu, the user guide and the README say (official), torch APIs
// answered from torch_gcu's aten registrations and host-only PyTorch API (inferred), CUDA runtime
// names whose HIP name the TOPS headers declare, and the TOPS header's dim3. Each rule's own
// boundary is checked too: a name no rule speaks about stays unknown, and no rule overrides the
// manual. Runs on the committed opdb alone.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/Database.h"
#include "tests/db/BuiltinDatabase.h"

namespace opscope::db {
namespace {

struct Answer {
  const char* symbol;
  CoverageStatus status;
  const char* target;  // "" when none is named
  Confidence confidence;
  const char* noteWords;
};

const std::vector<Answer> kAnswers = {
    // transfer_to_gcu rewrites the device/backend argument of these: official.
    {"torch.tensor", CoverageStatus::Native, "", Confidence::Official, "transfer_to_gcu rewrites its device"},
    {"torch.distributed.init_process_group", CoverageStatus::Native, "", Confidence::Official, "'eccl'"},
    {"torch.amp.autocast", CoverageStatus::Native, "", Confidence::Official, "torch.gcu.amp.autocast"},
    // The user guide's torch.gcu <-> torch.cuda table, for a name outside the torch universe.
    {"torch.cuda.BFloat16Tensor", CoverageStatus::Mapped, "torch.gcu.BFloat16Tensor", Confidence::Official, "interface table"},
    {"torch.compile", CoverageStatus::Native, "", Confidence::Official, "Inductor"},
    // Bound to aten operators: the torch_gcu answer of each overload.
    {"torch.nn.Linear", CoverageStatus::Emulated, "", Confidence::Inferred, "aten::linear emulated"},
    {"torch.Tensor.add_", CoverageStatus::Emulated, "", Confidence::Inferred, "structured: add.out"},
    {"torch.optim.AdamW", CoverageStatus::Emulated, "", Confidence::Inferred, "_foreach"},
    // Host-only PyTorch API over the PrivateUse1 plug-in.
    {"torch.nn.Module.train", CoverageStatus::Native, "", Confidence::Inferred, "PrivateUse1"},
    {"torch.no_grad", CoverageStatus::Native, "", Confidence::Inferred, "grad mode"},
    // The manual's own answer stays.
    {"torch.add", CoverageStatus::Native, "", Confidence::Official, "torch_gcu manual"},
    // Runtime names through HIPIFY's HIP name, declared in the official TOPS headers.
    {"cudaDevAttrMaxSharedMemoryPerBlock", CoverageStatus::Mapped, "topsDeviceAttributeMaxSharedMemoryPerBlock",
     Confidence::Inferred, "hipDeviceAttributeMaxSharedMemoryPerBlock"},
    {"cudaFuncAttributeMaxDynamicSharedMemorySize", CoverageStatus::Mapped, "topsFuncAttributeMaxDynamicSharedMemorySize",
     Confidence::Inferred, "tops_runtime_api.h"},
    // Roles: the TOPS header's dim3, TopsATen's data and status types.
    {"dim3", CoverageStatus::Native, "dim3", Confidence::Inferred, "tops_runtime_api.h (line 797)"},
    {"CUDA_R_32F", CoverageStatus::Partial, "topsatenDataType_t", Confidence::Inferred, "enumerator names are not"},
    {"cublasStatus_t", CoverageStatus::Mapped, "topsatenStatus_t", Confidence::Inferred, "topsatenStatus_t"},
    // Host-side 16-bit float types: the TOPS headers declare none.
    {"half", CoverageStatus::Missing, "", Confidence::Inferred, "declare no host fp16 or bf16 type"},
    {"nv_bfloat16", CoverageStatus::Missing, "", Confidence::Inferred, "uint16_t"},
};

TEST(EnflameAnswers, EachRuleAnswersWithItsSourceAndConfidence) {
  const Database& db = builtin();
  for (const Answer& a : kAnswers) {
    SCOPED_TRACE(a.symbol);
    Coverage c = db.lookup("enflame", a.symbol);
    EXPECT_EQ(c.status, a.status);
    EXPECT_EQ(c.target, a.target);
    EXPECT_EQ(c.confidence, a.confidence);
    EXPECT_NE(c.note.find(a.noteWords), std::string::npos) << c.note;
    EXPECT_FALSE(c.source.empty());
  }
}

TEST(EnflameAnswers, NamesNoRuleSpeaksAboutStayUnknown) {
  const Database& db = builtin();
  // Whether TopsATen's matmul honours a TF32 or math-mode setting, no public source says.
  for (const char* s : {"torch.set_float32_matmul_precision", "cublasSetMathMode", "CUBLAS_TF32_TENSOR_OP_MATH",
                        "torch.backends.mps.is_available", "cudaFuncSetAttribute",
                        "cub::DeviceScan::InclusiveSum"}) {
    SCOPED_TRACE(s);
    EXPECT_EQ(db.lookup("enflame", s).status, CoverageStatus::Unknown);
  }
}

}  // namespace
}  // namespace opscope::db
