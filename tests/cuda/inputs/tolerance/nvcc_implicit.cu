// What nvcc gives every .cu file without an include: the device math library by its generic
// names, printf/malloc/free in device code, nvcc's atomics overloads; and what the library headers
// bring in (cublas_v2.h declares __half), old signatures and legacy cuDNN descriptors.
// CHECK-INPUT: semantic
#include <cublas_v2.h>
#include <cudnn.h>

__global__ void scale(float* x, double* y, float* sum, int n) {
// CHECK: [[@LINE-1]]:17 scale kernel semantic {lines=17 hazards=fp64}
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  y[i] = fabs(y[i]) + sqrt(x[i]);
// CHECK: [[@LINE-1]]:8 fp64 hazard semantic {double-precision arithmetic in scale}
// CHECK: [[@LINE-2]]:10 fabs intrinsic semantic lib=device_intrinsics
// CHECK: [[@LINE-3]]:23 sqrt intrinsic semantic lib=device_intrinsics
  atomicAdd(sum, 1);
// CHECK: [[@LINE-1]]:3 atomicAdd intrinsic semantic
  if (i == 0) printf("n=%d\n", n);
// CHECK: [[@LINE-1]]:15 printf intrinsic semantic lib=device_intrinsics
  void* scratch = malloc(16);
// CHECK: [[@LINE-1]]:19 malloc intrinsic semantic lib=device_intrinsics
  free(scratch);
// CHECK: [[@LINE-1]]:3 free intrinsic semantic lib=device_intrinsics
}

void capture(cudaGraph_t graph, cudaGraphExec_t* exec, half* h, cudnnFilterDescriptor_t filter) {
// CHECK: [[@LINE-1]]:14 cudaGraph_t type semantic
// CHECK: [[@LINE-2]]:14 cuda-graphs hazard semantic {uses cudaGraph_t}
// CHECK: [[@LINE-3]]:33 cudaGraphExec_t type semantic
// CHECK: [[@LINE-4]]:33 cuda-graphs hazard semantic {uses cudaGraphExec_t}
// CHECK: [[@LINE-5]]:56 half type semantic lib=cuda_fp16
// CHECK: [[@LINE-6]]:65 cudnnFilterDescriptor_t type semantic lib=cudnn
  cudaGraphInstantiate(exec, graph, NULL, NULL, 0);
// CHECK: [[@LINE-1]]:3 cudaGraphInstantiate function semantic
// CHECK: [[@LINE-2]]:3 cuda-graphs hazard semantic {uses cudaGraphInstantiate}
  (void)h;
  cudnnCreateFilterDescriptor(&filter);
// CHECK: [[@LINE-1]]:3 cudnnCreateFilterDescriptor function semantic lib=cudnn
}
