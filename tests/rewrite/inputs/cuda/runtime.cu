// Runtime API, types, enum values, error macros, device symbols, warp functions and launches.
// Each CHECK-<PLATFORM> line gives the line above it as `opscope rewrite --target <platform>`
// leaves it.
#include <cstdio>
#include <cuda_runtime.h>
// CHECK-DCU: #include <hip/hip_runtime.h>
// CHECK-ASCEND: #include <acl/acl.h>

#define CHECK(call)                                                   \
  do {                                                                \
    cudaError_t e_ = (call);                                          \
    if (e_ != cudaSuccess) std::printf("%s\n", cudaGetErrorString(e_)); \
  } while (0)
// The macro body above is rewritten where it is spelled, once for all its expansions.

__constant__ float scale_factor;

__device__ float warp_sum(float v) {
  for (int offset = 16; offset > 0; offset /= 2) v += __shfl_down_sync(0xffffffff, v, offset);
  // CHECK-DCU: for (int offset = 16; offset > 0; offset /= 2) v += __shfl_down(v, offset);
  return v;
}

__global__ void scale(float* data, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float x = i < n ? data[i] * scale_factor : 0.f;
  float total = warp_sum(x);
  unsigned long long votes = __ballot_sync(0xffffffffu, x > 0.f);
  // CHECK-DCU: unsigned long long votes = __ballot(x > 0.f);
  if (i < n) data[i] = __shfl_xor_sync(0xffffffff, total, 1, 16) + static_cast<float>(votes & 1);
  // CHECK-DCU: if (i < n) data[i] = __shfl_xor(total, 1, 16) + static_cast<float>(votes & 1);
}

int run(int n, cudaStream_t stream) {
  // CHECK-DCU: int run(int n, hipStream_t stream) {
  // CHECK-ASCEND: int run(int n, aclrtStream stream) {
  float* d = nullptr;
  float h[4] = {1, 2, 3, 4};
  const float two = 2.0f;
  CHECK(cudaMalloc(&d, n * sizeof(float)));
  // CHECK-DCU: CHECK(hipMalloc(&d, n * sizeof(float)));
  // CHECK-ASCEND: CHECK(aclrtMalloc((void **)(&d), n * sizeof(float), ACL_MEM_MALLOC_HUGE_FIRST));
  CHECK(cudaMemcpyToSymbol(scale_factor, &two, sizeof(float)));
  // CHECK-DCU: CHECK(hipMemcpyToSymbol(HIP_SYMBOL(scale_factor), &two, sizeof(float)));
  CHECK(cudaMemcpyAsync(d, h, sizeof h, cudaMemcpyHostToDevice,
                        stream));
  // CHECK-DCU: stream));
  // CHECK-ASCEND: CHECK(aclrtMemcpyAsync(d, sizeof h, h, sizeof h, ACL_MEMCPY_HOST_TO_DEVICE, stream));
  scale<<<(n + 255) / 256, 256, 0, stream>>>(d, n);
  // CHECK-DCU: scale<<<(n + 255) / 256, 256, 0, stream>>>(d, n);
  CHECK(cudaGetLastError());
  CHECK(cudaStreamSynchronize(stream));
  // CHECK-DCU: CHECK(hipStreamSynchronize(stream));
  // CHECK-CAMBRICON: CHECK(cnrtQueueSync(stream));
  cudaEvent_t start;
  // CHECK-DCU: hipEvent_t start;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventRecord(start));
  // CHECK-ASCEND: CHECK(aclrtRecordEvent(start, NULL));
  // CHECK-ENFLAME: CHECK(topsEventRecord(start, 0));
  CHECK(cudaEventDestroy(start));
  CHECK(cudaFree(d));
  // CHECK-DCU: CHECK(hipFree(d));
  // CHECK-CAMBRICON: CHECK(cnrtFree(d));
  // CHECK-ENFLAME: CHECK(topsFree(d));
  return 0;
}
