// Kernel roll-up (db/KernelRollUp.h): each __global__ kernel gets one verdict per platform, and
// the device code inside kernels and device functions takes it. Expectations beside the code:
//   // VERDICT: KERNEL computes=WHAT lines=N hazards=A,B calls=N PLATFORM=STATUS[:TARGET][/EFFORT]...
//   // DEVICE: SYMBOL in FUNCTION   (the finding on the line above is device code of FUNCTION)
//   // HOST: SYMBOL                 (the finding on the line above is host code)
// Platforms of the test opdb (KernelRollUpTest.cpp): npu answers kernels, bare has no entry.
#include <cuda_runtime.h>

__device__ float scaled_exp(float x) {
  return expf(x) * 0.5f;
// DEVICE: expf in scaled_exp
}

__global__ void softmax_forward_kernel(float* out, const float* in, int n) {
// VERDICT: softmax_forward_kernel computes=softmax lines=10 hazards= calls=3 npu=partial:opSoftmax/low bare=unknown
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float e = expf(in[i]);
// DEVICE: expf in softmax_forward_kernel
  __syncthreads();
// DEVICE: __syncthreads in softmax_forward_kernel
  out[i] = e / __expf(1.0f);
// DEVICE: __expf in softmax_forward_kernel
}

__global__ void layernormBackwardKernel(float* dx, const float* dy, int n) {
// VERDICT: layernormBackwardKernel computes=layer norm backward lines=4 hazards= calls=0 npu=missing:KernelLang/trivial bare=unknown
  dx[threadIdx.x] = dy[threadIdx.x];
}

__global__ void histogram(int* bins, const int* data, int n) {
// VERDICT: histogram computes= lines=14 hazards=warp-size-32 calls=2 npu=missing:KernelLang/medium bare=unknown
  int lane = threadIdx.x % 32;
  for (int i = threadIdx.x; i < n; i += blockDim.x) {
    atomicAdd(&bins[data[i] & 255], 1);
// DEVICE: atomicAdd in histogram
  }
  int v = lane;
  for (int offset = 16; offset > 0; offset /= 2) v += __shfl_down_sync(0xffffffff, v, offset);
// DEVICE: __shfl_down_sync in histogram
  if (lane == 0) bins[256] = v;
  float s = scaled_exp(1.0f);
  (void)s;
}

void launch(float* out, const float* in, int n) {
  float* tmp = nullptr;
  cudaMalloc(&tmp, n * sizeof(float));
// HOST: cudaMalloc
  softmax_forward_kernel<<<1, 32>>>(out, in, n);
}

namespace tiles {
struct tile {
  __device__ static float twice(float x) {
    return __fmul_rn(x, 2.0f);
// DEVICE: __fmul_rn in tiles::tile::twice
  }
};
}  // namespace tiles
