// Kernel launches, rewritten to hipLaunchKernelGGL with --launch macro (CHECK-DCU-MACRO) and
// kept otherwise; a .cu file that includes no runtime header gets one (checked by the test).
#include "launch.cuh"

template <typename T, int N>
__global__ void fill(T* out, T value) {
  out[blockIdx.x * N + threadIdx.x] = value;
}

__global__ void copy(const float* in, float* out) { out[threadIdx.x] = in[threadIdx.x]; }

void launch_all(float* a, float* b, cudaStream_t s) {
  fill<float, 4><<<dim3(2), dim3(4)>>>(a, 1.0f);
  // CHECK-DCU-MACRO: hipLaunchKernelGGL(HIP_KERNEL_NAME(fill<float, 4>), dim3(dim3(2)), dim3(dim3(4)), 0, 0, a, 1.0f);
  copy<<<1, 64, 0, s>>>(a,
                        b);
  // CHECK-DCU-MACRO: hipLaunchKernelGGL(copy, dim3(1), dim3(64), 0, s, a, b);
  LAUNCH_COPY(a, b);
  cudaDeviceSynchronize();
  // CHECK-DCU: hipDeviceSynchronize();
}
