/* opscope CUDA declaration shim, hand-written core of cuBLAS (v2 API).
 * Written by the opscope project from the public cuBLAS API names and signatures; not derived
 * from NVIDIA's headers. The names users write (cublasCreate, cublasSgemm) are declared as
 * functions next to their _v2 entry points, so findings carry the name as written. The shim
 * generator declares every other cuBLAS name of the opdb after this file. */
#ifndef OPSCOPE_CORE_CUBLAS_H
#define OPSCOPE_CORE_CUBLAS_H
/* The include guards of the toolkit's own headers, which code tests to see what is included. */
#define CUBLAS_API_H_
/* The library's API decoration macros (empty), defined only when its header is included. */
#define CUBLASAPI
#define CUBLASWINAPI
#include "cudart.h"

#ifndef OPSCOPE_MORE_cublasStatus
#define OPSCOPE_MORE_cublasStatus
#endif
#ifndef OPSCOPE_MORE_cublasComputeType
#define OPSCOPE_MORE_cublasComputeType
#endif
#ifndef OPSCOPE_MORE_cublasGemmAlgo
#define OPSCOPE_MORE_cublasGemmAlgo
#endif
#define CUBLAS_VER_MAJOR 12
#define CUBLAS_VER_MINOR 4
#define CUBLAS_VER_PATCH 5
#define CUBLAS_VER_BUILD 8
#define CUBLAS_VERSION (CUBLAS_VER_MAJOR * 10000 + CUBLAS_VER_MINOR * 100 + CUBLAS_VER_PATCH)

OPSCOPE_EXTERN_C_BEGIN
typedef struct cublasContext* cublasHandle_t;
typedef enum {
  CUBLAS_STATUS_SUCCESS = 0, CUBLAS_STATUS_NOT_INITIALIZED = 1, CUBLAS_STATUS_ALLOC_FAILED = 3,
  CUBLAS_STATUS_INVALID_VALUE = 7, CUBLAS_STATUS_ARCH_MISMATCH = 8, CUBLAS_STATUS_MAPPING_ERROR = 11,
  CUBLAS_STATUS_EXECUTION_FAILED = 13, CUBLAS_STATUS_INTERNAL_ERROR = 14, CUBLAS_STATUS_NOT_SUPPORTED = 15,
  CUBLAS_STATUS_LICENSE_ERROR = 16 OPSCOPE_MORE_cublasStatus
} cublasStatus_t;
typedef enum { CUBLAS_OP_N = 0, CUBLAS_OP_T = 1, CUBLAS_OP_C = 2 } cublasOperation_t;
typedef enum { CUBLAS_FILL_MODE_LOWER = 0, CUBLAS_FILL_MODE_UPPER = 1 } cublasFillMode_t;
typedef enum { CUBLAS_SIDE_LEFT = 0, CUBLAS_SIDE_RIGHT = 1 } cublasSideMode_t;
typedef enum { CUBLAS_DIAG_NON_UNIT = 0, CUBLAS_DIAG_UNIT = 1 } cublasDiagType_t;
typedef enum { CUBLAS_POINTER_MODE_HOST = 0, CUBLAS_POINTER_MODE_DEVICE = 1 } cublasPointerMode_t;
typedef enum { CUBLAS_DEFAULT_MATH = 0, CUBLAS_TENSOR_OP_MATH = 1, CUBLAS_PEDANTIC_MATH = 2, CUBLAS_TF32_TENSOR_OP_MATH = 3 } cublasMath_t;
typedef enum { CUBLAS_GEMM_DEFAULT = -1, CUBLAS_GEMM_DFALT = -1, CUBLAS_GEMM_ALGO0 = 0, CUBLAS_GEMM_DEFAULT_TENSOR_OP = 99,
  CUBLAS_GEMM_DFALT_TENSOR_OP = 99 OPSCOPE_MORE_cublasGemmAlgo } cublasGemmAlgo_t;
typedef enum { CUBLAS_COMPUTE_16F = 64, CUBLAS_COMPUTE_32F = 68, CUBLAS_COMPUTE_32F_FAST_TF32 = 77, CUBLAS_COMPUTE_64F = 70 OPSCOPE_MORE_cublasComputeType } cublasComputeType_t;
typedef enum { CUBLAS_ATOMICS_NOT_ALLOWED = 0, CUBLAS_ATOMICS_ALLOWED = 1 } cublasAtomicsMode_t;
typedef cudaDataType cublasDataType_t;

#define OPSCOPE_CUBLAS_PAIR(ret, name, params) ret name params; ret name##_v2 params;
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasCreate, (cublasHandle_t* handle))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasDestroy, (cublasHandle_t handle))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasSetStream, (cublasHandle_t handle, cudaStream_t streamId))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasGetStream, (cublasHandle_t handle, cudaStream_t* streamId))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasSetPointerMode, (cublasHandle_t handle, cublasPointerMode_t mode))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasGetVersion, (cublasHandle_t handle, int* version))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasSgemm, (cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const float* alpha, const float* A, int lda, const float* B, int ldb, const float* beta, float* C, int ldc))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasDgemm, (cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const double* alpha, const double* A, int lda, const double* B, int ldb, const double* beta, double* C, int ldc))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasSaxpy, (cublasHandle_t handle, int n, const float* alpha, const float* x, int incx, float* y, int incy))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasSscal, (cublasHandle_t handle, int n, const float* alpha, float* x, int incx))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasSdot, (cublasHandle_t handle, int n, const float* x, int incx, const float* y, int incy, float* result))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasSnrm2, (cublasHandle_t handle, int n, const float* x, int incx, float* result))
OPSCOPE_CUBLAS_PAIR(cublasStatus_t, cublasSgemv, (cublasHandle_t handle, cublasOperation_t trans, int m, int n, const float* alpha, const float* A, int lda, const float* x, int incx, const float* beta, float* y, int incy))
#undef OPSCOPE_CUBLAS_PAIR
cublasStatus_t cublasSetMathMode(cublasHandle_t handle, cublasMath_t mode);
cublasStatus_t cublasHgemm(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const void* alpha, const void* A, int lda, const void* B, int ldb, const void* beta, void* C, int ldc);
cublasStatus_t cublasGemmEx(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const void* alpha, const void* A, cudaDataType Atype, int lda, const void* B, cudaDataType Btype, int ldb, const void* beta, void* C, cudaDataType Ctype, int ldc, cublasComputeType_t computeType, cublasGemmAlgo_t algo);
cublasStatus_t cublasSgemmStridedBatched(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const float* alpha, const float* A, int lda, long long strideA, const float* B, int ldb, long long strideB, const float* beta, float* C, int ldc, long long strideC, int batchCount);
cublasStatus_t cublasGemmStridedBatchedEx(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const void* alpha, const void* A, cudaDataType Atype, int lda, long long strideA, const void* B, cudaDataType Btype, int ldb, long long strideB, const void* beta, void* C, cudaDataType Ctype, int ldc, long long strideC, int batchCount, cublasComputeType_t computeType, cublasGemmAlgo_t algo);
const char* cublasGetStatusString(cublasStatus_t status);
const char* cublasGetStatusName(cublasStatus_t status);
OPSCOPE_EXTERN_C_END
#endif
