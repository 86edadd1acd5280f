/* opscope CUDA declaration shim, hand-written core of cuSPARSE.
 * Written by the opscope project from the public cuSPARSE names; not derived from NVIDIA's
 * headers. The generator declares the other cuSPARSE names of the opdb after this file. */
#ifndef OPSCOPE_CORE_CUSPARSE_H
#define OPSCOPE_CORE_CUSPARSE_H
/* The include guards of the toolkit's own headers, which code tests to see what is included. */
#define CUSPARSE_H_
/* The library's API decoration macros (empty), defined only when its header is included. */
#define CUSPARSEAPI
#include "cudart.h"

#ifndef OPSCOPE_MORE_cusparseStatus
#define OPSCOPE_MORE_cusparseStatus
#endif
#define CUSPARSE_VER_MAJOR 12
#define CUSPARSE_VER_MINOR 3
#define CUSPARSE_VER_PATCH 0
#define CUSPARSE_VERSION (CUSPARSE_VER_MAJOR * 1000 + CUSPARSE_VER_MINOR * 100 + CUSPARSE_VER_PATCH)

OPSCOPE_EXTERN_C_BEGIN
typedef enum {
  CUSPARSE_STATUS_SUCCESS = 0, CUSPARSE_STATUS_NOT_INITIALIZED = 1, CUSPARSE_STATUS_ALLOC_FAILED = 2,
  CUSPARSE_STATUS_INVALID_VALUE = 3, CUSPARSE_STATUS_ARCH_MISMATCH = 4, CUSPARSE_STATUS_MAPPING_ERROR = 5,
  CUSPARSE_STATUS_EXECUTION_FAILED = 6, CUSPARSE_STATUS_INTERNAL_ERROR = 7,
  CUSPARSE_STATUS_MATRIX_TYPE_NOT_SUPPORTED = 8, CUSPARSE_STATUS_ZERO_PIVOT = 9,
  CUSPARSE_STATUS_NOT_SUPPORTED = 10, CUSPARSE_STATUS_INSUFFICIENT_RESOURCES = 11 OPSCOPE_MORE_cusparseStatus
} cusparseStatus_t;
typedef struct cusparseContext* cusparseHandle_t;
typedef struct cusparseMatDescr* cusparseMatDescr_t;
const char* cusparseGetErrorName(cusparseStatus_t status);
const char* cusparseGetErrorString(cusparseStatus_t status);
OPSCOPE_EXTERN_C_END
#endif
