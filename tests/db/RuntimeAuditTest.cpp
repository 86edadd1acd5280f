// The audited runtime and collective answers of the built-in opdb (issue 15, item 3): the
// corrections an independent audit asked for, and the rule that a counterpart an official vendor
// header declares under the same name after the prefix is mapped, inferred, with the header
// cited. Runs on the committed opdb alone (no ../shared needed).
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "db/Database.h"
#include "tests/db/BuiltinDatabase.h"

namespace opscope::db {
namespace {

struct Expected {
  const char* platform;
  const char* symbol;
  const char* target;
  Confidence confidence;
  const char* sourceWords;  // words the cited source's description must contain
};

// The audit's corrections, and a sample of each family of same-named counterparts it listed.
const std::vector<Expected> kAudited = {
    // Cambricon: a third-party pair gave a weaker or wrong target.
    {"cambricon", "ncclUint8", "cnclUint8", Confidence::ThirdParty, "DIPU"},
    {"cambricon", "cudaMallocAsync", "cnrtMemAllocAsync", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaFreeAsync", "cnrtMemFreeAsync", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaMemGetInfo", "cnrtMemGetInfo", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaDriverGetVersion", "cnrtDriverGetVersion", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaEventCreateWithFlags", "cnrtNotifierCreateWithFlags", Confidence::Inferred, "cnrt.h 6.14.1"},
    // Cambricon: TaskTopo, queue attributes, error peeking, symbol/2D/3D copies.
    {"cambricon", "cudaGraphCreate", "cnrtTaskTopoCreate", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaGraphAddKernelNode", "cnrtTaskTopoAddKernelNode", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaGraphExecUpdate", "cnrtTaskTopoEntityUpdate", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaStreamSetAttribute", "cnrtQueueSetAttribute", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaStreamGetAttribute", "cnrtQueueGetAttribute", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaPeekAtLastError", "cnrtPeekAtLastError", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaMemcpyToSymbol", "cnrtMemcpyToSymbol", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaMemcpy2DAsync", "cnrtMemcpy2DAsync", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaMemcpy3D", "cnrtMemcpy3D", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "cudaLaunchKernel", "cnrtInvokeKernel", Confidence::Inferred, "cnrt.h 6.14.1"},
    {"cambricon", "ncclCommCount", "cnclGetCommCount", Confidence::Inferred, "torch_mlu"},
    // Ascend: limits, IPC handles, aclmdlRI capture, sub-communicators.
    {"ascend", "cudaDeviceGetLimit", "aclrtDeviceGetLimit", Confidence::Inferred, "CANN runtime"},
    {"ascend", "cudaDeviceSetLimit", "aclrtDeviceSetLimit", Confidence::Inferred, "CANN runtime"},
    {"ascend", "cudaIpcGetEventHandle", "aclrtIpcGetEventHandle", Confidence::Inferred, "CANN runtime"},
    {"ascend", "cudaIpcOpenEventHandle", "aclrtIpcOpenEventHandle", Confidence::Inferred, "CANN runtime"},
    {"ascend", "cudaIpcGetMemHandle", "aclrtIpcMemGetExportKey", Confidence::Inferred, "CANN runtime"},
    {"ascend", "cudaStreamGetCaptureInfo", "aclmdlRICaptureGetInfo", Confidence::Inferred, "CANN runtime"},
    {"ascend", "cudaGraphLaunch", "aclmdlRIExecuteAsync", Confidence::Inferred, "CANN runtime"},
    {"ascend", "cudaMemcpyToSymbol", "aclrtMemcpyToSymbol", Confidence::Inferred, "CANN runtime"},
    {"ascend", "ncclCommSplit", "HcclCreateSubCommConfig", Confidence::Inferred, "HCOMM"},
    // Enflame.
    {"enflame", "ncclCommAbort", "ecclCommAbort", Confidence::Inferred, "ECCL"},
};

TEST(RuntimeAudit, CorrectionsAndSameNamedHeaderCounterparts) {
  const Database& db = builtin();
  for (const Expected& x : kAudited) {
    SCOPED_TRACE(std::string(x.platform) + " " + x.symbol);
    Coverage c = db.lookup(x.platform, x.symbol);
    EXPECT_EQ(c.status, CoverageStatus::Mapped);
    EXPECT_EQ(c.target, x.target);
    EXPECT_EQ(c.confidence, x.confidence);
    EXPECT_NE(c.source.find(x.sourceWords), std::string::npos) << c.source;
    EXPECT_FALSE(c.note.empty());
  }
}

TEST(RuntimeAudit, AWeakerThirdPartyPairStaysInTheNote) {
  Coverage c = builtin().lookup("cambricon", "cudaMemGetInfo");
  EXPECT_NE(c.note.find("cndevGetMemoryUsage"), std::string::npos) << c.note;
  c = builtin().lookup("cambricon", "cudaMallocAsync");
  EXPECT_NE(c.note.find("synchronous"), std::string::npos) << c.note;
}

TEST(RuntimeAudit, AgreeingThirdPartyPairsAreKept) {
  // Where the wrapper pair and the header agree, the stronger (third-party) citation stays.
  Coverage c = builtin().lookup("cambricon", "cudaMalloc");
  EXPECT_EQ(c.target, "cnrtMalloc");
  EXPECT_EQ(c.confidence, Confidence::ThirdParty);
  c = builtin().lookup("cambricon", "ncclInt8");
  EXPECT_EQ(c.target, "cnclInt8");
}

}  // namespace
}  // namespace opscope::db
