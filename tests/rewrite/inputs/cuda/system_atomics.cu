// System-scope atomics HIP lacks in every version (atomicInc_system, atomicDec_system): the
// rewrite calls fallbacks it defines once in this file, after the includes and outside the
// conditional that holds the last of them, as NVIDIA's systemWideAtomics sample needs. Each
// CHECK-DCU line gives the line above it after `opscope rewrite --target dcu`; the result
// compiles with hipcc and `opscope rewrite --verify` says so.
#include <cuda_runtime.h>
// CHECK-DCU: #include <hip/hip_runtime.h>
#include <cstdio>
#ifdef _WIN32
#include <windows.h>
#endif

__global__ void take_tickets(unsigned* ring, unsigned* credits, unsigned slots, unsigned limit) {
  unsigned slot = atomicInc_system(ring, slots - 1);
  // CHECK-DCU: unsigned slot = opscope_atomicInc_system(ring, slots - 1);
  atomicDec_system(credits, limit);
  // CHECK-DCU: opscope_atomicDec_system(credits, limit);
  atomicAdd_system(ring + 1 + slot % 4, 1u);
  // CHECK-DCU: atomicAdd_system(ring + 1 + slot % 4, 1u);
}

int run_tickets() {
  unsigned* shared = nullptr;
  if (cudaMallocManaged(&shared, 8 * sizeof(unsigned)) != cudaSuccess) return 1;
  take_tickets<<<2, 64>>>(shared, shared + 5, 16, 100);
  cudaDeviceSynchronize();
  std::printf("next slot %u\n", shared[0]);
  cudaFree(shared);
  return 0;
}
