/* C that GCC accepts and Clang 16+ rejects by default: implicitly declared functions (a library
 * one, a project one). Neither is CUDA. */
// CHECK-INPUT: semantic
#include <cuda_runtime_api.h>

int blocks(int n) {
  void* p = 0;
  cudaMalloc(&p, (size_t)n);
// CHECK: [[@LINE-1]]:3 cudaMalloc function semantic
  return (int)ceil(n / 256.0) + project_helper(n);
}
