// Inline expectations for the DCU answers of header includes and call shapes, checked in every
// report format by tests/scan/dcu_answers_test.py:
//   // DCU: [[@LINE-N]] SYMBOL STATUS [words the answer's note or target holds...]
// (at the default level, HIP 5.2); `DCU@hip-6.2:` is the answer at --target dcu@hip-6.2.
#include <cuda_runtime.h>
// DCU: [[@LINE-1]] cuda_runtime.h mapped hip/hip_runtime.h
#include <cublas_v2.h>
// DCU: [[@LINE-1]] cublas_v2.h mapped hipblas/hipblas.h
#include <cublasLt.h>
// DCU: [[@LINE-1]] cublasLt.h missing ROCm 5.5.0
// DCU@hip-6.2: [[@LINE-2]] cublasLt.h mapped hipblaslt
#include <nccl.h>
// DCU: [[@LINE-1]] nccl.h mapped rccl/rccl.h
#include <cuda_bf16.h>
// DCU: [[@LINE-1]] cuda_bf16.h missing 5.7.0
// DCU@hip-6.2: [[@LINE-2]] cuda_bf16.h mapped hip/hip_bf16.h
#include <nvtx3/nvToolsExt.h>
// DCU: [[@LINE-1]] nvtx3/nvToolsExt.h mapped roctracer/roctx.h
#include <curand.h>
// DCU: [[@LINE-1]] curand.h mapped hiprand/hiprand.h
#include <cufft.h>
// DCU: [[@LINE-1]] cufft.h mapped hipfft/hipfft.h
#include <cooperative_groups.h>
// DCU: [[@LINE-1]] cooperative_groups.h mapped hip/hip_cooperative_groups.h
#include <cudnn.h>
// DCU: [[@LINE-1]] cudnn.h partial miopen/miopen.h by hand

__global__ void fill(float* x) { x[threadIdx.x] = 0.f; }

void shapes(cudaStream_t s) {
  cudaEvent_t start, stop;
  cudaEventCreate(&start, cudaEventDisableTiming);
// DCU: [[@LINE-1]] cudaEventCreate partial hipEventCreateWithFlags(arg1, arg2)
// DCU@hip-6.2: [[@LINE-2]] cudaEventCreate partial hipEventCreateWithFlags(arg1, arg2)
  cudaEventCreate(&stop);
// DCU: [[@LINE-1]] cudaEventCreate mapped hipEventCreate
  cudaStreamWaitEvent(s, start);
// DCU: [[@LINE-1]] cudaStreamWaitEvent partial hipStreamWaitEvent(arg1, arg2, 0)
  cudaStreamWaitEvent(s, stop, 0);
// DCU: [[@LINE-1]] cudaStreamWaitEvent mapped hipStreamWaitEvent
  cudaFuncSetAttribute(fill, cudaFuncAttributeMaxDynamicSharedMemorySize, 1024);
// DCU: [[@LINE-1]] cudaFuncSetAttribute partial reinterpret_cast<const void*>(arg1)
  cudaMalloc(&start, 16);
// DCU: [[@LINE-1]] cudaMalloc mapped hipMalloc
}
