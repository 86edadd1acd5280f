// gemm.cu - single-precision matrix multiply through cuBLAS.
#include <cstdio>
#include <cstdlib>

#include <cublas_v2.h>

#include "common.cuh"
#include "ops.cuh"

#define CUBLAS_CHECK(call)                                                    \
    do {                                                                      \
        cublasStatus_t st_ = (call);                                          \
        if (st_ != CUBLAS_STATUS_SUCCESS) {                                   \
            std::fprintf(stderr, "cuBLAS error %d at %s:%d: %s\n",            \
                         static_cast<int>(st_), __FILE__, __LINE__, #call);   \
            std::exit(EXIT_FAILURE);                                          \
        }                                                                     \
    } while (0)

void gemm_rowmajor(const float* d_a, const float* d_b, float* d_c, int m,
                   int n, int k, cudaStream_t stream) {
    // The application runs one GEMM, so the handle lives for this call only.
    // Long-running code should create it once and reuse it.
    cublasHandle_t handle = nullptr;
    CUBLAS_CHECK(cublasCreate(&handle));
    CUBLAS_CHECK(cublasSetStream(handle, stream));

    // cuBLAS is column-major. A row-major matrix is its transpose in
    // column-major order, so compute C^T = B^T * A^T: swap the operands and
    // the m/n extents, and no explicit transposition is needed.
    const float alpha = 1.0f;
    const float beta = 0.0f;
    CUBLAS_CHECK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N,
                             n, m, k,
                             &alpha,
                             d_b, n,   // B^T: n x k, leading dimension n
                             d_a, k,   // A^T: k x m, leading dimension k
                             &beta,
                             d_c, n)); // C^T: n x m, leading dimension n

    CUBLAS_CHECK(cublasDestroy(handle));
}
