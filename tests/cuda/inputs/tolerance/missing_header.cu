// A header that does not exist does not stop the unit: the CUDA calls are still found.
// CHECK-INPUT: lexical 'torch/not_installed_here.h' file not found
#include <torch/not_installed_here.h>
#include <cuda_runtime.h>

void copy(void* dst, const void* src, size_t n) {
  cudaMemcpy(dst, src, n, cudaMemcpyHostToDevice);
// CHECK: [[@LINE-1]]:3 cudaMemcpy function semantic
// CHECK: [[@LINE-2]]:27 cudaMemcpyHostToDevice enum_value semantic
  cudaDeviceSynchronize();
// CHECK: [[@LINE-1]]:3 cudaDeviceSynchronize function semantic
}
