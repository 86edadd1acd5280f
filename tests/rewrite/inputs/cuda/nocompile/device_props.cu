// Members of CUDA runtime structs: the struct is renamed, a member HIP's struct has is left as
// written, and one it lacks (HIP 5.2's hipDeviceProp_t has no unifiedAddressing or
// asyncEngineCount, hipPointerAttribute_t no type) is left and reported (LEFT-DCU), never turned
// into another member. Not compiled: what is left does not exist at HIP 5.2.
#include <cuda_runtime.h>
#include <cstdio>

int copyEngines(int dev) {
  cudaDeviceProp prop;
  // CHECK-DCU: hipDeviceProp_t prop;
  cudaGetDeviceProperties(&prop, dev);
  // CHECK-DCU: hipGetDeviceProperties(&prop, dev);
  std::printf("%s %d.%d\n", prop.name, prop.major, prop.minor);
  // CHECK-DCU: std::printf("%s %d.%d\n", prop.name, prop.major, prop.minor);
  if (!prop.unifiedAddressing) return 0;
  // CHECK-DCU: if (!prop.unifiedAddressing) return 0;
  // LEFT-DCU: cudaDeviceProp::unifiedAddressing
  return prop.asyncEngineCount;
  // LEFT-DCU: cudaDeviceProp::asyncEngineCount
}

bool onDevice(const void* p) {
  cudaPointerAttributes attr;
  // CHECK-DCU: hipPointerAttribute_t attr;
  cudaPointerGetAttributes(&attr, p);
  return attr.type == cudaMemoryTypeDevice && attr.device >= 0;
  // CHECK-DCU: return attr.type == hipMemoryTypeDevice && attr.device >= 0;
  // LEFT-DCU: cudaPointerAttributes::type
}
