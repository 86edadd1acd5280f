#include "scan/BuildFiles.h"

#include <filesystem>
#include <regex>

#include "scan/Stage.h"

namespace opscope::scan {
namespace fs = std::filesystem;

namespace {

/// A check and the patterns that raise it. A pattern is an ECMAScript regex matched against one
/// line with its comment removed. The names are nvcc's, CMake's and PyTorch's own spellings.
struct CheckPatterns {
  BuildCheck check;
  std::vector<std::regex> patterns;
};

std::vector<CheckPatterns> makeChecks() {
  auto re = [](const char* s) { return std::regex(s, std::regex::ECMAScript | std::regex::optimize); };
  // Not a letter, digit or '_' before/after: "nvcc" the command, not "append_nvcc_threads". The
  // name is then group 1 of the pattern, and the finding points at it.
  const std::string b = "(?:^|[^A-Za-z0-9_])(", e = ")(?![A-Za-z0-9_])";
  return {
      {{"cuda-arch-flags", "GPU architecture list for nvcc (-gencode, -arch=sm_XX, CUDA_ARCHITECTURES)"},
       {re("-gencode|--generate-code|arch=compute_[0-9]+|code=\\[?(?:sm|compute)_[0-9]+|-arch[= ]+sm_[0-9]+"),
        re("--gpu-architecture|CUDA_ARCHITECTURES|CUDA_ARCH_LIST|TORCH_CUDA_ARCH_LIST")}},
      {{"nvcc-only-flags", "flags only nvcc understands (--expt-*, -Xptxas, --use_fast_math, the nvcc flag list)"},
       {re("--expt-relaxed-constexpr|--expt-extended-lambda|-use_fast_math|--ptxas-options|-Xptxas|-Xcompiler"),
        re("-lineinfo|-maxrregcount|--maxrregcount|-rdc=|--relocatable-device-code|-ccbin|--compiler-options"),
        re("-Xcudafe|--default-stream|CUDA_NVCC_FLAGS|CMAKE_CUDA_FLAGS|extra_cuda_cflags|['\"]nvcc['\"]\\s*:")}},
      {{"nvcc-invocation", "the CUDA compiler named or run (nvcc, CMAKE_CUDA_COMPILER)"},
       {re((b + "nvcc" + e).c_str()), re("CMAKE_CUDA_COMPILER" "(?!_)")}},
      {{"cuda-toolkit-lookup", "the CUDA toolkit located (find_package(CUDA|CUDAToolkit), CUDA_HOME, /usr/local/cuda)"},
       {re("find_package\\s*\\(\\s*(?:CUDA|CUDAToolkit)(?![A-Za-z0-9_])|check_language\\s*\\(\\s*CUDA"),
        re((b + "(?:CUDA_HOME|CUDA_PATH|CUDA_TOOLKIT_ROOT_DIR|CUDAToolkit_ROOT)" + e).c_str()), re("/usr/local/cuda")}},
      {{"cuda-language", "CUDA as a build language (CMake LANGUAGES CUDA, enable_language, CUDA target properties)"},
       {re("enable_language\\s*\\(\\s*CUDA|LANGUAGES?\\s+(?:[A-Za-z+]+\\s+)*CUDA(?![A-Za-z0-9_])"),
        re("CUDA_SEPARABLE_COMPILATION|CUDA_RESOLVE_DEVICE_SYMBOLS|CMAKE_CUDA_STANDARD|cuda_add_(?:library|executable)")}},
      {{"cuda-libraries", "CUDA libraries linked (-lcudart, -lcublas, CUDA::cublas, cublas.lib)"},
       {re("-l(?:cudart|cublasLt|cublas|curand|cufft|cusparse|cusolver|nccl|cudnn|cuda|nvToolsExt|nvrtc)(?![A-Za-z0-9_])"),
        re("CUDA::[A-Za-z_]+|(?:cudart|cublasLt|cublas|cudnn|nccl|cuda)(?:_static)?\\.lib|CUDA_(?:CUBLAS_)?LIBRARIES")}},
      {{"cuda-extension", "a PyTorch CUDA extension built (CUDAExtension, cpp_extension.load of .cu sources)"},
       {re("CUDAExtension\\s*\\(|cpp_extension\\.load(?:_inline)?\\s*\\(")}},
      {{"cuda-version-check", "the CUDA version read or tested (torch.version.cuda, CUDA_VERSION)"},
       {re("torch\\.version\\.cuda|CUDAToolkit_VERSION|CMAKE_CUDA_COMPILER_VERSION"),
        re((b + "CUDA_VERSION" + e).c_str())}},
  };
}

const std::vector<CheckPatterns>& checks() {
  static const std::vector<CheckPatterns> all = makeChecks();
  return all;
}

/// `line` without a '#' comment: a '#' at the start or after white space, outside quotes.
/// Every build format read here (Python, CMake, make, sh) comments with '#'.
std::string_view withoutComment(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

bool endsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// The stage: build files by name, and the Python files that build CUDA extensions.
class BuildFileFrontend : public Frontend {
 public:
  const char* name() const override { return "build files"; }

  void run(ScanState& state) override {
    const DiscoveredInputs& in = state.inputs;
    if (state.progress) state.progress->stage("build files", in.buildFiles.size());
    for (const std::string& abs : in.buildFiles) {
      std::string rel = state.reported(abs);
      std::optional<std::string> text = readSourceText("", abs);
      // Read completely as the line format it is: there is no fuller reading it falls back from,
      // so the input is not marked lexical (a degraded C/C++ parse); its findings' evidence is.
      InputFile input{rel, "build", InputStatus::Semantic, ""};
      if (!text) {
        input.status = InputStatus::Error;
        input.message = rel + ": cannot read the build file";
      }
      state.report.inputs.push_back(std::move(input));
      if (text) state.add(scanBuildFile(rel, *text));
      if (state.progress) state.progress->advance();
    }
    // Python builds: the Python stage has listed them as inputs already.
    for (const std::string& abs : in.python) {
      std::string rel = state.reported(abs);
      if (!state.owns(rel)) continue;
      std::optional<std::string> text = readSourceText("", abs);
      if (text && isPythonBuildFile(abs, *text)) state.add(scanBuildFile(rel, *text));
    }
  }
};

}  // namespace

const std::vector<BuildCheck>& buildChecks() {
  static const std::vector<BuildCheck> out = [] {
    std::vector<BuildCheck> v;
    for (const CheckPatterns& c : checks()) v.push_back(c.check);
    return v;
  }();
  return out;
}

bool isBuildFileName(std::string_view path) {
  std::string_view name = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
  return name == "CMakeLists.txt" || name == "Makefile" || name == "makefile" || name == "GNUmakefile" ||
         endsWith(name, ".cmake") || endsWith(name, ".mk") || endsWith(name, ".mak") || endsWith(name, ".sh");
}

bool isPythonBuildFile(std::string_view path, std::string_view text) {
  std::string_view name = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
  return name == "setup.py" || text.find("torch.utils.cpp_extension") != std::string_view::npos;
}

std::vector<Finding> scanBuildFile(const std::string& path, std::string_view text) {
  std::vector<Finding> out;
  const bool python = endsWith(path, ".py");
  bool inDocstring = false;
  unsigned lineNo = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (raw.size() > 4096) continue;
    if (python) {
      // A docstring's prose is not a setting: skip from an opening """ to its closing one.
      std::size_t quotes = 0;
      for (std::size_t i = raw.find("\"\"\""); i != std::string_view::npos; i = raw.find("\"\"\"", i + 3)) ++quotes;
      bool wasIn = inDocstring;
      if (quotes % 2 == 1) inDocstring = !inDocstring;
      if (wasIn || quotes > 0) continue;
    }
    std::string line(withoutComment(raw));
    for (const CheckPatterns& c : checks()) {
      for (const std::regex& p : c.patterns) {
        std::cmatch m;
        if (!std::regex_search(line.c_str(), m, p)) continue;
        const int group = m[1].matched ? 1 : 0;
        const std::size_t at = static_cast<std::size_t>(m.position(group)), len = static_cast<std::size_t>(m.length(group));
        Finding f;
        f.symbol = Symbol{std::string(c.check.id), SymbolKind::BuildSetting, "build"};
        f.location.file = path;
        f.location.line = f.location.endLine = lineNo;
        f.location.column = static_cast<unsigned>(at + 1);
        f.location.endColumn = static_cast<unsigned>(at + len + 1);
        f.evidence = Evidence::Lexical;
        f.detail = line.substr(at, len);
        out.push_back(std::move(f));
        break;
      }
    }
  }
  return out;
}

std::unique_ptr<Frontend> makeBuildFileFrontend() { return std::make_unique<BuildFileFrontend>(); }

}  // namespace opscope::scan
