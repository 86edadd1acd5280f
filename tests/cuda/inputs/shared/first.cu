// CHECK-INPUT: semantic
#include "buffers.cuh"
void first() { cudaFree(deviceBuffer(16)); }
// CHECK: [[@LINE-1]]:16 cudaFree function semantic
