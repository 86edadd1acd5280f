// CHECK-INPUT: semantic
#include "buffers.cuh"
void second() { cudaFree(deviceBuffer(32)); }
// CHECK: [[@LINE-1]]:17 cudaFree function semantic
