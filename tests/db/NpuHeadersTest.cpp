// The Ascend, Cambricon and Enflame answers for #include'd CUDA headers (kind header,
// opdb/<platform>/cuda_headers.yaml, made by opdb/importers/npu_headers.py): the vendor header that
// replaces the include where a public source names one, `missing` with what to do where no
// counterpart library is known, each citing its source. Runs on the committed opdb alone.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/Database.h"
#include "tests/db/BuiltinDatabase.h"

namespace opscope::db {
namespace {

struct HeaderAnswer {
  const char* platform;
  const char* header;
  CoverageStatus status;
  const char* target;  // "" when no public source names the counterpart's header
  Confidence confidence;
  const char* sourceWords;  // in the cited record ("<title> (<repository>@<commit> | <url>)")
  const char* noteWords;
};

const std::vector<HeaderAnswer> kAnswers = {
    {"ascend", "cuda_runtime.h", CoverageStatus::Partial, "acl/acl_rt.h", Confidence::Derived,
     "hicann/runtime@681ef761", "aclrt*"},
    {"ascend", "nccl.h", CoverageStatus::Partial, "hccl.h", Confidence::Derived, "hicann/hccl@09300b70",
     "HCCL"},
    {"ascend", "cublas_v2.h", CoverageStatus::Partial, "acl/ops/acl_cblas.h", Confidence::Derived,
     "hicann/ge@ffdcbc9f", "aclblas*"},
    {"ascend", "nvToolsExt.h", CoverageStatus::Partial, "acl/acl_prof.h", Confidence::Derived,
     "hicann/runtime@681ef761", "aclprofMark"},
    {"ascend", "curand.h", CoverageStatus::Missing, "", Confidence::Inferred, "hicann/runtime",
     "no public counterpart library for curand"},
    {"cambricon", "cuda_runtime.h", CoverageStatus::Partial, "cnrt.h", Confidence::Derived,
     "cnrt.h 6.14.1", "CNRT"},
    {"cambricon", "nccl.h", CoverageStatus::Partial, "", Confidence::Inferred, "torch_mlu",
     "no public file names CNCL's header"},
    {"cambricon", "cublas_v2.h", CoverageStatus::Partial, "cnnl.h", Confidence::Derived, "cnnl_core.h",
     "cnnlMatMul"},
    {"cambricon", "curand.h", CoverageStatus::Partial, "cnnl.h", Confidence::Derived, "cnnl_core.h",
     "cnnlRandCreateGenerator"},
    {"cambricon", "cufft.h", CoverageStatus::Missing, "", Confidence::Inferred, "cnrt.h 6.14.1",
     "no public counterpart library for cufft"},
    {"enflame", "cuda_runtime.h", CoverageStatus::Partial, "tops/tops_runtime_api.h",
     Confidence::Derived, "TOPS runtime headers", "tops*"},
    {"enflame", "nccl.h", CoverageStatus::Partial, "", Confidence::Inferred, "torch_gcu v2.10.0",
     "ECCL has no public header"},
    {"enflame", "cublas_v2.h", CoverageStatus::Partial, "", Confidence::Inferred, "torch_gcu v2.10.0",
     "topsatenMatmul"},
    {"enflame", "curand.h", CoverageStatus::Missing, "", Confidence::Inferred, "TOPS runtime headers",
     "no public counterpart library for curand"},
};

TEST(NpuHeaders, EachIncludeNamesItsReplacementOrWhyThereIsNone) {
  const Database& db = builtin();
  for (const HeaderAnswer& a : kAnswers) {
    SCOPED_TRACE(std::string(a.platform) + " " + a.header);
    Coverage c = db.lookup(a.platform, a.header);
    EXPECT_EQ(c.status, a.status);
    EXPECT_EQ(c.target, a.target);
    EXPECT_EQ(c.confidence, a.confidence);
    EXPECT_NE(c.source.find(a.sourceWords), std::string::npos) << c.source;
    EXPECT_NE(c.note.find(a.noteWords), std::string::npos) << c.note;
    if (a.status == CoverageStatus::Partial)
      EXPECT_NE(c.note.find("Replace the include"), std::string::npos) << c.note;
  }
}

TEST(NpuHeaders, EveryHeaderTheDcuAnswersIsAnsweredOnEachNpu) {
  // The same header list as opdb/dcu/cuda_headers.yaml: a scan's header findings are never
  // `unknown` on one platform because only DCU's file lists them.
  const Database& db = builtin();
  const auto* dcu = db.entries("dcu");
  ASSERT_NE(dcu, nullptr);
  int headers = 0;
  for (const auto& [symbol, e] : *dcu) {
    if (e.kind != SymbolKind::Header) continue;
    ++headers;
    for (const char* platform : {"ascend", "cambricon", "enflame"}) {
      SCOPED_TRACE(std::string(platform) + " " + symbol);
      Coverage c = db.lookup(platform, symbol);
      EXPECT_NE(c.status, CoverageStatus::Unknown);
      EXPECT_NE(c.status, CoverageStatus::Mapped);  // no vendor SDK ships CUDA's headers
    }
  }
  EXPECT_GE(headers, 60);
}

}  // namespace
}  // namespace opscope::db
