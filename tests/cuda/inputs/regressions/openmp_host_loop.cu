// Regression from karpathy/llm.c: a CUDA file's host reference code uses OpenMP; the parse gets
// -fopenmp and Clang's own omp.h, as nvcc -Xcompiler -fopenmp would.
// CHECK-INPUT: semantic omp.h: parsed with -fopenmp and Clang's own omp.h
#include <omp.h>

void reference(float* out, const float* in, int n) {
  #pragma omp parallel for
  for (int i = 0; i < n; i++) out[i] = in[i] * omp_get_max_threads();
}

__global__ void kernel(float* out, const float* in) { out[threadIdx.x] = in[threadIdx.x]; }
// CHECK: [[@LINE-1]]:17 kernel kernel semantic lib=user {lines=1}
