// Kernels, device functions and every way of launching a kernel.
#include <cuda_runtime.h>
#include <cuda.h>

__device__ float twice(float v) { return 2.0f * v; }
// CHECK: [[@LINE-1]]:18 twice device_function semantic lib=user {lines=1}

__host__ __device__ inline int clampIndex(int i, int n) {
// CHECK: [[@LINE-1]]:32 clampIndex device_function semantic {lines=4}
  return i < n ? i : n - 1;
}

__global__ void scale(float* x, float a, int n) {
// CHECK: [[@LINE-1]]:17 scale kernel semantic lib=user {lines=5}
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = twice(x[i]) * a;
}

template <typename T, int Block>
__global__ void __launch_bounds__(Block) fill(T* out, T value, int n) {
// CHECK: [[@LINE-1]]:42 fill kernel semantic {lines=5}
  int i = blockIdx.x * Block + threadIdx.x;
  if (i < n) out[clampIndex(i, n)] = value;
}

__global__ void cooperative(int* flags) { flags[blockIdx.x] = 1; }
// CHECK: [[@LINE-1]]:17 cooperative kernel semantic {lines=1}

void launchAll(float* d, int* flags, int n, cudaStream_t stream) {
// CHECK: [[@LINE-1]]:45 cudaStream_t type semantic lib=cudart
  scale<<<(n + 255) / 256, 256, 0, stream>>>(d, 2.0f, n);
// CHECK: [[@LINE-1]]:3 scale kernel_launch semantic lib=user
  fill<float, 128><<<1, 128>>>(d, 0.0f, n);
// CHECK: [[@LINE-1]]:3 fill kernel_launch semantic
  dim3 grid(4), block(64);
// CHECK: [[@LINE-1]]:3 dim3 type semantic lib=cudart
  void* args[] = {&d, &n};
  cudaLaunchKernel((const void*)scale, grid, block, args, 0, stream);
// CHECK: [[@LINE-1]]:3 cudaLaunchKernel function semantic lib=cudart
// CHECK: [[@LINE-2]]:33 scale kernel_launch semantic {via cudaLaunchKernel}
  cudaLaunchCooperativeKernel(reinterpret_cast<void*>(&cooperative), grid, block, args, 0, stream);
// CHECK: [[@LINE-1]]:3 cudaLaunchCooperativeKernel function semantic
// CHECK: [[@LINE-2]]:56 cooperative kernel_launch semantic {via cudaLaunchCooperativeKernel}
// CHECK: [[@LINE-3]]:3 grid-sync hazard semantic lib=hazard {uses cudaLaunchCooperativeKernel}
}

void launchDriver(CUfunction f, CUstream s, void** params) {
// CHECK: [[@LINE-1]]:19 CUfunction type semantic lib=cuda_driver
// CHECK: [[@LINE-2]]:33 CUstream type semantic
  cuLaunchKernel(f, 1, 1, 1, 32, 1, 1, 0, s, params, nullptr);
// CHECK: [[@LINE-1]]:3 cuLaunchKernel function semantic lib=cuda_driver
// CHECK: [[@LINE-2]]:18 f kernel_launch semantic {via cuLaunchKernel}
}
