/* opscope CUDA declaration shim, hand-written core of cuSOLVER (dense, sparse, refactorization).
 * Written by the opscope project from the public cuSOLVER names; not derived from NVIDIA's
 * headers. The generator declares the other cuSOLVER names of the opdb after this file. */
#ifndef OPSCOPE_CORE_CUSOLVER_H
#define OPSCOPE_CORE_CUSOLVER_H
/* The include guards of the toolkit's own headers, which code tests to see what is included. */
#define CUSOLVER_COMMON_H_
/* The library's API decoration macros (empty), defined only when its header is included. */
#define CUSOLVERAPI
#include "cublas.h"
#include "cusparse.h"

#ifndef OPSCOPE_MORE_cusolverStatus
#define OPSCOPE_MORE_cusolverStatus
#endif
#define CUSOLVER_VER_MAJOR 11
#define CUSOLVER_VER_MINOR 6
#define CUSOLVER_VER_PATCH 1
#define CUSOLVER_VERSION (CUSOLVER_VER_MAJOR * 1000 + CUSOLVER_VER_MINOR * 100 + CUSOLVER_VER_PATCH)

OPSCOPE_EXTERN_C_BEGIN
typedef enum {
  CUSOLVER_STATUS_SUCCESS = 0, CUSOLVER_STATUS_NOT_INITIALIZED = 1, CUSOLVER_STATUS_ALLOC_FAILED = 2,
  CUSOLVER_STATUS_INVALID_VALUE = 3, CUSOLVER_STATUS_ARCH_MISMATCH = 4, CUSOLVER_STATUS_MAPPING_ERROR = 5,
  CUSOLVER_STATUS_EXECUTION_FAILED = 6, CUSOLVER_STATUS_INTERNAL_ERROR = 7,
  CUSOLVER_STATUS_MATRIX_TYPE_NOT_SUPPORTED = 8, CUSOLVER_STATUS_NOT_SUPPORTED = 9,
  CUSOLVER_STATUS_ZERO_PIVOT = 10, CUSOLVER_STATUS_INVALID_LICENSE = 11 OPSCOPE_MORE_cusolverStatus
} cusolverStatus_t;
typedef struct cusolverDnContext* cusolverDnHandle_t;
typedef struct cusolverSpContext* cusolverSpHandle_t;
typedef struct cusolverRfCommon* cusolverRfHandle_t;
typedef struct syevjInfo* syevjInfo_t;
typedef struct gesvdjInfo* gesvdjInfo_t;
typedef struct cusolverDnParams* cusolverDnParams_t;
OPSCOPE_EXTERN_C_END
#endif
