/* A C file using the runtime API: the C shims parse it. */
// CHECK-INPUT: semantic
#include <cuda_runtime_api.h>
#include <cuda.h>

int count(void) {
  int n = 0;
  cudaGetDeviceCount(&n);
/* the CHECK below is a C++ comment inside a C file on purpose: C11 allows it */
// CHECK: [[@LINE-2]]:3 cudaGetDeviceCount function semantic
  CUdevice dev;
// CHECK: [[@LINE-1]]:3 CUdevice type semantic lib=cuda_driver
  cuDeviceGet(&dev, 0);
// CHECK: [[@LINE-1]]:3 cuDeviceGet function semantic
  return n;
}
