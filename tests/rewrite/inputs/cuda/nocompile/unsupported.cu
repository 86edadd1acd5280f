// Names HIP lacks are left exactly as they are and reported (LEFT-<PLATFORM>); no call is
// half-rewritten. Not compiled: what is left is CUDA.
#include <cuda_runtime.h>
#include <cudnn.h>
// CHECK-DCU: #include <cudnn.h>

void flush() {
  cudaDeviceFlushGPUDirectRDMAWrites(cudaFlushGPUDirectRDMAWritesTargetCurrentDevice,
                                     cudaFlushGPUDirectRDMAWritesToOwner);
  // LEFT-DCU: cudaDeviceFlushGPUDirectRDMAWrites
  cudnnHandle_t h;
  // LEFT-DCU: cudnnHandle_t
  cudnnCreate(&h);
  // CHECK-DCU: cudnnCreate(&h);
  float* p = nullptr;
  cudaMemcpyAsync(p, p, 4, cudaMemcpyDeviceToDevice);
  // CHECK-ASCEND: cudaMemcpyAsync(p, p, 4, cudaMemcpyDeviceToDevice);
  // LEFT-ASCEND: cudaMemcpyAsync
}

#define MAKE(name) cuda##name
void pasted() { MAKE(DeviceReset)(); }
// CHECK-DCU: void pasted() { MAKE(DeviceReset)(); }
