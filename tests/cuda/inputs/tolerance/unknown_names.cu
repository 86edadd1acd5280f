// CUDA names the opdb does not know are reported as unknown, never dropped: those the shims
// declare resolve semantically, others are found from tokens once the file has errors.
// CHECK-INPUT: lexical use of undeclared identifier 'cudaFutureAllocator'
#include <cuda_runtime.h>

void future(cudaStream_t s) {
// CHECK: [[@LINE-1]]:13 cudaStream_t type semantic
  cudaStreamQuery(s);
// CHECK: [[@LINE-1]]:3 cudaStreamQuery function semantic lib=cudart
  cudaFutureAllocator(s, 42);
// CHECK: [[@LINE-1]]:3 cudaFutureAllocator function lexical lib=cudart
  CUfutureHandle handle;
// CHECK: [[@LINE-1]]:3 CUfutureHandle type lexical lib=cuda_driver
  int x = CUBLAS_FUTURE_MODE;
// CHECK: [[@LINE-1]]:11 CUBLAS_FUTURE_MODE enum_value lexical lib=cublas
}
