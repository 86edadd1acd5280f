// The shims against the CUDA toolkit they stand in for: every public name of the toolkit's header
// inventory (analyzer/cuda/shims/inventory/toolkit_names.tsv, derived from the CUDA 13.0 headers
// by its importer) is declared once all public shim headers are included, except the known gaps
// listed in shim_inventory_gaps.txt; and each public header brings in what the toolkit's does
// (standard headers, other CUDA headers), checked by using those names after including it alone.
//
// The gaps list is exact both ways: a new gap fails (a shim regressed or the inventory grew), and
// so does a listed gap the shims now declare (remove it). OPSCOPE_UPDATE_SHIM_GAPS=1 rewrites it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "cuda/CudaFrontend.h"
#include "cuda/Shims.h"
#include "llvm/Support/MemoryBuffer.h"

namespace opscope::cuda {
namespace {
namespace fs = std::filesystem;

const fs::path kInventory = fs::path(OPSCOPE_SOURCE_DIR) / "analyzer/cuda/shims/inventory/toolkit_names.tsv";
const fs::path kGaps = fs::path(OPSCOPE_SOURCE_DIR) / "tests/cuda/shim_inventory_gaps.txt";

struct InventoryName {
  std::string header, library, kind, name;
};

std::vector<InventoryName> readInventory() {
  std::vector<InventoryName> out;
  std::ifstream in(kInventory);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    InventoryName n;
    std::getline(fields, n.header, '\t');
    std::getline(fields, n.library, '\t');
    std::getline(fields, n.kind, '\t');
    std::getline(fields, n.name, '\t');
    out.push_back(n);
  }
  return out;
}

/// Every name a parse declares (qualified and plain) and every macro it defines.
struct Declared {
  std::set<std::string> names, macros;
  std::vector<std::string> errors;
};

class CollectNames : public clang::ASTFrontendAction {
 public:
  explicit CollectNames(Declared& out) : out_(out) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&, llvm::StringRef) override {
    struct Visitor : clang::RecursiveASTVisitor<Visitor> {
      Declared& out;
      explicit Visitor(Declared& o) : out(o) {}
      bool VisitNamedDecl(clang::NamedDecl* d) {
        if (!d->getIdentifier()) return true;
        out.names.insert(d->getNameAsString());
        out.names.insert(d->getQualifiedNameAsString());
        return true;
      }
    };
    struct Consumer : clang::ASTConsumer {
      Declared& out;
      explicit Consumer(Declared& o) : out(o) {}
      void HandleTranslationUnit(clang::ASTContext& ast) override {
        Visitor v(out);
        v.TraverseDecl(ast.getTranslationUnitDecl());
      }
    };
    return std::make_unique<Consumer>(out_);
  }
  void EndSourceFileAction() override {
    clang::Preprocessor& pp = getCompilerInstance().getPreprocessor();
    for (const auto& [id, state] : pp.macros())
      if (pp.getMacroInfo(id)) out_.macros.insert(id->getName().str());
  }

 private:
  Declared& out_;
};

struct Errors : clang::DiagnosticConsumer {
  explicit Errors(std::vector<std::string>& out) : out_(out) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
    if (level < clang::DiagnosticsEngine::Error) return;
    llvm::SmallString<128> text;
    info.FormatDiagnostic(text);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid())
      where = info.getLocation().printToString(info.getSourceManager()) + ": ";
    out_.push_back(where + text.str().str());
  }
  std::vector<std::string>& out_;
};

/// Parses `source` as CUDA (host side, C++17) over the bundled shims, as the semantic pass does.
Declared parseCuda(const std::string& source) {
  Declared out;
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  overlay->pushOverlay(ShimSet::bundled().fileSystem());
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  std::string main = std::string(kShimRoot) + "/opscope_inventory_main.cu";
  memory->addFile(main, 0, llvm::MemoryBuffer::getMemBufferCopy(source));
  overlay->pushOverlay(memory);
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), overlay);
  std::vector<std::string> args = {"clang++", "-fsyntax-only", "-w", "-x", "cuda", "--cuda-host-only",
                                   "-nocudainc", "-nocudalib", "-std=c++17", "-resource-dir",
                                   OPSCOPE_CLANG_RESOURCE_DIR, "-isystem", kShimRoot, main};
  Errors errors(out.errors);
  clang::tooling::ToolInvocation invocation(args, std::make_unique<CollectNames>(out), files.get());
  invocation.setDiagnosticConsumer(&errors);
  invocation.run();
  return out;
}

bool isPublicShimHeader(const std::string& path) {
  return path.rfind("core/", 0) != 0 && path.rfind("opscope_", 0) != 0;
}

TEST(ShimInventory, EveryToolkitNameIsDeclaredExceptTheKnownGaps) {
  std::vector<InventoryName> inventory = readInventory();
  ASSERT_GT(inventory.size(), 10000u) << kInventory << " is missing or truncated";
  std::set<std::string> shimHeaders;
  for (const auto& [path, text] : ShimSet::bundled().files())
    if (isPublicShimHeader(path)) shimHeaders.insert(path);
  std::string all;
  for (const std::string& h : shimHeaders) all += "#include <" + h + ">\n";
  Declared declared = parseCuda(all);
  for (const std::string& e : declared.errors) ADD_FAILURE() << "parse error: " << e;

  // A missing name, or a header of the inventory no shim stands in for.
  std::set<std::string> gaps;
  std::map<std::string, std::pair<unsigned, unsigned>> byLibrary;  // library -> (declared, all)
  for (const InventoryName& n : inventory) {
    if (!shimHeaders.count(n.header)) gaps.insert("header " + n.header);
    bool found = n.kind == "macro" ? declared.macros.count(n.name) || declared.names.count(n.name)
                                   : declared.names.count(n.name) || declared.macros.count(n.name);
    auto& [yes, total] = byLibrary[n.library];
    ++total;
    if (found) ++yes;
    else gaps.insert(n.kind + " " + n.name);
  }
  unsigned yes = 0;
  for (const auto& [lib, counts] : byLibrary) {
    yes += counts.first;
    std::cout << "  " << lib << ": " << counts.first << "/" << counts.second << " declared\n";
  }
  std::cout << "shim inventory: " << yes << "/" << inventory.size() << " toolkit names declared, " << gaps.size()
            << " known gaps\n";

  if (std::getenv("OPSCOPE_UPDATE_SHIM_GAPS")) {
    std::ofstream out(kGaps);
    out << "# Toolkit names (and headers) of analyzer/cuda/shims/inventory/toolkit_names.tsv the bundled\n"
           "# shims do not declare, checked exactly by tests/cuda/ShimInventoryTest.cpp.\n"
           "# Regenerate: OPSCOPE_UPDATE_SHIM_GAPS=1 build/tests/cuda/cuda_test --gtest_filter='ShimInventory.*'\n";
    for (const std::string& g : gaps) out << g << "\n";
    return;
  }
  std::set<std::string> known;
  std::ifstream in(kGaps);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') known.insert(line);
  ASSERT_FALSE(known.empty()) << kGaps << " is missing";
  unsigned shown = 0;
  for (const std::string& g : gaps)
    if (!known.count(g) && ++shown <= 40) ADD_FAILURE() << "new shim gap: " << g;
  shown = 0;
  for (const std::string& g : known)
    if (!gaps.count(g) && ++shown <= 40) ADD_FAILURE() << "no longer a gap, remove it from the list: " << g;
}

// What each public header brings in with the toolkit, beyond its own declarations (facts of the
// CUDA 12/13 headers: cuda_runtime.h includes <utility> for its launch templates and, through
// crt/common_functions.h and crt/math_functions.h, the C library headers and <cmath>; cuBLAS's
// and cuBLASLt's headers include cuda_fp16.h and cuda_bf16.h; nvToolsExt.h maps the generic
// names to the ASCII functions). Each probe includes one header and uses what it should bring.
struct HeaderProbe {
  const char* header;
  const char* use;
};
const HeaderProbe kProbes[] = {
    {"cuda_runtime.h", "template <class T> T&& fwd(T& x) { return std::forward<T>(x); }"},
    {"cuda_runtime.h", "float f(float x) { return sqrtf(x) + fabsf(x) + INFINITY + (float)M_PI; }"},
    {"cuda_runtime.h", "bool g(double x) { return std::isfinite(x) && isfinite(x); }"},
    {"cuda_runtime.h", "long h() { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return clock() + t.tv_sec; }"},
    {"cuda_runtime.h", "void i(int* p) { assert(p); memcpy(p, p, 4); printf(\"%d\", *p); free(malloc(4)); }"},
    {"cuda_runtime.h", "__global__ void k(long long* t) { t[0] = clock(); t[1] = clock64(); }"},
    {"cuda_runtime.h", "uintptr_t j(void* p) { return (uintptr_t)p; }"},
    {"cublas_v2.h", "__half a; __nv_bfloat16 b; __nv_bfloat162 c;"},
    {"cublasLt.h", "__nv_bfloat16 b; cublasLtHandle_t h;"},
    {"nvtx3/nvToolsExt.h", "void r() { nvtxRangePush(\"x\"); nvtxRangePop(); nvtxMark(\"m\"); }"},
    {"nvToolsExt.h", "void r() { nvtxRangePush(\"x\"); nvtxRangePop(); }"},
    {"math_constants.h", "float p = CUDART_PI_F + CUDART_INF_F; double q = CUDART_PI + CUDART_NAN;"},
    {"cuda/std/functional", "float s = cuda::std::plus<float>()(1.f, 2.f); cuda::std::is_same<int, int> t;"},
    {"cuda/pipeline",
     "__global__ void k(const float* in) { __shared__ float buf[64]; auto p = cuda::make_pipeline();"
     " p.producer_acquire(); cuda::memcpy_async(buf, in, cuda::aligned_size_t<16>(256), p);"
     " p.producer_commit(); p.consumer_wait(); p.consumer_release(); }"},
    {"cuda/barrier",
     "__global__ void k() { __shared__ cuda::barrier<cuda::thread_scope_block> b; init(&b, 32);"
     " auto t = b.arrive(); b.wait(std::move(t)); b.arrive_and_wait(); }"},
    {"cooperative_groups.h",
     "namespace cg = cooperative_groups; __device__ float k(float v) { auto b = cg::this_thread_block();"
     " cg::thread_block_tile<32> w = cg::tiled_partition<32>(b); return cg::reduce(w, v, cg::plus<float>())"
     " + w.shfl_down(v, 1) + w.meta_group_rank(); }"},
    {"cooperative_groups/memcpy_async.h",
     "namespace cg = cooperative_groups; __device__ void k(float* s, const float* g) {"
     " auto b = cg::this_thread_block(); cg::memcpy_async(b, s, g, sizeof(float) * 32); cg::wait(b); }"},
    {"cuda_fp16.h",
     "__device__ void k(__half* p, __half v, __half2* q, __half2 w) { atomicAdd(p, v); atomicAdd(q, w); }"},
    {"sm_61_intrinsics.h", "__device__ int k(int a, int b) { return __dp4a(a, b, 0); }"},
    {"sm_32_intrinsics.h", "__device__ float k(const float* p) { return __ldg(p); }"},
    {"sm_30_intrinsics.h", "__device__ float k(float v) { return __shfl_xor_sync(0xffffffffu, v, 1); }"},
};

TEST(ShimInventory, EachHeaderBringsInWhatTheToolkitsDoes) {
  for (const HeaderProbe& p : kProbes) {
    Declared d = parseCuda("#include <" + std::string(p.header) + ">\n" + p.use + "\n");
    for (const std::string& e : d.errors) ADD_FAILURE() << "<" << p.header << ">: " << e << "\n  in: " << p.use;
  }
}

}  // namespace
}  // namespace opscope::cuda
