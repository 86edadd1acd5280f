// Regressions from scanning NVIDIA/cuda-samples and ggml: code tests the toolkit headers' include
// guards and API macros to see what is included (helper_cuda.h declares a cuSPARSE overload only
// under CUSPARSEAPI), converts between half types through float, and sets launch attributes.
// CHECK-INPUT: semantic
#include <cuda_runtime.h>
#include <cuda_fp16.h>
#include <cuda_bf16.h>  // CHECK: [[@LINE]]:11 cuda_bf16.h header lexical lib=cuda_bf16
#include <cublas_v2.h>

#ifdef CUSPARSEAPI
static const char* describe(cusparseStatus_t status) { return "cuSPARSE"; }
// CHECK: [[@LINE-1]]:29 cusparseStatus_t type lexical lib=cusparse
#endif
#ifdef CUBLAS_API_H_
static const char* describe(cublasStatus_t status) { return "cuBLAS"; }
// CHECK: [[@LINE-1]]:29 cublasStatus_t type semantic lib=cublas
#endif
#ifndef __DRIVER_TYPES_H__
#error "cuda_runtime.h brings driver_types.h in"
#endif

template <typename T>
void fill(T* dst, float x) {
  dst[0] = __float2bfloat16_rn(x);
// CHECK: [[@LINE-1]]:12 __float2bfloat16_rn function semantic lib=cuda_bf16
// CHECK: [[@LINE-2]]:12 bf16 hazard semantic {uses __float2bfloat16_rn}
}
template void fill<__half>(__half*, float);
// CHECK: [[@LINE-1]]:20 __half type semantic lib=cuda_fp16

__device__ void pack(half2& acc, float a, float b) { acc = make_half2(a, b); }
// CHECK: [[@LINE-1]]:17 pack device_function semantic lib=user {lines=1}
// CHECK: [[@LINE-2]]:22 half2 type semantic lib=cuda_fp16
// CHECK: [[@LINE-3]]:60 make_half2 function semantic lib=cuda_fp16

void attribute(cudaLaunchAttribute& attr) { attr.id = cudaLaunchAttributeProgrammaticStreamSerialization; }
// CHECK: [[@LINE-1]]:16 cudaLaunchAttribute type semantic lib=cudart
// CHECK: [[@LINE-2]]:55 cudaLaunchAttributeProgrammaticStreamSerialization enum_value semantic lib=cudart

// Runtime flags are values (nvcc's driver_types.h also brings INT_MAX in); CUB's segmented sort.
#include <cub/cub.cuh>
// (cudaHostRegisterReadOnly is a generated opdb constant the test universe lacks: no finding here.)
int registerReadOnly(void* p, size_t n) {
  return cudaHostRegister(p, n, cudaHostRegisterPortable | cudaHostRegisterReadOnly) == cudaSuccess ? INT_MAX : 0;
// CHECK: [[@LINE-1]]:10 cudaHostRegister function semantic lib=cudart
// CHECK: [[@LINE-2]]:33 cudaHostRegisterPortable macro semantic lib=cudart
// CHECK: [[@LINE-3]]:89 cudaSuccess enum_value semantic lib=cudart
}
size_t segmentedSortBytes(const float* keys, float* out, int n) {
  size_t bytes = 0;
  cub::DeviceSegmentedSort::SortKeys(nullptr, bytes, keys, out, n, 1, keys, keys);
// CHECK: [[@LINE-1]]:8 cub::DeviceSegmentedSort type semantic lib=cub
// CHECK: [[@LINE-2]]:29 cub::DeviceSegmentedSort::SortKeys function semantic lib=cub
  return bytes;
}
