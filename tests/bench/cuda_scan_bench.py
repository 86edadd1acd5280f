#!/usr/bin/env python3
"""Benchmark of `opscope scan` on C/C++/CUDA code against plain `clang -fsyntax-only`.

    tests/bench/cuda_scan_bench.py [--opscope PATH] [--clang PATH] [--tus 500] [--repeat 1]
                                   [--dir DIR] [--keep] [--check] [--tree PROJECT]

Generates a synthetic CUDA project of --tus translation units (kernels and device templates in
shared project headers, launches, runtime, cuBLAS, cuRAND and cuFFT calls, host-only C++ files),
then times, in one run and interleaved so that load changes hit both alike:

  * `opscope scan TREE --format json` at -j1 and -j2 (the whole command: opdb load, semantic
    pass, lexical pass, merge, report);
  * `clang -fsyntax-only` over the same units with exactly opscope's arguments and shims, which
    opscope itself exports (`opscope scan --export-clang-commands DIR`),
    run -j1 and -j2 processes at a time.

It prints wall and CPU (user + system) seconds of each, the opscope/clang ratios at -j1 and -j2
(target <= 1.3 at -j1) and opscope's -j2 speed-up (target >= 1.7; the machine must have 2 free
cores for it to mean anything: the load average is printed before and after). With --repeat R
the figures are medians. --check makes missed targets an exit status of 1. With --tree PROJECT an
existing project (say karpathy/llm.c) is measured instead of a synthetic tree: every file opscope
exports a command for is timed, parse errors included (clang's exit status is not checked).
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

LIBRARIES = ["cublas", "curand", "cufft", "none"]


def common_header():
    return r"""// Shared project header: error checks, a tensor view, warp and block reductions.
#pragma once
#include <cuda_runtime.h>
#include <cuda_fp16.h>
#include <cstdio>
#include <cstdlib>

#define PROJ_CUDA_CHECK(call)                                                              \
  do {                                                                                     \
    cudaError_t err_ = (call);                                                             \
    if (err_ != cudaSuccess) {                                                             \
      std::fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(err_));   \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

namespace proj {

template <typename T>
struct TensorView {
  T* data;
  int rows, cols, stride;
  __host__ __device__ T& at(int r, int c) const { return data[r * stride + c]; }
  __host__ __device__ int size() const { return rows * cols; }
};

template <typename T>
__device__ __forceinline__ T warpReduceSum(T v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2) v += __shfl_xor_sync(0xffffffff, v, offset);
  return v;
}

template <typename T, int Block>
__device__ T blockReduceSum(T v) {
  __shared__ T partial[Block / 32];
  int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  v = warpReduceSum(v);
  if (lane == 0) partial[warp] = v;
  __syncthreads();
  v = threadIdx.x < Block / 32 ? partial[lane] : T(0);
  return warp == 0 ? warpReduceSum(v) : v;
}

inline dim3 gridFor(int n, int block) { return dim3((n + block - 1) / block); }

}  // namespace proj
"""


def math_header():
    return r"""// Shared project header: element-wise functors used by the kernels.
#pragma once
#include <cuda_runtime.h>

namespace proj {

struct Relu { __device__ float operator()(float x) const { return fmaxf(x, 0.0f); } };
struct Gelu {
  __device__ float operator()(float x) const { return 0.5f * x * (1.0f + tanhf(0.79788456f * (x + 0.044715f * x * x * x))); }
};
struct FastExp { __device__ float operator()(float x) const { return __expf(x); } };

template <typename Op>
__device__ __forceinline__ float apply(Op op, float x) { return op(x); }

__device__ __forceinline__ float loadReadOnly(const float* p) { return __ldg(p); }

}  // namespace proj
"""


def module_header(m):
    return f"""// Module {m}: kernels shared by the units of the module.
#pragma once
#include "proj/common.cuh"
#include "proj/math.cuh"

namespace mod{m} {{

template <typename Op>
__global__ void elementwise(const float* __restrict__ in, float* __restrict__ out, int n, Op op) {{
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = proj::apply(op, proj::loadReadOnly(in + i));
}}

template <int Block>
__global__ void rowSum(proj::TensorView<float> t, float* out) {{
  float v = 0.0f;
  for (int c = threadIdx.x; c < t.cols; c += Block) v += t.at(blockIdx.x, c);
  v = proj::blockReduceSum<float, Block>(v);
  if (threadIdx.x == 0) atomicAdd(out + blockIdx.x, v);
}}

void launchRowSum(proj::TensorView<float> t, float* out, cudaStream_t stream);

}}  // namespace mod{m}
"""


def cuda_unit(i, modules):
    m = i % modules
    lib = LIBRARIES[i % len(LIBRARIES)]
    s = [f"// Synthetic unit {i}: kernels, launches and library calls of module {m}.",
         f'#include "mod{m}/mod{m}.cuh"']
    if lib == "cublas":
        s.append("#include <cublas_v2.h>")
    elif lib == "curand":
        s.append("#include <curand_kernel.h>")
    elif lib == "cufft":
        s.append("#include <cufft.h>")
    if i % 3 == 0:
        s += ["#include <vector>", "#include <algorithm>"]
    s.append(f"namespace unit{i} {{")
    s.append(f"""
__global__ void scaleHalf(__half* x, float a, int n) {{
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = __float2half(__half2float(x[i]) * a);
}}

template <typename T, int Tile>
__global__ void transpose(const T* in, T* out, int rows, int cols) {{
  __shared__ T tile[Tile][Tile + 1];
  int x = blockIdx.x * Tile + threadIdx.x, y = blockIdx.y * Tile + threadIdx.y;
  if (x < cols && y < rows) tile[threadIdx.y][threadIdx.x] = in[y * cols + x];
  __syncthreads();
  x = blockIdx.y * Tile + threadIdx.x;
  y = blockIdx.x * Tile + threadIdx.y;
  if (x < rows && y < cols) out[y * rows + x] = tile[threadIdx.x][threadIdx.y];
}}

void run(float* host, int rows, int cols, cudaStream_t stream) {{
  const int n = rows * cols;
  float *d = nullptr, *e = nullptr, *sums = nullptr;
  PROJ_CUDA_CHECK(cudaMalloc(&d, n * sizeof(float)));
  PROJ_CUDA_CHECK(cudaMalloc(&e, n * sizeof(float)));
  PROJ_CUDA_CHECK(cudaMalloc(&sums, rows * sizeof(float)));
  PROJ_CUDA_CHECK(cudaMemcpyAsync(d, host, n * sizeof(float), cudaMemcpyHostToDevice, stream));
  mod{m}::elementwise<<<proj::gridFor(n, 256), 256, 0, stream>>>(d, e, n, proj::Gelu{{}});
  mod{m}::elementwise<<<proj::gridFor(n, 256), 256, 0, stream>>>(e, d, n, proj::Relu{{}});
  transpose<float, 32><<<dim3(cols / 32, rows / 32), dim3(32, 32), 0, stream>>>(d, e, rows, cols);
  mod{m}::rowSum<256><<<rows, 256, 0, stream>>>(proj::TensorView<float>{{e, rows, cols, cols}}, sums);
  scaleHalf<<<proj::gridFor(n, 256), 256, 0, stream>>>(reinterpret_cast<__half*>(d), 0.5f, n);
  PROJ_CUDA_CHECK(cudaGetLastError());""")
    if lib == "cublas":
        s.append("""  cublasHandle_t handle;
  cublasCreate(&handle);
  cublasSetStream(handle, stream);
  const float one = 1.0f, zero = 0.0f;
  cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, rows, rows, cols, &one, d, rows, e, rows, &zero, sums, rows);
  cublasDestroy(handle);""")
    elif lib == "curand":
        s.append("""  curandGenerator_t gen;
  curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_DEFAULT);
  curandSetPseudoRandomGeneratorSeed(gen, 1234ULL);
  curandGenerateUniform(gen, d, n);
  curandDestroyGenerator(gen);""")
    elif lib == "cufft":
        s.append("""  cufftHandle plan;
  cufftPlan1d(&plan, cols, CUFFT_R2C, rows);
  cufftSetStream(plan, stream);
  cufftExecR2C(plan, d, reinterpret_cast<cufftComplex*>(e));
  cufftDestroy(plan);""")
    if i % 3 == 0:
        s.append("""  std::vector<float> check(n);
  PROJ_CUDA_CHECK(cudaMemcpy(check.data(), e, n * sizeof(float), cudaMemcpyDeviceToHost));
  std::sort(check.begin(), check.end());""")
    s.append("""  PROJ_CUDA_CHECK(cudaStreamSynchronize(stream));
  cudaFree(d);
  cudaFree(e);
  cudaFree(sums);
}""")
    s.append(f"}}  // namespace unit{i}\n")
    return "\n".join(s)


def host_unit(i):
    return f"""// Synthetic host-only unit {i}: device management through the runtime API.
#include <cuda_runtime_api.h>
#include <string>
#include <vector>

namespace host{i} {{

std::vector<std::string> describeDevices() {{
  int count = 0;
  std::vector<std::string> out;
  if (cudaGetDeviceCount(&count) != cudaSuccess) return out;
  for (int d = 0; d < count; ++d) {{
    cudaDeviceProp prop;
    cudaGetDeviceProperties(&prop, d);
    out.push_back(std::string(prop.name) + " sm_" + std::to_string(prop.major) + std::to_string(prop.minor));
  }}
  return out;
}}

void* pinned(size_t bytes) {{
  void* p = nullptr;
  cudaMallocHost(&p, bytes);
  cudaStream_t s;
  cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
  cudaEvent_t ev;
  cudaEventCreate(&ev);
  cudaEventRecord(ev, s);
  cudaEventSynchronize(ev);
  cudaEventDestroy(ev);
  cudaStreamDestroy(s);
  return p;
}}

}}  // namespace host{i}
"""


def generate(root, tus):
    modules = max(1, tus // 25)
    os.makedirs(os.path.join(root, "include", "proj"), exist_ok=True)
    with open(os.path.join(root, "include", "proj", "common.cuh"), "w") as f:
        f.write(common_header())
    with open(os.path.join(root, "include", "proj", "math.cuh"), "w") as f:
        f.write(math_header())
    for m in range(modules):
        d = os.path.join(root, "include", f"mod{m}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"mod{m}.cuh"), "w") as f:
            f.write(module_header(m))
    cu = cpp = 0
    for i in range(tus):
        d = os.path.join(root, "src", f"mod{i % modules}")
        os.makedirs(d, exist_ok=True)
        if i % 5 == 4:
            with open(os.path.join(d, f"host{i}.cpp"), "w") as f:
                f.write(host_unit(i))
            cpp += 1
        else:
            with open(os.path.join(d, f"unit{i}.cu"), "w") as f:
                f.write(cuda_unit(i, modules))
            cu += 1
    return cu, cpp, modules + 2


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(fn):
    """(wall, cpu) seconds of fn(); cpu is what the child processes it waited for used."""
    c0, w0 = children_cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - w0, children_cpu() - c0


def run_opscope(opscope, tree, jobs, out, export=None):
    cmd = [opscope, "scan", tree, "--no-config", "--format", "json", "-o", out, "-j", str(jobs)]
    if export:
        cmd += ["--export-clang-commands", export]
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):  # 1: a gate failed, which the scan does not configure
        sys.exit(f"opscope failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")


def run_clang(commands, jobs):
    failures = []

    def one(args):
        p = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            failures.append((args[-1], p.stderr.splitlines()[:3]))

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, commands))
    return failures


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--opscope", default=None, help="the opscope binary (default: the first build-*/opscope found)")
    ap.add_argument("--clang", default=shutil.which("clang++-19") or "clang++-19")
    ap.add_argument("--tus", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--dir", default=None, help="where to generate the tree (default: a temporary directory)")
    ap.add_argument("--keep", action="store_true", help="keep the generated tree")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--tree", default=None, help="measure this existing project instead of a synthetic tree")
    a = ap.parse_args()
    opscope = a.opscope
    if not opscope:
        candidates = sorted(os.path.join(repo, d, "opscope") for d in os.listdir(repo) if d.startswith("build"))
        opscope = next((c for c in candidates if os.access(c, os.X_OK)), None)
        if not opscope:
            sys.exit("no opscope binary found; pass --opscope")

    work = a.dir or tempfile.mkdtemp(prefix="opscope-cuda-bench-")
    tree, export = os.path.join(work, "tree"), os.path.join(work, "export")
    shutil.rmtree(export, ignore_errors=True)
    if a.tree:
        tree = os.path.abspath(a.tree)
        print(f"project tree: {tree}")
    else:
        shutil.rmtree(tree, ignore_errors=True)
        cu, cpp, headers = generate(tree, a.tus)
        print(f"synthetic tree: {a.tus} TUs ({cu} .cu, {cpp} .cpp), {headers} project headers, in {tree}")
    print(f"opscope: {opscope}\nclang:   {a.clang}\nload average before: {load()}  (cores: {os.cpu_count()})")

    # One untimed scan exports opscope's exact clang arguments and shims, and warms the file cache.
    report = os.path.join(work, "report.json")
    run_opscope(opscope, tree, 2, report, export=export)
    with open(report) as f:
        inputs = json.load(f)["inputs"]
    semantic = sum(1 for i in inputs if i["status"] == "semantic")
    print(f"opscope parses {semantic} of {len(inputs)} files semantically")
    if semantic != len(inputs) and not a.tree:
        bad = next(i for i in inputs if i["status"] != "semantic")
        sys.exit(f"the synthetic tree must parse cleanly: {bad['path']}: {bad.get('message', '')}")
    with open(os.path.join(export, "compile_commands.json")) as f:
        entries = json.load(f)
    # Every header of the tree is included by a unit, so opscope never parses one on its own.
    commands = [[a.clang] + e["arguments"][1:] for e in entries
                if a.tree or e["file"].endswith((".cu", ".cpp"))]
    if len(commands) != a.tus and not a.tree:
        sys.exit(f"opscope exported {len(commands)} unit commands for {a.tus} units")
    print(f"clang command of the first unit: {' '.join(commands[0])}")

    times = {}
    for _ in range(a.repeat):
        for jobs in (1, 2):
            times.setdefault(("opscope", jobs), []).append(
                timed(lambda: run_opscope(opscope, tree, jobs, report)))
            failures = []
            times.setdefault(("clang", jobs), []).append(timed(lambda: failures.extend(run_clang(commands, jobs))))
            if failures and not a.tree:  # the exported commands do not reproduce opscope's parses
                sys.exit(f"clang -fsyntax-only failed on {len(failures)} units, e.g. {failures[0][0]}: {failures[0][1]}")

    def med(tool, jobs, k):
        return statistics.median(t[k] for t in times[(tool, jobs)])

    print(f"load average after:  {load()}")
    print(f"\n{'':20}{'wall s':>10}{'cpu s':>10}")
    for jobs in (1, 2):
        for tool in ("opscope", "clang"):
            print(f"{tool + ' -j' + str(jobs):20}{med(tool, jobs, 0):10.2f}{med(tool, jobs, 1):10.2f}")
    r1 = med("opscope", 1, 0) / med("clang", 1, 0)
    r2 = med("opscope", 2, 0) / med("clang", 2, 0)
    c1 = med("opscope", 1, 1) / med("clang", 1, 1)
    c2 = med("opscope", 2, 1) / med("clang", 2, 1)
    speedup = med("opscope", 1, 0) / med("opscope", 2, 0)
    clang_speedup = med("clang", 1, 0) / med("clang", 2, 0)
    print(f"\nratio opscope/clang, wall: -j1 {r1:.2f}  -j2 {r2:.2f}   (cpu: -j1 {c1:.2f}  -j2 {c2:.2f})")
    print(f"opscope -j2 speed-up: {speedup:.2f}   (clang's: {clang_speedup:.2f})")
    ok_ratio, ok_speedup = r1 <= 1.3, speedup >= 1.7
    print(f"targets: ratio <= 1.3 at -j1: {'met' if ok_ratio else 'MISSED'}; "
          f"speed-up >= 1.7: {'met' if ok_speedup else 'MISSED'}")
    if not a.keep and not a.dir:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if a.check and not (ok_ratio and ok_speedup) else 0


if __name__ == "__main__":
    sys.exit(main())
