// Members of cudaDeviceProp that HIP 5.2's hipDeviceProp_t declares too: the rewrite renames the
// struct and leaves every member access as written, and the result compiles as HIP.
#include <cuda_runtime.h>
#include <cstdio>

int main() {
  int count = 0;
  cudaGetDeviceCount(&count);
  for (int d = 0; d < count; ++d) {
    cudaDeviceProp prop;
    // CHECK-DCU: hipDeviceProp_t prop;
    cudaGetDeviceProperties(&prop, d);
    std::printf("%s: sm %d.%d, %d SMs, %zu bytes, managed %d\n", prop.name, prop.major, prop.minor,
                prop.multiProcessorCount, prop.totalGlobalMem, prop.managedMemory);
    // CHECK-DCU: prop.multiProcessorCount, prop.totalGlobalMem, prop.managedMemory);
    cudaDeviceProp* p = &prop;
    if (p->canMapHostMemory && p->maxThreadsDim[0] >= 1024) std::printf("mapped host memory\n");
    // CHECK-DCU: if (p->canMapHostMemory && p->maxThreadsDim[0] >= 1024) std::printf("mapped host memory\n");
  }
  return 0;
}
