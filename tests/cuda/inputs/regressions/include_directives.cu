// Regression from karpathy/llm.c and its AMD port: the header swaps (nccl.h -> rccl/rccl.h,
// cublasLt.h -> hipblaslt, cuda_bf16.h, nvtx3) were a third of the port's hand edits, so every
// #include of a CUDA header the opdb knows is a finding of kind header, wherever it is spelled.
#include <cuda_runtime.h>
#include <cublasLt.h>  // CHECK: [[@LINE]]:11 cublasLt.h header lexical lib=cublasLt
#   include   "nccl.h"  // CHECK: [[@LINE]]:16 nccl.h header lexical lib=nccl
# /* a comment inside the directive */ include <cuda_bf16.h>
// CHECK: [[@LINE-1]]:49 cuda_bf16.h header lexical lib=cuda_bf16
#ifdef ENABLE_NVTX_NEVER_DEFINED
#include <nvtx3/nvToolsExt.h>
// CHECK: [[@LINE-1]]:11 nvtx3/nvToolsExt.h header lexical lib=nvtx
#endif
// Not directives: a line comment, a block comment, a string.
// #include <cufft.h>
/*
#include <curand.h>
*/
static const char* kText = "#include <cufft.h>";
// A header the opdb does not know is no finding (the project's own, a third party's).
#include "buffers.cuh"

__global__ void fill(float* x) { x[threadIdx.x] = 0.f; }
// CHECK: [[@LINE-1]]:17 fill kernel semantic

// Call shapes: each call's finding records how many arguments were written (defaulted ones not
// counted), so that a target function with another shape answers for this use.
void shapes(cudaStream_t s) {
// CHECK: [[@LINE-1]]:13 cudaStream_t type semantic
  cudaEvent_t e;
// CHECK: [[@LINE-1]]:3 cudaEvent_t type semantic
  cudaEventCreate(&e, cudaEventDisableTiming);
// CHECK: [[@LINE-1]]:3 cudaEventCreate function semantic {args=2}
// CHECK: [[@LINE-2]]:23 cudaEventDisableTiming macro semantic
  cudaEventCreate(&e);
// CHECK: [[@LINE-1]]:3 cudaEventCreate function semantic {args=1}
  cudaStreamWaitEvent(s, e);
// CHECK: [[@LINE-1]]:3 cudaStreamWaitEvent function semantic {args=2}
  cudaStreamWaitEvent(s, e, 0);
// CHECK: [[@LINE-1]]:3 cudaStreamWaitEvent function semantic {args=3}
  cudaFuncSetAttribute(fill, cudaFuncAttributeMaxDynamicSharedMemorySize, 1024);
// CHECK: [[@LINE-1]]:3 cudaFuncSetAttribute function semantic {args=3}
// CHECK: [[@LINE-2]]:30 cudaFuncAttributeMaxDynamicSharedMemorySize enum_value semantic
}
