// Benchmark of the CUDA frontend's semantic scan against plain `clang -fsyntax-only`.
//
//   cuda_scan_bench [--tus N] [--repeat R] [--clang PATH] [--dir DIR] [--keep]
//
// Generates a synthetic CUDA tree of N translation units (default 500: kernels with shuffles,
// atomics and shared memory, launches, runtime and library calls, project headers), then times,
// from the same run: the frontend's scan (in process, real opdb catalog and hazard rules) and
// `clang -fsyntax-only` over the same units with exactly the same arguments and the same shims
// (extracted to disk), each at -j1 and -j2. Prints the times, the ratios (targets: <= 1.3 at -j1)
// and the frontend's -j2 speed-up (target: >= 1.7), plus the parse time of one file that includes
// every CUDA library header. Figures are medians over R repetitions.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cuda/CudaFrontend.h"
#include "cuda/Passes.h"
#include "cuda/Shims.h"
#include "db/Catalog.h"
#include "db/Database.h"
#include "llvm/Support/Program.h"
#include "rewrite/Rules.h"

namespace fs = std::filesystem;
using namespace opscope;

namespace {

const char* const kLibraries[] = {"cublas_v2.h", "cudnn.h", "cufft.h", "curand_kernel.h", "cusparse.h", "nccl.h"};

std::string header(int h) {
  std::string s = "#pragma once\n#include <cuda_runtime.h>\n#include <cstdio>\n#include <cstdlib>\n";
  s += "#define CUDA_CHECK_" + std::to_string(h) +
       "(call) do { cudaError_t e = (call); if (e != cudaSuccess) { std::fprintf(stderr, \"%s\\n\", "
       "cudaGetErrorString(e)); std::abort(); } } while (0)\n";
  s += "struct Params" + std::to_string(h) + " { float* data; int n; float scale; cudaStream_t stream; };\n";
  s += "__device__ __forceinline__ float warpReduce" + std::to_string(h) +
       "(float v) {\n  for (int o = warpSize / 2; o > 0; o /= 2) v += __shfl_down_sync(__activemask(), v, o);\n  return v;\n}\n";
  s += "template <typename T> __device__ T clampValue" + std::to_string(h) +
       "(T v, T lo, T hi) { return v < lo ? lo : (v > hi ? hi : v); }\n";
  return s;
}

std::string unit(int i, int headers) {
  int h1 = i % headers, h2 = (i * 7 + 3) % headers;
  const char* lib = kLibraries[i % 6];
  std::string n = std::to_string(i);
  std::string s;
  s += "// synthetic translation unit " + n + "\n";
  s += "#include <cuda_runtime.h>\n#include <" + std::string(lib) + ">\n";
  s += "#include \"common_" + std::to_string(h1) + ".cuh\"\n#include \"common_" + std::to_string(h2) + ".cuh\"\n";
  if (i % 3 == 0) s += "#include <vector>\n#include <algorithm>\n";
  s += "namespace unit" + n + " {\n";
  for (int k = 0; k < 3; ++k) {
    std::string kn = "k" + n + "_" + std::to_string(k);
    s += "__global__ void " + kn + "(const float* __restrict__ in, float* out, int n, float a) {\n";
    s += "  __shared__ float tile[256];\n";
    s += "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n";
    s += "  float v = i < n ? __ldg(&in[i]) * a : 0.0f;\n";
    s += "  tile[threadIdx.x] = clampValue" + std::to_string(h1) + "(v, -1.0f, 1.0f);\n";
    s += "  __syncthreads();\n";
    s += "  for (int s = blockDim.x / 2; s > 32; s >>= 1) {\n";
    s += "    if (threadIdx.x < s) tile[threadIdx.x] += tile[threadIdx.x + s];\n    __syncthreads();\n  }\n";
    s += "  float w = warpReduce" + std::to_string(h2) + "(tile[threadIdx.x]);\n";
    s += "  if ((threadIdx.x & (warpSize - 1)) == 0) atomicAdd(&out[blockIdx.x % 16], w + __expf(v) + rsqrtf(v + 1.0f));\n";
    s += "}\n";
  }
  s += "void run" + n + "(Params" + std::to_string(h1) + "& p) {\n";
  s += "  float* d = nullptr;\n  float* r = nullptr;\n";
  s += "  CUDA_CHECK_" + std::to_string(h1) + "(cudaMalloc(&d, p.n * sizeof(float)));\n";
  s += "  CUDA_CHECK_" + std::to_string(h1) + "(cudaMalloc(&r, 16 * sizeof(float)));\n";
  s += "  CUDA_CHECK_" + std::to_string(h1) + "(cudaMemcpyAsync(d, p.data, p.n * sizeof(float), cudaMemcpyHostToDevice, p.stream));\n";
  s += "  dim3 block(256), grid((p.n + 255) / 256);\n";
  for (int k = 0; k < 3; ++k)
    s += "  k" + n + "_" + std::to_string(k) + "<<<grid, block, 0, p.stream>>>(d, r, p.n, p.scale);\n";
  s += "  CUDA_CHECK_" + std::to_string(h1) + "(cudaGetLastError());\n";
  s += "  CUDA_CHECK_" + std::to_string(h1) + "(cudaStreamSynchronize(p.stream));\n";
  if (std::string(lib) == "cublas_v2.h")
    s += "  cublasHandle_t h; cublasCreate(&h); const float one = 1.0f;\n"
         "  cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 16, 16, 16, &one, d, 16, d, 16, &one, r, 16); cublasDestroy(h);\n";
  else if (std::string(lib) == "cudnn.h")
    s += "  cudnnHandle_t h; cudnnCreate(&h); cudnnTensorDescriptor_t t; cudnnCreateTensorDescriptor(&t);\n"
         "  cudnnSetTensor4dDescriptor(t, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 1, 1, 4, 4); cudnnDestroy(h);\n";
  else if (std::string(lib) == "cufft.h")
    s += "  cufftHandle plan; cufftPlan1d(&plan, 16, CUFFT_R2C, 1); cufftDestroy(plan);\n";
  else if (std::string(lib) == "curand_kernel.h")
    s += "  curandGenerator_t g; curandCreateGenerator(&g, CURAND_RNG_PSEUDO_DEFAULT); curandGenerateUniform(g, d, p.n);\n";
  else if (std::string(lib) == "cusparse.h")
    s += "  cusparseHandle_t h; cusparseCreate(&h); cusparseDestroy(h);\n";
  else
    s += "  ncclComm_t c; ncclUniqueId id; ncclGetUniqueId(&id); ncclCommInitRank(&c, 1, id, 0);\n"
         "  ncclAllReduce(d, d, p.n, ncclFloat, ncclSum, c, p.stream);\n";
  if (i % 3 == 0) s += "  std::vector<float> host(p.n); std::sort(host.begin(), host.end());\n";
  s += "  cudaFree(d);\n  cudaFree(r);\n}\n}  // namespace unit" + n + "\n";
  return s;
}

double seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

/// CPU seconds (user + system) this process has used so far, all threads.
double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

/// Runs `clang -fsyntax-only` over every unit with `jobs` processes at a time; returns failures.
int runClang(const std::vector<std::vector<std::string>>& commands, unsigned jobs) {
  std::atomic<size_t> next{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < jobs; ++w)
    workers.emplace_back([&] {
      for (size_t i = next++; i < commands.size(); i = next++) {
        std::vector<llvm::StringRef> argv(commands[i].begin(), commands[i].end());
        std::optional<llvm::StringRef> redirects[] = {std::nullopt, llvm::StringRef(""), llvm::StringRef("")};
        if (llvm::sys::ExecuteAndWait(argv[0], argv, std::nullopt, redirects) != 0) ++failures;
      }
    });
  for (std::thread& t : workers) t.join();
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  int tus = 500, repeat = 3;
  std::string clang = "/usr/bin/clang++-19";
  fs::path dir = fs::temp_directory_path() / ("opscope-scan-bench-" + std::to_string(::getpid()));
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--tus") tus = std::stoi(next());
    else if (a == "--repeat") repeat = std::max(1, std::stoi(next()));
    else if (a == "--clang") clang = next();
    else if (a == "--dir") dir = next();
    else if (a == "--keep") keep = true;
    else {
      std::cerr << "usage: cuda_scan_bench [--tus N] [--repeat R] [--clang PATH] [--dir DIR] [--keep]\n";
      return 2;
    }
  }
  // The synthetic tree.
  const int headers = 12;
  fs::remove_all(dir);
  fs::create_directories(dir / "src");
  fs::create_directories(dir / "include");
  for (int h = 0; h < headers; ++h) std::ofstream(dir / "include" / ("common_" + std::to_string(h) + ".cuh")) << header(h);
  std::vector<cuda::TranslationUnit> units;
  for (int i = 0; i < tus; ++i) {
    fs::path f = dir / "src" / ("tu_" + std::to_string(i) + ".cu");
    std::ofstream(f) << unit(i, headers);
    units.push_back(cuda::TranslationUnit{f.string(), {}});
  }
  // The real catalog and rules, as `opscope scan` uses them.
  db::Database database;
  std::vector<db::Diagnostic> diags;
  auto t0 = std::chrono::steady_clock::now();
  db::loadBuiltin(database, diags);
  auto t1 = std::chrono::steady_clock::now();
  db::DatabaseCatalog catalog(database);
  rewrite::RuleSet rules;
  std::vector<PlatformId> platforms;
  for (const Platform& p : database.platforms()) platforms.push_back(p.id);
  rules.load(rewrite::builtinRuleFiles(), platforms, diags);
  cuda::ScanOptions options;
  options.root = dir.string();
  options.includeDirs = {(dir / "include").string()};
  for (const rewrite::HazardRule& h : rules.hazards()) {
    for (const std::string& c : h.checks) options.checkHazards[c] = h.id;
    for (const std::string& s : h.symbols) options.hazardTriggers.push_back(cuda::HazardTrigger{h.id, s});
  }
  // The same shims on disk, and the same arguments for clang.
  fs::path shimDir = dir / "shims";
  for (const auto& [path, text] : cuda::ShimSet::bundled().files()) {
    fs::create_directories((shimDir / path).parent_path());
    std::ofstream(shimDir / path, std::ios::binary) << text;
  }
  std::vector<std::vector<std::string>> commands;
  for (const cuda::TranslationUnit& u : units) {
    std::vector<std::string> args = cuda::parseArguments(u, options);
    args[0] = clang;
    for (std::string& a : args)
      if (a == cuda::kShimRoot) a = shimDir.string();
    commands.push_back(std::move(args));
  }
  std::cout << "units: " << tus << " (+" << headers << " project headers); opdb loaded in " << seconds(t0, t1) * 1000
            << " ms (not counted below)\n";
  std::cout << "clang command of the first unit:";
  for (const std::string& a : commands.front()) std::cout << " " << a;
  std::cout << "\n";

  // Warm the file cache with both tools before timing.
  runClang(std::vector<std::vector<std::string>>(commands.begin(), commands.begin() + std::min<size_t>(8, commands.size())), 2);
  std::vector<double> clang1, clang2, scan1, scan2, cpu1, cpu2;
  cuda::ScanResult last;
  int failures = 0;
  for (int r = 0; r < repeat; ++r) {
    for (unsigned jobs : {1u, 2u}) {
      auto a = std::chrono::steady_clock::now();
      failures += runClang(commands, jobs);
      auto b = std::chrono::steady_clock::now();
      options.jobs = jobs;
      double cpuBefore = cpuSeconds();
      last = cuda::scan(units, catalog, options);
      auto c = std::chrono::steady_clock::now();
      (jobs == 1 ? cpu1 : cpu2).push_back(cpuSeconds() - cpuBefore);
      (jobs == 1 ? clang1 : clang2).push_back(seconds(a, b));
      (jobs == 1 ? scan1 : scan2).push_back(seconds(b, c));
    }
  }
  size_t semantic = 0, findings = last.findings.size();
  for (const InputFile& in : last.inputs) semantic += in.status == InputStatus::Semantic;

  // One file including every CUDA library header the shims stand in for.
  std::ofstream(dir / "all_headers.cu")
      << "#include <cuda_runtime.h>\n#include <cuda.h>\n#include <cublas_v2.h>\n#include <cublasLt.h>\n"
         "#include <cudnn.h>\n#include <cufft.h>\n#include <curand_kernel.h>\n#include <cusparse.h>\n"
         "#include <cusolverDn.h>\n#include <nccl.h>\n#include <nvrtc.h>\n#include <nvToolsExt.h>\n"
         "#include <cuda_fp16.h>\n#include <cuda_bf16.h>\n#include <cuda_fp8.h>\n#include <mma.h>\n"
         "#include <cooperative_groups.h>\n#include <cutensor.h>\n"
         "__global__ void k(float* x) { x[threadIdx.x] = __shfl_down_sync(__activemask(), x[0], 1); }\n"
         "int main() { cublasHandle_t b; cublasCreate(&b); cudnnHandle_t d; cudnnCreate(&d); k<<<1, 32>>>(nullptr); }\n";
  std::vector<double> single;
  options.jobs = 1;
  for (int r = 0; r < 5; ++r) {
    auto a = std::chrono::steady_clock::now();
    cuda::scan({cuda::TranslationUnit{(dir / "all_headers.cu").string(), {}}}, catalog, options);
    single.push_back(seconds(a, std::chrono::steady_clock::now()));
  }

  double c1 = median(clang1), c2 = median(clang2), s1 = median(scan1), s2 = median(scan2);
  std::printf("clang -fsyntax-only   -j1 %8.2f s   -j2 %8.2f s   (%d failed)\n", c1, c2, failures);
  std::printf("opscope scan          -j1 %8.2f s   -j2 %8.2f s   (%zu of %zu units semantic, %zu findings)\n", s1, s2,
              semantic, last.inputs.size(), findings);
  std::printf("ratio opscope/clang   -j1 %8.2f     -j2 %8.2f     (target at -j1: <= 1.30) %s\n", s1 / c1, s2 / c2,
              s1 / c1 <= 1.3 ? "met" : "NOT MET");
  std::printf("opscope -j2 speed-up      %8.2f     (target: >= 1.70) %s; clang's: %.2f\n", s1 / s2,
              s1 / s2 >= 1.7 ? "met" : "NOT MET", c1 / c2);
  std::printf("opscope CPU time      -j1 %8.2f s   -j2 %8.2f s   (a busy machine shows here: wall >> CPU / jobs)\n",
              median(cpu1), median(cpu2));
  std::printf("one file including every CUDA library header: %.0f ms (median of 5, whole scan of one unit)\n",
              median(single) * 1000);
  std::printf("median of %d repetition(s); hardware threads: %u\n", repeat, std::thread::hardware_concurrency());
  if (!keep) fs::remove_all(dir);
  return failures == 0 && semantic == last.inputs.size() ? 0 : 1;
}
