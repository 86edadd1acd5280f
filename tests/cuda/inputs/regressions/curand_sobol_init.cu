// Regression from NVIDIA/cuda-samples (MC_EstimatePiInlineQ): the Sobol generators are initialised
// from direction vectors and an offset (three arguments), beside the seeded generators' four.
// CHECK-INPUT: semantic
#include <curand_kernel.h>

__global__ void init_sobol(curandStateSobol32_t* states, curandDirectionVectors32_t* directions, unsigned int per_thread) {
// CHECK: [[@LINE-1]]:17 init_sobol kernel semantic lib=user {lines=12}
// CHECK: [[@LINE-2]]:28 curandStateSobol32_t type semantic lib=curand_device
// CHECK: [[@LINE-3]]:58 curandDirectionVectors32_t type semantic lib=curand
  unsigned int tid = blockIdx.x * blockDim.x + threadIdx.x;
  curand_init(directions[0], tid * per_thread, &states[tid]);
// CHECK: [[@LINE-1]]:3 curand_init function semantic lib=curand_device
  curandState seeded;
// CHECK: [[@LINE-1]]:3 curandState type semantic lib=curand_device
  curand_init(1234ULL, tid, 0, &seeded);
// CHECK: [[@LINE-1]]:3 curand_init function semantic lib=curand_device
}
