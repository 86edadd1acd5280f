// cuFFT, cuRAND (host and device API), cuSPARSE and cuSOLVER.
#include <cufft.h>  // CHECK: [[@LINE]]:11 cufft.h header lexical lib=cufft
#include <curand.h>  // CHECK: [[@LINE]]:11 curand.h header lexical lib=curand
#include <curand_kernel.h>
#include <cusparse.h>
#include <cusolverDn.h>

void fft(cufftComplex* data, int n) {
// CHECK: [[@LINE-1]]:10 cufftComplex type semantic lib=cufft
  cufftHandle plan;
// CHECK: [[@LINE-1]]:3 cufftHandle type semantic lib=cufft
  cufftPlan1d(&plan, n, CUFFT_C2C, 1);
// CHECK: [[@LINE-1]]:3 cufftPlan1d function semantic lib=cufft
// CHECK: [[@LINE-2]]:25 CUFFT_C2C enum_value semantic
  cufftExecC2C(plan, data, data, CUFFT_FORWARD);
// CHECK: [[@LINE-1]]:3 cufftExecC2C function semantic
// CHECK: [[@LINE-2]]:34 CUFFT_FORWARD macro semantic lib=cufft
  cufftDestroy(plan);
// CHECK: [[@LINE-1]]:3 cufftDestroy function semantic
}

void fillRandom(float* out, size_t n) {
  curandGenerator_t gen;
// CHECK: [[@LINE-1]]:3 curandGenerator_t type semantic lib=curand
  curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_DEFAULT);
// CHECK: [[@LINE-1]]:3 curandCreateGenerator function semantic lib=curand
// CHECK: [[@LINE-2]]:31 CURAND_RNG_PSEUDO_DEFAULT enum_value semantic
  curandGenerateUniform(gen, out, n);
// CHECK: [[@LINE-1]]:3 curandGenerateUniform function semantic
}

__global__ void noise(curandState* states, float* out) {
// CHECK: [[@LINE-1]]:17 noise kernel semantic {lines=9}
// CHECK: [[@LINE-2]]:23 curandState type semantic lib=curand_device
  int i = threadIdx.x;
  curand_init(1234, i, 0, &states[i]);
// CHECK: [[@LINE-1]]:3 curand_init function semantic lib=curand_device
  out[i] = curand_uniform(&states[i]);
// CHECK: [[@LINE-1]]:12 curand_uniform function semantic
}

void sparse(cusparseHandle_t h, cusparseSpMatDescr_t a) {
// CHECK: [[@LINE-1]]:13 cusparseHandle_t type semantic lib=cusparse
// CHECK: [[@LINE-2]]:33 cusparseSpMatDescr_t type semantic
  cusparseCreate(&h);
// CHECK: [[@LINE-1]]:3 cusparseCreate function semantic lib=cusparse
  size_t bytes = 0;
  cusparseSpMV_bufferSize(h, CUSPARSE_OPERATION_NON_TRANSPOSE, nullptr, a, nullptr, nullptr, nullptr, CUDA_R_32F,
// CHECK: [[@LINE-1]]:3 cusparseSpMV_bufferSize function semantic
// CHECK: [[@LINE-2]]:30 CUSPARSE_OPERATION_NON_TRANSPOSE enum_value semantic
// CHECK: [[@LINE-3]]:103 CUDA_R_32F enum_value semantic
                          CUSPARSE_SPMV_ALG_DEFAULT, &bytes);
// CHECK: [[@LINE-1]]:27 CUSPARSE_SPMV_ALG_DEFAULT enum_value semantic
}

int solve(cusolverDnHandle_t h, float* a, int n, int* piv, int* info) {
// CHECK: [[@LINE-1]]:11 cusolverDnHandle_t type semantic lib=cusolver
  int lwork = 0;
  cusolverDnSgetrf_bufferSize(h, n, n, a, n, &lwork);
// CHECK: [[@LINE-1]]:3 cusolverDnSgetrf_bufferSize function semantic lib=cusolver
  return cusolverDnSgetrf(h, n, n, a, n, nullptr, piv, info) == CUSOLVER_STATUS_SUCCESS;
// CHECK: [[@LINE-1]]:10 cusolverDnSgetrf function semantic
// CHECK: [[@LINE-2]]:65 CUSOLVER_STATUS_SUCCESS enum_value semantic
}
