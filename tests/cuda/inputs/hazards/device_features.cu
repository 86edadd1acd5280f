// inline-ptx, tensor-cores (through PTX), fp64, managed-memory, dynamic-parallelism.
// CHECK-INPUT: semantic
#include <cuda_runtime.h>

__managed__ int counter;
// CHECK: [[@LINE-1]]:1 managed-memory hazard semantic {__managed__ variable}

__device__ unsigned laneId() {
// CHECK: [[@LINE-1]]:21 laneId device_function semantic {lines=7 hazards=inline-ptx}
  unsigned id;
  asm volatile("mov.u32 %0, %%laneid;" : "=r"(id));
// CHECK: [[@LINE-1]]:3 inline-ptx hazard semantic {inline asm: mov.u32}
  return id;
}

__device__ void mma(unsigned* d, const unsigned* a) {
// CHECK: [[@LINE-1]]:17 mma device_function semantic {lines=7 hazards=inline-ptx,tensor-cores}
  asm("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0}, {%1}, {%2}, {%3};"
// CHECK: [[@LINE-1]]:3 inline-ptx hazard semantic {inline asm: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32}
// CHECK: [[@LINE-2]]:3 tensor-cores hazard semantic {tensor-core PTX: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32}
      : "=r"(d[0]) : "r"(a[0]), "r"(a[1]), "r"(a[2]));
}

__global__ void child(float* x) { x[threadIdx.x] *= 0.5f; }
// CHECK: [[@LINE-1]]:17 child kernel semantic {lines=1}

__global__ void parent(float* x, double scale) {
// CHECK: [[@LINE-1]]:17 parent kernel semantic {lines=11 hazards=dynamic-parallelism,fp64}
// CHECK: [[@LINE-2]]:41 fp64 hazard semantic {double-precision variable 'scale' in parent}
  if (threadIdx.x == 0) child<<<1, 32>>>(x);
// CHECK: [[@LINE-1]]:25 child kernel_launch semantic
// CHECK: [[@LINE-2]]:25 dynamic-parallelism hazard semantic {kernel child launched from device code (parent)}
  cudaDeviceSynchronize();
// CHECK: [[@LINE-1]]:3 cudaDeviceSynchronize function semantic
// CHECK: [[@LINE-2]]:3 dynamic-parallelism hazard semantic {cudaDeviceSynchronize called from device code (parent)}
  x[0] = x[0] * scale;
}

__global__ void accidental(float* x) { x[0] = x[0] * 0.5; }
// CHECK: [[@LINE-1]]:17 accidental kernel semantic {lines=1 hazards=fp64}
// CHECK: [[@LINE-2]]:52 fp64 hazard semantic {double-precision arithmetic in accidental}

void unified(size_t n) {
  float* p = nullptr;
  cudaMallocManaged(&p, n);
// CHECK: [[@LINE-1]]:3 cudaMallocManaged function semantic lib=cudart
// CHECK: [[@LINE-2]]:3 managed-memory hazard semantic {uses cudaMallocManaged}
  cudaMemPrefetchAsync(p, n, 0);
// CHECK: [[@LINE-1]]:3 cudaMemPrefetchAsync function semantic
// CHECK: [[@LINE-2]]:3 managed-memory hazard semantic {uses cudaMemPrefetchAsync}
  // A host double is no device hazard.
  double host = 0.5 * n;
  (void)host;
}
