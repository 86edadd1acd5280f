// Plain C++ host code that uses the runtime API through <cuda_runtime_api.h>.
// CHECK-INPUT: semantic
#include <cuda_runtime_api.h>

int deviceCount() {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess) return 0;
// CHECK: [[@LINE-1]]:7 cudaGetDeviceCount function semantic
// CHECK: [[@LINE-2]]:37 cudaSuccess enum_value semantic
  cudaDeviceProp prop;
// CHECK: [[@LINE-1]]:3 cudaDeviceProp type semantic
  cudaGetDeviceProperties(&prop, 0);
// CHECK: [[@LINE-1]]:3 cudaGetDeviceProperties function semantic
  return count;
}
