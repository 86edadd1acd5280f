// The opdb shipped in the binary: it loads cleanly, its compiled form says exactly what its YAML
// says, and it holds the coverage the opdb-content issue asks for, every entry sourced.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "db/Database.h"
#include "tests/db/BuiltinDatabase.h"

namespace opscope::db {
namespace {

TEST(BuiltinOpdb, LoadsWithoutErrors) {
  const Database& db = builtin();
  EXPECT_FALSE(db.version().empty());
  std::set<std::string> ids;
  for (const Platform& p : db.platforms()) ids.insert(p.id);
  EXPECT_EQ(ids, (std::set<std::string>{"ascend", "cambricon", "dcu", "enflame"}));
  ASSERT_EQ(db.layers().size(), 1u);
  EXPECT_EQ(db.layers()[0], "builtin");
}

TEST(BuiltinOpdb, EveryEntryHasASourceAndMappedEntriesATarget) {
  const Database& db = builtin();
  for (const Platform& p : db.platforms()) {
    const auto* entries = db.entries(p.id);
    ASSERT_NE(entries, nullptr) << p.id;
    for (const auto& [name, e] : *entries) {
      ASSERT_NE(e.source, nullptr) << p.id << " " << name;
      EXPECT_FALSE(e.source->date.empty()) << p.id << " " << name;
      if (e.status == CoverageStatus::Mapped) EXPECT_FALSE(e.target.empty()) << p.id << " " << name;
      if (e.confidence == Confidence::Inferred) EXPECT_FALSE(e.note.empty()) << "a guess states its reason: " << p.id << " " << name;
      // A symbol outside the universe carries its own kind.
      if (!db.symbol(name)) EXPECT_TRUE(e.kind.has_value()) << p.id << " " << name;
    }
  }
}

/// Entries of one platform per status, over the categories for which `pick` is true.
std::map<CoverageStatus, unsigned> count(const Database& db, const std::string& platform,
                                         const std::function<bool(const std::string& category)>& pick) {
  std::map<CoverageStatus, unsigned> out;
  for (const auto& [name, e] : *db.entries(platform))
    if (pick(db.categoryOf(e))) ++out[e.status];
  return out;
}

unsigned total(const std::map<CoverageStatus, unsigned>& m) {
  unsigned n = 0;
  for (const auto& [s, c] : m) n += c;
  return n;
}

bool startsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

TEST(BuiltinOpdb, DcuCoversTheCudaUniverseWithHipifysUnsupportedAsMissing) {
  const Database& db = builtin();
  auto cuda = count(db, "dcu", [](const std::string& c) {
    return !startsWith(c, "aten") && !startsWith(c, "torch-api") && !startsWith(c, "onnx") && !startsWith(c, "pytorch-cpp");
  });
  EXPECT_GE(total(cuda), 8000u);
  EXPECT_GE(cuda[CoverageStatus::Missing], 1000u);
  EXPECT_EQ(db.lookup("dcu", "cudaMalloc").target, "hipMalloc");
  EXPECT_EQ(db.lookup("dcu", "cudaMalloc").confidence, Confidence::Derived);
  EXPECT_EQ(db.lookup("dcu", "cublasSgemm_v2").target, "hipblasSgemm");
  EXPECT_NE(db.lookup("dcu", "cublasSgemm_v2").note.find("rocblas_sgemm"), std::string::npos);
  // cuDNN goes to MIOpen.
  EXPECT_EQ(db.lookup("dcu", "cudnnCreate").target, "miopenCreate");
  // A row HIPIFY marks UNSUPPORTED is missing, with the reason.
  const Entry* unsupported = db.entry("dcu", "cudaArrayGetPlane");
  ASSERT_NE(unsupported, nullptr);
  EXPECT_EQ(unsupported->status, CoverageStatus::Missing);
  EXPECT_NE(unsupported->note.find("unsupported"), std::string::npos);
  // NCCL -> RCCL, same names; the device API is not in RCCL.
  EXPECT_EQ(db.lookup("dcu", "ncclAllReduce").status, CoverageStatus::Native);
  EXPECT_EQ(db.lookup("dcu", "ncclDevCommCreate").status, CoverageStatus::Missing);
}

TEST(BuiltinOpdb, EveryPlatformAnswersForTheRuntimeCoreAndCollectives) {
  const Database& db = builtin();
  for (const Platform& p : db.platforms()) {
    std::map<std::string, unsigned> answered;  // category -> entries that are not unknown
    for (const auto& [name, e] : *db.entries(p.id))
      if (e.status != CoverageStatus::Unknown) ++answered[db.categoryOf(e)];
    for (const char* c : {"cuda-runtime/device", "cuda-runtime/memory", "cuda-runtime/stream", "cuda-runtime/event",
                          "cuda-runtime/error", "collective"})
      EXPECT_GT(answered[c], 0u) << p.id << " has no answered entry in " << c;
    // Launch: every platform has rows; Cambricon's are unknown (no citable CNRT counterpart).
    EXPECT_GT(count(db, p.id, [](const std::string& c) { return c == "cuda-runtime/launch"; }).size(), 0u) << p.id;
  }
  EXPECT_EQ(db.lookup("ascend", "cudaMalloc").target, "aclrtMalloc");
  EXPECT_EQ(db.lookup("ascend", "cudaMalloc").confidence, Confidence::Inferred);
  EXPECT_EQ(db.lookup("ascend", "ncclAllReduce").target, "HcclAllReduce");
  EXPECT_EQ(db.lookup("cambricon", "cudaStreamCreate").target, "cnrtQueueCreate");
  EXPECT_EQ(db.lookup("cambricon", "ncclAllReduce").target, "cnclAllReduce");
  EXPECT_EQ(db.lookup("cambricon", "ncclDouble").status, CoverageStatus::Missing);  // cnclInvalid
  EXPECT_EQ(db.lookup("enflame", "ncclAllReduce").target, "ecclAllReduce");
  EXPECT_NE(db.lookup("enflame", "ncclCommSplit").note.find("no public header"), std::string::npos);
}

TEST(BuiltinOpdb, PytorchCoverage) {
  const Database& db = builtin();
  auto aten = [&](const std::string& p) {
    return count(db, p, [](const std::string& c) { return startsWith(c, "aten"); });
  };
  auto asc = aten("ascend"), cam = aten("cambricon");
  EXPECT_GE(asc[CoverageStatus::Native] + asc[CoverageStatus::Partial], 1000u);
  EXPECT_GE(cam[CoverageStatus::Native] + cam[CoverageStatus::Partial], 700u);
  EXPECT_GE(total(aten("enflame")), 400u);
  EXPECT_GE(total(aten("dcu")), 2500u);
  const Entry* add = db.entry("ascend", "aten::add.Tensor");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->status, CoverageStatus::Native);
  EXPECT_NE(add->constraints.sdk.find("torch_npu"), std::string::npos);
  const SymbolInfo* mm = db.symbol("aten::mm");
  ASSERT_NE(mm, nullptr);
  EXPECT_EQ(mm->kind, SymbolKind::AtenOp);
  EXPECT_TRUE(std::count(mm->dispatch.begin(), mm->dispatch.end(), "CUDA"));
  EXPECT_NE(mm->signature.find("mm(Tensor self, Tensor mat2)"), std::string::npos);
  // torch.* names as scripts write them.
  for (const char* name : {"torch.cuda.amp.autocast", "torch.nn.functional.scaled_dot_product_attention", "torch.Tensor.cuda"}) {
    const SymbolInfo* s = db.symbol(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->kind, SymbolKind::TorchApi) << name;
  }
  EXPECT_EQ(db.lookup("ascend", "torch.Tensor.cuda").target, "torch.Tensor.npu");
  EXPECT_EQ(db.lookup("cambricon", "torch.cuda.amp.autocast").target, "torch.mlu.amp.autocast");
  EXPECT_EQ(db.lookup("enflame", "torch.Tensor.cuda").target, "torch.Tensor.gcu");
  EXPECT_EQ(db.lookup("dcu", "torch.cuda.amp.autocast").status, CoverageStatus::Native);
  EXPECT_EQ(db.lookup("dcu", "at::cuda::getCurrentCUDAStream").target, "at::hip::getCurrentHIPStreamMasqueradingAsCUDA");
}

TEST(BuiltinOpdb, OnnxOperatorsWithOpsetRanges) {
  const Database& db = builtin();
  EXPECT_EQ(db.sinceVersion("", "Conv", 13), 11);
  EXPECT_EQ(db.sinceVersion("ai.onnx.ml", "TreeEnsembleClassifier", 5), 5);
  ASSERT_NE(db.opsetDomain("ai.onnx"), nullptr);
  EXPECT_GE(db.opsetDomain("ai.onnx")->maxOpset, 28);
  EXPECT_GE(db.onnxReleases().size(), 30u);
  unsigned ascendWithRange = 0;
  for (const auto& [name, e] : *db.entries("ascend"))
    if (e.constraints.opsetMin && e.constraints.opsetMax && startsWith(db.categoryOf(e), "onnx")) ++ascendWithRange;
  EXPECT_GE(ascendWithRange, 200u);
  const Entry* conv = db.entry("ascend", "onnx::Conv");
  ASSERT_NE(conv, nullptr);
  EXPECT_EQ(conv->constraints.opsetMin, 8);
  // Native for the registered opsets; a node of a newer model opset (Conv-22) is partial by the range.
  EXPECT_EQ(conv->status, CoverageStatus::Native);
  EXPECT_EQ(conv->constraints.opsetMax, 18);
  const Entry* dcuConv = db.entry("dcu", "onnx::Conv");
  ASSERT_NE(dcuConv, nullptr);
  EXPECT_EQ(dcuConv->constraints.opsetMax, 19);
  EXPECT_FALSE(dcuConv->constraints.dtypes.empty());
  // No public source speaks for Cambricon's or Enflame's ONNX engines: only answers inferred from
  // their PyTorch builds' aten coverage, for PyTorch-exported models.
  for (const char* platform : {"cambricon", "enflame"}) {
    const Entry* e = db.entry(platform, "onnx::Conv");
    ASSERT_NE(e, nullptr) << platform;
    EXPECT_EQ(e->category, "onnx-inferred-aten");
    EXPECT_EQ(e->confidence, Confidence::Inferred);
  }
  const Entry* reshape = db.entry("dcu", "onnx::Reshape");
  ASSERT_NE(reshape, nullptr);
  EXPECT_EQ(reshape->constraints.node.size(), 2u);  // allowzero, a shape computed at run time
}

TEST(BuiltinOpdb, CudaUniverseKeepsNamesKindsAndVersions) {
  const Database& db = builtin();
  unsigned cuda = 0;
  for (const auto& [name, s] : db.symbols())
    if (s.kind != SymbolKind::AtenOp && s.kind != SymbolKind::TorchApi && s.kind != SymbolKind::OnnxOp && s.library != "torch_cuda")
      ++cuda;
  EXPECT_GE(cuda, 10000u);
  const SymbolInfo* malloc = db.symbol("cudaMalloc");
  ASSERT_NE(malloc, nullptr);
  EXPECT_EQ(malloc->kind, SymbolKind::Function);
  EXPECT_EQ(malloc->category, "cuda-runtime/memory");
  EXPECT_EQ(malloc->header, "cuda_runtime_api.h");
  const SymbolInfo* syncthreads = db.symbol("__syncthreads");
  ASSERT_NE(syncthreads, nullptr);
  EXPECT_EQ(syncthreads->kind, SymbolKind::Intrinsic);
  // cublas_v2.h renames cublasSgemm to cublasSgemm_v2: a macro. cuda.h's cuMemAlloc is listed
  // as a function (the inventory has no cuMemAlloc_v2 entry point to rename it to).
  EXPECT_EQ(db.symbol("cublasSgemm")->kind, SymbolKind::Macro);
  EXPECT_EQ(db.symbol("cublasSgemm_v2")->kind, SymbolKind::Function);
  EXPECT_EQ(db.symbol("cuMemAlloc")->kind, SymbolKind::Function);
  EXPECT_NE(db.symbol("nvcuda::wmma::mma_sync"), nullptr);
  // Removed before CUDA 13: known through HIPIFY, with the version.
  const SymbolInfo* removed = db.symbol("cudaBindTexture");
  ASSERT_NE(removed, nullptr);
  EXPECT_FALSE(removed->removed.empty());
  // Internals of the headers are not API.
  EXPECT_EQ(db.symbol("__cudaCDP2Malloc"), nullptr);
  EXPECT_EQ(db.symbol("cudaMemcpy_ptds"), nullptr);
}

}  // namespace
}  // namespace opscope::db
