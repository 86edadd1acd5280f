// Libraries Debian does not package for HIP (hipBLAS, hipRAND): the rewritten names are checked
// against the opdb instead of compiled.
#include <cublas_v2.h>
// CHECK-DCU: #include <hipblas/hipblas.h>
#include <curand.h>
// CHECK-DCU: #include <hiprand/hiprand.h>

void gemm(const float* a, const float* b, float* c, int n) {
  cublasHandle_t handle;
  // CHECK-DCU: hipblasHandle_t handle;
  cublasCreate(&handle);
  // CHECK-DCU: hipblasCreate(&handle);
  const float one = 1.0f, zero = 0.0f;
  cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, n, n, n, &one, a, n, b, n, &zero, c, n);
  // CHECK-DCU: hipblasSgemm(handle, HIPBLAS_OP_N, HIPBLAS_OP_T, n, n, n, &one, a, n, b, n, &zero, c, n);
  cublasDestroy(handle);
  curandGenerator_t gen;
  // CHECK-DCU: hiprandGenerator_t gen;
  curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_DEFAULT);
  // CHECK-DCU: hiprandCreateGenerator(&gen, HIPRAND_RNG_PSEUDO_DEFAULT);
}
