#include "cuda/Toolkit.h"

#include <regex>

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace opscope::cuda {
namespace {

constexpr const char* kProbeSource =
    "#include <cuda_runtime.h>\n"
    "__global__ void opscope_probe(float* x) { x[threadIdx.x] = __shfl_down_sync(0xffffffffu, x[0], 1); }\n"
    "int main() { float* d = nullptr; cudaMalloc(&d, 4); opscope_probe<<<1, 32>>>(d); return cudaDeviceSynchronize(); }\n";

class FirstError : public clang::DiagnosticConsumer {
 public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
    if (level < clang::DiagnosticsEngine::Error || !first.empty()) return;
    llvm::SmallString<128> text;
    info.FormatDiagnostic(text);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      clang::PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid()) where = llvm::sys::path::filename(p.getFilename()).str() + ":" + std::to_string(p.getLine()) + ": ";
    }
    first = where + text.str().str();
  }
  std::string first;
};

std::string versionOf(const std::string& includeDir) {
  llvm::SmallString<256> cudaH(includeDir);
  llvm::sys::path::append(cudaH, "cuda.h");
  auto buffer = llvm::MemoryBuffer::getFile(cudaH);
  if (!buffer) return "";
  static const std::regex version(R"(#define\s+CUDA_VERSION\s+(\d+))");
  std::string text = (*buffer)->getBuffer().str();
  std::smatch m;
  if (!std::regex_search(text, m, version)) return "";
  int v = std::stoi(m[1].str());
  return std::to_string(v / 1000) + "." + std::to_string((v % 1000) / 10);
}

}  // namespace

ToolkitProbe probeToolkit(const std::string& cudaPath) {
  ToolkitProbe out;
  llvm::SmallString<256> root(cudaPath);
  llvm::sys::fs::make_absolute(root);
  llvm::sys::path::remove_dots(root, true);
  llvm::SmallString<256> include(root);
  llvm::sys::path::append(include, "include");
  llvm::SmallString<256> runtime(include);
  llvm::sys::path::append(runtime, "cuda_runtime.h");
  const std::string fallback = "; scanning with the bundled CUDA declaration shims instead";
  if (!llvm::sys::fs::exists(runtime)) {
    out.message = "--cuda-path " + cudaPath + ": no include/cuda_runtime.h there" + fallback;
    return out;
  }
  out.version = versionOf(std::string(include));
  std::string what = "the CUDA " + (out.version.empty() ? std::string("") : out.version + " ") + "toolkit at " + std::string(root);

  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  const std::string probePath = "/opscope-toolkit-probe/probe.cu";
  memory->addFile(probePath, 0, llvm::MemoryBuffer::getMemBuffer(kProbeSource));
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  overlay->pushOverlay(memory);
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), overlay);
  std::vector<std::string> args = {"clang++", "-x", "cuda", "--cuda-host-only", "-nocudalib", "-fsyntax-only", "-w",
                                   "-Wno-unknown-cuda-version", "--cuda-path=" + std::string(root),
                                   "-resource-dir", OPSCOPE_CLANG_RESOURCE_DIR, probePath};
  FirstError errors;
  clang::tooling::ToolInvocation invocation(args, std::make_unique<clang::SyntaxOnlyAction>(), files.get());
  invocation.setDiagnosticConsumer(&errors);
  bool ran = invocation.run();
  if (!ran || !errors.first.empty()) {
    out.message = "Clang 19 cannot parse " + what + " (" + (errors.first.empty() ? "the driver failed" : errors.first) + ")" + fallback;
    return out;
  }
  out.usable = true;
  out.toolkit.path = std::string(root);
  out.toolkit.includeDir = std::string(include);
  out.message = "parsing with " + what;
  return out;
}

}  // namespace opscope::cuda
