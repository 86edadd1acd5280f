#include "cuda/ThirdPartyHeaders.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <regex>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace opscope::cuda {
namespace {

bool startsWith(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

bool exists(const std::string& path) { return !path.empty() && llvm::sys::fs::exists(path); }

std::string joinPath(const std::string& dir, const std::string& rel) {
  llvm::SmallString<256> p(dir);
  llvm::sys::path::append(p, rel);
  llvm::sys::path::remove_dots(p, true);
  return std::string(p);
}

/// The #include directives of one file: (header as written, quoted?).
std::vector<std::pair<std::string, bool>> directIncludes(const std::string& path) {
  std::vector<std::pair<std::string, bool>> out;
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) return out;
  llvm::StringRef text = (*buffer)->getBuffer();
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    line = line.ltrim();
    if (!line.consume_front("#")) continue;
    line = line.ltrim();
    if (!line.consume_front("include")) continue;
    line = line.ltrim();
    if (line.empty() || (line[0] != '"' && line[0] != '<')) continue;
    char close = line[0] == '"' ? '"' : '>';
    size_t end = line.find(close, 1);
    if (end == llvm::StringRef::npos || end == 1) continue;
    out.emplace_back(line.substr(1, end - 1).str(), close == '"');
  }
  return out;
}

std::mutex& cacheMutex() {
  static std::mutex m;
  return m;
}

const std::vector<std::pair<std::string, bool>>& cachedIncludes(const std::string& path) {
  static std::map<std::string, std::vector<std::pair<std::string, bool>>> cache;
  {
    std::lock_guard<std::mutex> lock(cacheMutex());
    auto it = cache.find(path);
    if (it != cache.end()) return it->second;
  }
  auto includes = directIncludes(path);
  std::lock_guard<std::mutex> lock(cacheMutex());
  return cache.try_emplace(path, std::move(includes)).first->second;  // map nodes never move
}

/// Runs `program args...` and returns its standard output, or nullopt when it fails.
std::optional<std::string> runProgram(const std::string& program, const std::vector<std::string>& args,
                                      unsigned seconds) {
  llvm::SmallString<128> out;
  if (llvm::sys::fs::createTemporaryFile("opscope-probe", "txt", out)) return std::nullopt;
  std::vector<llvm::StringRef> argv = {program};
  for (const std::string& a : args) argv.push_back(a);
  std::optional<llvm::StringRef> redirects[] = {llvm::StringRef(""), llvm::StringRef(out), llvm::StringRef("")};
  int rc = llvm::sys::ExecuteAndWait(program, argv, std::nullopt, redirects, seconds);
  auto buffer = llvm::MemoryBuffer::getFile(out);
  llvm::sys::fs::remove(out);
  if (rc != 0 || !buffer) return std::nullopt;
  return (*buffer)->getBuffer().str();
}

/// "MAJOR.MINOR" from torch/version.h under one of `dirs`, "" if not found.
std::string torchVersion(const std::vector<std::string>& dirs) {
  for (const std::string& d : dirs) {
    auto buffer = llvm::MemoryBuffer::getFile(joinPath(d, "torch/version.h"), true);
    if (!buffer) continue;
    std::string major, minor;
    llvm::StringRef text = (*buffer)->getBuffer();
    while (!text.empty()) {
      auto [line, rest] = text.split('\n');
      text = rest;
      if (line.consume_front("#define TORCH_VERSION_MAJOR ")) major = line.trim().str();
      if (line.consume_front("#define TORCH_VERSION_MINOR ")) minor = line.trim().str();
    }
    if (!major.empty()) return major + (minor.empty() ? "" : "." + minor);
  }
  return "";
}

/// True when one of `dirs` holds a header an extension includes first (the directories of
/// python3-torch are symbolic links into libtorch-dev's, dangling without it).
bool holdsTorchHeaders(const std::vector<std::string>& dirs) {
  return std::any_of(dirs.begin(), dirs.end(), [](const std::string& d) {
    return exists(joinPath(d, "torch/torch.h")) || exists(joinPath(d, "torch/extension.h")) ||
           exists(joinPath(d, "ATen/ATen.h"));
  });
}

}  // namespace

std::vector<std::string> pythonCandidates(const std::string& pathEnv) {
  std::vector<std::string> out;
  auto add = [&](const std::string& p) {
    if (!p.empty() && llvm::sys::fs::can_execute(p) && std::find(out.begin(), out.end(), p) == out.end())
      out.push_back(p);
  };
  llvm::SmallVector<llvm::StringRef, 16> dirs;
  llvm::StringRef(pathEnv).split(dirs, ':', -1, false);
  for (llvm::StringRef d : dirs) add(joinPath(d.str(), "python3"));
  add("/usr/bin/python3");  // the distribution's (Debian's python3-torch)
  return out;
}

TorchHeaders torchHeadersFromPython(const std::vector<std::string>& pythons) {
  static const char* kScript =
      "import sysconfig\n"
      "print('python', sysconfig.get_paths().get('include', ''))\n"
      "try:\n"
      "    import torch, torch.utils.cpp_extension as c\n"
      "    print('torch', torch.__version__)\n"
      "    for p in c.include_paths(): print('dir', p)\n"
      "except Exception:\n"
      "    pass\n";
  TorchHeaders t;
  for (const std::string& python : pythons) {
    auto out = runProgram(python, {"-c", kScript}, 120);
    if (!out) continue;
    TorchHeaders found;
    std::string version;
    llvm::StringRef text(*out);
    while (!text.empty()) {
      auto [line, rest] = text.split('\n');
      text = rest;
      auto [key, value] = line.trim().split(' ');
      if (key == "python" && exists(joinPath(value.str(), "Python.h"))) found.pythonInclude = value.str();
      if (key == "torch") version = value.str();
      if (key == "dir" && exists(value.str())) found.dirs.push_back(value.str());
    }
    if (t.pythonInclude.empty()) t.pythonInclude = found.pythonInclude;
    if (found.dirs.empty() || !holdsTorchHeaders(found.dirs)) continue;
    found.origin = "the Python environment (torch " + version + ", " + python + ")";
    if (found.pythonInclude.empty()) found.pythonInclude = t.pythonInclude;
    return found;
  }
  t.dirs.clear();
  return t;
}

namespace {

TorchHeaders findTorchHeaders() {
  TorchHeaders t;
  if (const char* env = std::getenv("OPSCOPE_TORCH_INCLUDE"); env && *env) {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    llvm::StringRef(env).split(parts, ':', -1, false);
    for (llvm::StringRef p : parts)
      if (exists(p.str())) t.dirs.push_back(p.str());
    std::string version = torchVersion(t.dirs);
    t.origin = "OPSCOPE_TORCH_INCLUDE" + (version.empty() ? std::string() : " (torch " + version + ")");
    return t;
  }
  // The Python environment: what torch.utils.cpp_extension builds extensions with. The first
  // python3 on the PATH may lack torch (a pyenv or virtualenv one) while the system's has it.
  const char* path = std::getenv("PATH");
  TorchHeaders fromPython = torchHeadersFromPython(pythonCandidates(path ? path : ""));
  if (!fromPython.dirs.empty()) return fromPython;
  t.pythonInclude = fromPython.pythonInclude;
  // Debian's libtorch-dev: ATen/, c10/ and torch/extension.h are in /usr/include already.
  const std::string api = "/usr/include/torch/csrc/api/include";
  if (exists(joinPath(api, "torch/torch.h"))) {
    t.dirs = {"/usr/include", api};
    std::string version = torchVersion(t.dirs);
    t.origin = "Debian libtorch-dev" + (version.empty() ? std::string() : " (torch " + version + ")");
    if (t.pythonInclude.empty())
      for (const char* v : {"3.13", "3.12", "3.11", "3.10", "3.9"})
        if (exists(std::string("/usr/include/python") + v + "/Python.h")) {
          t.pythonInclude = std::string("/usr/include/python") + v;
          break;
        }
  }
  return t;
}

bool hasArg(const std::vector<std::string>& args, const std::string& a) {
  return std::find(args.begin(), args.end(), a) != args.end();
}

bool definesMacro(const std::vector<std::string>& args, const std::string& name) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-D" && i + 1 < args.size() && startsWith(args[i + 1], name)) return true;
    if (startsWith(a, "-D" + name)) return true;
  }
  return false;
}

bool isTorchHeader(const std::string& h) {
  return startsWith(h, "torch/") || startsWith(h, "ATen/") || startsWith(h, "c10/");
}

}  // namespace

namespace {

/// The defines of one setup.py, read once per process.
const std::vector<std::string>& cachedSetupDefines(const std::string& setupPy) {
  static std::map<std::string, std::vector<std::string>> cache;
  {
    std::lock_guard<std::mutex> lock(cacheMutex());
    auto it = cache.find(setupPy);
    if (it != cache.end()) return it->second;
  }
  std::vector<std::string> defines;
  if (auto buffer = llvm::MemoryBuffer::getFile(setupPy, /*IsText=*/true)) {
    // ('NAME', None) / ("NAME", 'value') tuples of define_macros, and '-DNAME[=value]' strings.
    // A tuple is an element of a list (after '[' or ',', or first on its line), never a call's
    // arguments (os.getenv('FORCE_CUDA', '0')).
    static const std::regex tuple(
        R"((?:^|[\[,])\s*\(\s*['"]([A-Za-z_]\w*)['"]\s*,\s*(None|['"]([\w.]*)['"])\s*\))");
    static const std::regex flag(R"(['"]-D([A-Za-z_]\w*)(=([\w.]*))?['"])");
    // Other platforms' switches (ROCm, Apple MPS, Cambricon MLU, Ascend NPU, ...): the scan reads
    // the code as its CUDA build compiles it.
    static const std::regex otherPlatform(
        R"(ROCM|HIP|MPS|MLU|NPU|MUSA|XPU|XLA|DIOPI|KPRIVATE|PARROTS|SYCL|IPU|ASCEND|CAMB|EXPORTS|^NDEBUG$|^__CUDA_NO_|^_GLIBCXX)");
    llvm::StringRef text = (*buffer)->getBuffer();
    while (!text.empty()) {
      auto [line, rest] = text.split('\n');
      text = rest;
      std::string code = line.split('#').first.str();  // not in comments
      if (code.size() > 4096) continue;
      for (const std::regex* re : {&tuple, &flag})
        for (std::sregex_iterator it(code.begin(), code.end(), *re), end; it != end; ++it) {
          std::string name = (*it)[1].str();
          if (std::regex_search(name, otherPlatform)) continue;
          std::string value = (*it)[3].str();  // the quoted value, or the one after =
          std::string define = "-D" + name + (value.empty() ? "" : "=" + value);
          if (std::find(defines.begin(), defines.end(), define) == defines.end()) defines.push_back(define);
        }
    }
  }
  std::lock_guard<std::mutex> lock(cacheMutex());
  return cache.try_emplace(setupPy, std::move(defines)).first->second;
}

}  // namespace

std::vector<std::string> extensionBuildDefines(const std::string& file) {
  std::string dir = llvm::sys::path::parent_path(file).str();
  for (int level = 0; level < 8 && !dir.empty(); ++level) {
    std::string setupPy = joinPath(dir, "setup.py");
    if (exists(setupPy)) return cachedSetupDefines(setupPy);
    std::string parent = llvm::sys::path::parent_path(dir).str();
    if (parent == dir) break;
    dir = parent;
  }
  return {};
}

std::set<std::string> includedHeaders(const std::string& file, const std::vector<std::string>& includeDirs,
                                      unsigned maxFiles) {
  std::set<std::string> headers, visited = {file};
  std::deque<std::string> queue = {file};
  while (!queue.empty() && visited.size() <= maxFiles) {
    std::string current = queue.front();
    queue.pop_front();
    std::string dir = llvm::sys::path::parent_path(current).str();
    for (const auto& [header, quoted] : cachedIncludes(current)) {
      headers.insert(header);
      // Follow the project's own headers: next to the includer ("..."), else under the tree's
      // include directories.
      std::string found;
      if (quoted && exists(joinPath(dir, header))) found = joinPath(dir, header);
      for (size_t i = 0; found.empty() && i < includeDirs.size(); ++i)
        if (exists(joinPath(includeDirs[i], header))) found = joinPath(includeDirs[i], header);
      if (!found.empty() && visited.insert(found).second) queue.push_back(found);
    }
  }
  return headers;
}

const TorchHeaders& torchHeaders() {
  static const TorchHeaders t = findTorchHeaders();
  return t;
}

std::string mpiIncludeDir() {
  static const std::string dir = [] {
    // Open MPI's and MPICH's Debian and Fedora locations, then the usual prefixes.
    std::vector<std::string> candidates;
    for (const char* triple : {"x86_64-linux-gnu", "aarch64-linux-gnu", "powerpc64le-linux-gnu"}) {
      candidates.push_back(std::string("/usr/lib/") + triple + "/openmpi/include");
      candidates.push_back(std::string("/usr/include/") + triple + "/mpich");
    }
    for (const char* d : {"/usr/include/openmpi", "/usr/include/mpich", "/usr/lib64/openmpi/include",
                          "/usr/include/openmpi-x86_64", "/usr/include/mpich-x86_64", "/opt/openmpi/include",
                          "/usr/local/include"})
      candidates.emplace_back(d);
    for (const std::string& d : candidates)
      if (exists(joinPath(d, "mpi.h"))) return d;
    return std::string();
  }();
  return dir;
}

ThirdPartySetup thirdPartySetup(const std::set<std::string>& headers, const std::vector<std::string>& args,
                                const std::string& file) {
  ThirdPartySetup s;
  auto dirAfter = [&](const std::string& dir) {
    if (dir.empty() || hasArg(args, dir) || hasArg(s.args, dir)) return;
    s.args.push_back("-idirafter");
    s.args.push_back(dir);
  };
  if (headers.count("omp.h") && !hasArg(args, "-fopenmp") && !hasArg(args, "-fopenmp=libomp")) {
    s.args.push_back("-fopenmp");
    s.notes.push_back("omp.h: parsed with -fopenmp and Clang's own omp.h");
  }
  if (headers.count("mpi.h") && !exists("/usr/include/mpi.h")) {
    std::string dir = mpiIncludeDir();
    if (!dir.empty()) {
      dirAfter(dir);
      s.notes.push_back("mpi.h: the system's MPI headers (" + dir + ")");
    }
  }
  bool torch = std::any_of(headers.begin(), headers.end(), isTorchHeader);
  if (torch) {
    const TorchHeaders& t = torchHeaders();
    if (!t.dirs.empty()) {
      // An explicit OPSCOPE_TORCH_INCLUDE wins over any torch in the system's directories;
      // found ones come after everything.
      bool overrideDirs = std::getenv("OPSCOPE_TORCH_INCLUDE") && *std::getenv("OPSCOPE_TORCH_INCLUDE");
      for (const std::string& d : t.dirs) {
        if (d == "/usr/include") continue;
        if (overrideDirs) s.args.insert(s.args.end(), {"-isystem", d});  // even if -idirafter names it
        else dirAfter(d);
      }
      dirAfter(t.pythonInclude);  // torch's own headers include Python.h (torch/csrc/python_headers.h)
      // What torch.utils.cpp_extension defines when it builds an extension.
      if (!definesMacro(args, "TORCH_EXTENSION_NAME"))
        s.args.push_back("-DTORCH_EXTENSION_NAME=" + llvm::sys::path::stem(file).str());
      if (!definesMacro(args, "TORCH_API_INCLUDE_EXTENSION_H")) s.args.push_back("-DTORCH_API_INCLUDE_EXTENSION_H");
      // CUDA sources: nvcc gets these from cpp_extension (the half types without their operators).
      std::string ext = llvm::sys::path::extension(file).str();
      if (ext == ".cu" || ext == ".cuh" || hasArg(args, "cuda"))
        for (const char* m : {"__CUDA_NO_HALF_OPERATORS__", "__CUDA_NO_HALF_CONVERSIONS__",
                              "__CUDA_NO_BFLOAT16_CONVERSIONS__", "__CUDA_NO_HALF2_OPERATORS__"})
          if (!definesMacro(args, m)) s.args.push_back(std::string("-D") + m);
      std::string note = "PyTorch headers from " + t.origin;
      // What the extension's setup.py defines for its CUDA build (WITH_CUDA, MMCV_WITH_CUDA).
      std::vector<std::string> fromSetup;
      for (const std::string& d : extensionBuildDefines(file)) {
        std::string name = d.substr(2, d.find('=') == std::string::npos ? std::string::npos : d.find('=') - 2);
        if (definesMacro(args, name)) continue;
        s.args.push_back(d);
        fromSetup.push_back(name);
      }
      if (!fromSetup.empty()) {
        std::string list;
        for (const std::string& n : fromSetup) list += (list.empty() ? "" : ", ") + n;
        note += "; setup.py's defines " + list;
      }
      // A CPU-only build of the headers (Debian's libtorch-dev) ships c10/cuda/ without the file
      // CMake generates there; the headers' own switch skips it (it only names export macros).
      bool cudaConfig = std::any_of(t.dirs.begin(), t.dirs.end(), [](const std::string& d) {
        return exists(joinPath(d, "c10/cuda/impl/cuda_cmake_macros.h"));
      });
      bool usesC10Cuda = std::any_of(headers.begin(), headers.end(), [](const std::string& h) {
        return startsWith(h, "c10/cuda/") || startsWith(h, "ATen/cuda/") || startsWith(h, "ATen/native/cuda/");
      });
      if (!cudaConfig && !definesMacro(args, "C10_CUDA_NO_CMAKE_CONFIGURE_FILE") &&
          (usesC10Cuda || llvm::sys::path::extension(file) == ".cu")) {
        s.args.push_back("-DC10_CUDA_NO_CMAKE_CONFIGURE_FILE");
        note += ", a CPU-only build: parsed with C10_CUDA_NO_CMAKE_CONFIGURE_FILE";
      }
      s.notes.push_back(note);
    }
  }
  return s;
}

std::string debianPackageFor(const std::string& header) {
  static const std::pair<const char*, const char*> kExact[] = {
      {"mpi.h", "libopenmpi-dev"},        {"omp.h", "libomp-19-dev"},        {"Python.h", "python3-dev"},
      {"GL/gl.h", "libgl-dev"},           {"GL/glx.h", "libgl-dev"},         {"GL/glu.h", "libglu1-mesa-dev"},
      {"GL/glut.h", "freeglut3-dev"},     {"GL/freeglut.h", "freeglut3-dev"}, {"GL/glew.h", "libglew-dev"},
      {"GL/wglew.h", "libglew-dev"},      {"GL/glxew.h", "libglew-dev"},     {"FreeImage.h", "libfreeimage-dev"},
      {"zlib.h", "zlib1g-dev"},           {"png.h", "libpng-dev"},           {"jpeglib.h", "libjpeg-dev"},
      {"hdf5.h", "libhdf5-dev"},          {"pthread.h", "libc6-dev"}};
  static const std::pair<const char*, const char*> kPrefix[] = {
      {"torch/", "libtorch-dev"},     {"ATen/", "libtorch-dev"},      {"c10/", "libtorch-dev"},
      {"pybind11/", "pybind11-dev"},  {"GLFW/", "libglfw3-dev"},      {"EGL/", "libegl-dev"},
      {"GLES2/", "libgles-dev"},      {"GLES3/", "libgles-dev"},      {"vulkan/", "libvulkan-dev"},
      {"X11/", "libx11-dev"},         {"Eigen/", "libeigen3-dev"},    {"eigen3/", "libeigen3-dev"},
      {"boost/", "libboost-dev"},     {"opencv2/", "libopencv-dev"},  {"gtest/", "libgtest-dev"},
      {"gmock/", "libgmock-dev"},     {"glog/", "libgoogle-glog-dev"}, {"gflags/", "libgflags-dev"},
      {"benchmark/", "libbenchmark-dev"}};
  for (const auto& [h, pkg] : kExact)
    if (header == h) return pkg;
  for (const auto& [p, pkg] : kPrefix)
    if (startsWith(header, p)) return pkg;
  return "";
}

bool isCudaToolkitHeader(const std::string& header) {
  static const char* const kPrefixes[] = {
      "cuda",  "cublas", "cudnn_", "cufft", "nvvm", "cudla", "nvjpeg", "nvcomp", "cufile", "curand", "cusparse", "cusolver", "cutensor", "nccl", "nvrtc",
      "nvJitLink", "nvToolsExt", "nvtx3/", "nvml.h", "cupti", "npp", "nvjpeg", "nvblas", "crt/", "sm_",
      "cooperative_groups", "thrust/", "cub/", "cuda/", "mma.h", "math_constants.h", "device_", "vector_",
      "driver_", "host_defines.h", "builtin_types.h", "library_types.h", "surface_", "texture_",
      "channel_descriptor.h", "cuComplex.h", "cudnn.h", "nv/target", "nvfunctional", "math_functions.h"};
  if (header == "cudnn_frontend.h" || startsWith(header, "cudnn_frontend")) return false;  // a separate project
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes), [&](const char* p) { return startsWith(header, p); });
}

LexicalDiagnosis diagnoseParseFailure(const std::vector<std::string>& missingHeaders,
                                      const std::vector<ParseError>& errors,
                                      const std::function<bool(const std::string&)>& isCudaName) {
  LexicalDiagnosis d;
  // A header absent from the machine explains the errors after it; a CUDA header the shims lack
  // is opscope's gap.
  for (const std::string& h : missingHeaders)
    if (!isCudaToolkitHeader(h)) {
      d.reason = LexicalReason::MissingHeader;
      d.missingHeader = h;
      d.package = debianPackageFor(h);
      return d;
    }
  if (!missingHeaders.empty()) {
    d.reason = LexicalReason::ShimGap;
    d.missingHeader = missingHeaders.front();
    return d;
  }
  for (const ParseError& e : errors) {
    if (e.inShim) {
      d.reason = LexicalReason::ShimGap;
      return d;
    }
    // The names an error quotes ('__nv_bfloat16', 'cooperative_groups'): a CUDA one the shims
    // should have declared.
    size_t pos = 0;
    while ((pos = e.text.find('\'', pos)) != std::string::npos) {
      size_t end = e.text.find('\'', pos + 1);
      if (end == std::string::npos) break;
      std::string name = e.text.substr(pos + 1, end - pos - 1);
      pos = end + 1;
      if (!name.empty() && isCudaName(name)) {
        d.reason = LexicalReason::ShimGap;
        return d;
      }
    }
  }
  d.reason = LexicalReason::CodeError;
  return d;
}

}  // namespace opscope::cuda
