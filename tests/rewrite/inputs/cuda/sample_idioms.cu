// Idioms of NVIDIA's runtime samples that a rename alone breaks (found by tests/measure/dcu_samples.py):
// a version test on CUDART_VERSION whose other branch does not even parse, CUDART_CB on a stream
// callback, the unsigned umin/umax, cudaHostAlloc on a typed pointer (CUDA's C++ overload), and
// a built-in coordinate passed to min or printf (HIP 5.2's are proxy objects).
// Each CHECK-DCU line gives the line above it after `opscope rewrite --target dcu`; the result
// compiles with hipcc and `opscope rewrite --verify` says so.
#include <cuda_runtime.h>
// CHECK-DCU: #include <hip/hip_runtime.h>
#include <cstdio>

__global__ void clamp_counts(unsigned* counts, unsigned limit, unsigned floor) {
  unsigned i = threadIdx.x;
  counts[i] = umax(umin(counts[i], limit), floor);
  // CHECK-DCU: counts[i] = max(min(counts[i], limit), floor);
  for (unsigned k = 0; k < min(limit, blockDim.x); ++k) counts[k] += 1;
  // CHECK-DCU: for (unsigned k = 0; k < min(limit, static_cast<unsigned int>(blockDim.x)); ++k) counts[k] += 1;
  if (i == 0) printf("block %u of %u\n", blockIdx.x, gridDim.x);
  // CHECK-DCU: if (i == 0) printf("block %u of %u\n", static_cast<unsigned int>(blockIdx.x), static_cast<unsigned int>(gridDim.x));
}

void CUDART_CB on_done(cudaStream_t stream, cudaError_t status, void* data) {
// CHECK-DCU: void  on_done(hipStream_t stream, hipError_t status, void* data) {
  *static_cast<int*>(data) = status == cudaSuccess;
}

int run_counts(unsigned n) {
  unsigned* host = nullptr;
  unsigned* device = nullptr;
#if CUDART_VERSION >= 4000
  // CHECK-DCU: #if HIP_VERSION >= 4000
  cudaHostAlloc(&host, n * sizeof(unsigned), cudaHostAllocMapped);
  // CHECK-DCU: hipHostMalloc(&host, n * sizeof(unsigned), hipHostMallocMapped);
#else
  printf("CUDA %d has no mapped memory\n", , CUDART_VERSION);
#endif
  cudaMalloc(&device, n * sizeof(unsigned));
  cudaStream_t stream;
  cudaStreamCreate(&stream);
  clamp_counts<<<1, n, 0, stream>>>(device, 100u, 1u);
  int finished = 0;
  cudaStreamAddCallback(stream, on_done, &finished, 0);
  // CHECK-DCU: hipStreamAddCallback(stream, on_done, &finished, 0);
  cudaStreamSynchronize(stream);
  cudaFreeHost(host);
  cudaFree(device);
  return finished;
}
