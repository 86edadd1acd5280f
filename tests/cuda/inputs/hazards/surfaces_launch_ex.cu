// Surfaces (textures-surfaces), FP8 in its second format, managed-memory advice, and a launch
// through cudaLaunchKernelEx (the kernel is its second argument).
// CHECK-INPUT: semantic
#include <cuda_runtime.h>
#include <cuda_fp8.h>

__global__ void paint(cudaSurfaceObject_t surf) {
// CHECK: [[@LINE-1]]:17 paint kernel semantic lib=user {lines=8 hazards=textures-surfaces}
// CHECK: [[@LINE-2]]:23 cudaSurfaceObject_t type semantic lib=cudart
// CHECK: [[@LINE-3]]:23 textures-surfaces hazard semantic {uses cudaSurfaceObject_t}
  surf2Dwrite(1.0f, surf, threadIdx.x * 4, 0);
// CHECK: [[@LINE-1]]:3 surf2Dwrite intrinsic semantic lib=device_intrinsics
// CHECK: [[@LINE-2]]:3 textures-surfaces hazard semantic {uses surf2Dwrite}
}

__global__ void widen(const __nv_fp8_e5m2* in, float* out) { out[threadIdx.x] = float(in[threadIdx.x]); }
// CHECK: [[@LINE-1]]:17 widen kernel semantic lib=user {lines=1 hazards=fp8}
// CHECK: [[@LINE-2]]:29 __nv_fp8_e5m2 type semantic lib=cuda_fp8
// CHECK: [[@LINE-3]]:29 fp8 hazard semantic {uses __nv_fp8_e5m2}

void launchEx(const __nv_fp8_e5m2* in, float* out, cudaStream_t s) {
// CHECK: [[@LINE-1]]:21 __nv_fp8_e5m2 type semantic lib=cuda_fp8
// CHECK: [[@LINE-2]]:21 fp8 hazard semantic {uses __nv_fp8_e5m2}
// CHECK: [[@LINE-3]]:52 cudaStream_t type semantic lib=cudart
  cudaLaunchConfig_t config = {};
// CHECK: [[@LINE-1]]:3 cudaLaunchConfig_t type semantic lib=cudart
  config.gridDim = dim3(1);
// CHECK: [[@LINE-1]]:20 dim3 type semantic lib=cudart
  config.blockDim = dim3(32);
// CHECK: [[@LINE-1]]:21 dim3 type semantic lib=cudart
  config.stream = s;
  cudaLaunchKernelEx(&config, widen, in, out);
// CHECK: [[@LINE-1]]:3 cudaLaunchKernelEx function semantic lib=cudart
// CHECK: [[@LINE-2]]:31 widen kernel_launch semantic lib=user {via cudaLaunchKernelEx}
  cudaMemAdvise(out, 64, cudaMemAdviseSetReadMostly, 0);
// CHECK: [[@LINE-1]]:3 cudaMemAdvise function semantic lib=cudart
// CHECK: [[@LINE-2]]:3 managed-memory hazard semantic {uses cudaMemAdvise}
// CHECK: [[@LINE-3]]:26 cudaMemAdviseSetReadMostly enum_value semantic lib=cudart
// CHECK: [[@LINE-4]]:26 managed-memory hazard semantic {uses cudaMemAdviseSetReadMostly}
}
