#include <cuda_runtime.h>
__global__ void norm(float* x) { x[threadIdx.x] = 0.0f; }
