// Calls whose CUDA form HIP declares with another shape: the two-argument cudaEventCreate (a C++
// overload), cudaStreamWaitEvent without its flags, cudaFuncSetAttribute on the kernel itself,
// and the masked warp functions of HIP before 6.2. Each CHECK-DCU line gives the line above it
// after `opscope rewrite --target dcu`; the result compiles with hipcc.
#include <cuda_runtime.h>
// CHECK-DCU: #include <hip/hip_runtime.h>

__global__ void reduce_rows(const float* in, float* out) {
  float v = in[threadIdx.x];
  v += __shfl_xor_sync(0xffffffff, v, 1);
  // CHECK-DCU: v += __shfl_xor(v, 1);
  if (__any_sync(0xffffffff, v > 0.0f)) out[blockIdx.x] = v;
  // CHECK-DCU: if (__any(v > 0.0f)) out[blockIdx.x] = v;
}

int run(float* in, float* out, cudaStream_t a, cudaStream_t b) {
  cudaEvent_t done, timing;
  cudaEventCreate(&done, cudaEventDisableTiming);
  // CHECK-DCU: hipEventCreateWithFlags(&done, hipEventDisableTiming);
  cudaEventCreate(&timing);
  // CHECK-DCU: hipEventCreate(&timing);
  cudaFuncSetAttribute(reduce_rows, cudaFuncAttributeMaxDynamicSharedMemorySize, 1024);
  // CHECK-DCU: hipFuncSetAttribute(reinterpret_cast<const void*>(reduce_rows), hipFuncAttributeMaxDynamicSharedMemorySize, 1024);
  reduce_rows<<<1, 64, 0, a>>>(in, out);
  cudaEventRecord(done, a);
  cudaStreamWaitEvent(b, done);
  // CHECK-DCU: hipStreamWaitEvent(b, done, 0);
  cudaStreamWaitEvent(b, done, 0);
  // CHECK-DCU: hipStreamWaitEvent(b, done, 0);
  cudaEventDestroy(timing);
  return cudaEventDestroy(done) == cudaSuccess ? 0 : 1;
}
