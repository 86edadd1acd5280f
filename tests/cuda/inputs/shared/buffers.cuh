// A header included by two units: its findings are reported once.
#pragma once
#include <cuda_runtime.h>

__device__ inline float twice(float v) { return 2.0f * v; }
// CHECK: [[@LINE-1]]:25 twice device_function semantic

inline void* deviceBuffer(size_t bytes) {
  void* p = nullptr;
  cudaMalloc(&p, bytes);
// CHECK: [[@LINE-1]]:3 cudaMalloc function semantic
  return p;
}
