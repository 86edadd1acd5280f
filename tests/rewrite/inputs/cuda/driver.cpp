// The driver API through cuda.h, in a plain C++ file.
#include <cuda.h>
// CHECK-DCU: #include <hip/hip_runtime.h>

int count_devices() {
  if (cuInit(0) != CUDA_SUCCESS) return -1;
  // CHECK-DCU: if (hipInit(0) != hipSuccess) return -1;
  int n = 0;
  CUresult r = cuDeviceGetCount(&n);
  // CHECK-DCU: hipError_t r = hipGetDeviceCount(&n);
  CUdevice dev;
  // CHECK-DCU: hipDevice_t dev;
  if (r == CUDA_SUCCESS && n > 0) r = cuDeviceGet(&dev, 0);
  // CHECK-DCU: if (r == hipSuccess && n > 0) r = hipDeviceGet(&dev, 0);
  return r == CUDA_SUCCESS ? n : -1;
}
