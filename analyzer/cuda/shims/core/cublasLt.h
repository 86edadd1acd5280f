/* opscope CUDA declaration shim, hand-written core of cuBLASLt.
 * Written by the opscope project from the public cuBLASLt API names; not derived from NVIDIA's
 * headers. The generator declares the other cuBLASLt names of the opdb after this file. */
#ifndef OPSCOPE_CORE_CUBLASLT_H
#define OPSCOPE_CORE_CUBLASLT_H
#include "cublas.h"

OPSCOPE_EXTERN_C_BEGIN
typedef struct cublasLtContext* cublasLtHandle_t;
typedef struct cublasLtMatmulDescOpaque_st* cublasLtMatmulDesc_t;
typedef struct cublasLtMatrixLayoutOpaque_st* cublasLtMatrixLayout_t;
typedef struct cublasLtMatmulPreferenceOpaque_st* cublasLtMatmulPreference_t;
typedef struct cublasLtMatrixTransformDescOpaque_st* cublasLtMatrixTransformDesc_t;
typedef struct { unsigned long long data[8]; } cublasLtMatmulAlgo_t;
typedef struct {
  cublasLtMatmulAlgo_t algo;
  size_t workspaceSize;
  cublasStatus_t state;
  float wavesCount;
  int reserved[4];
} cublasLtMatmulHeuristicResult_t;
size_t cublasLtGetVersion(void);
size_t cublasLtGetCudartVersion(void);
const char* cublasLtGetStatusName(cublasStatus_t status);
const char* cublasLtGetStatusString(cublasStatus_t status);
OPSCOPE_EXTERN_C_END
#endif
