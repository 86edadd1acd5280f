/* opscope CUDA declaration shim, hand-written core of NCCL.
 * Written by the opscope project from the public NCCL API names; not derived from NVIDIA's
 * headers. The generator declares the other NCCL names of the opdb after this file. */
#ifndef OPSCOPE_CORE_NCCL_H
#define OPSCOPE_CORE_NCCL_H
/* The include guards of the toolkit's own headers, which code tests to see what is included. */
#define NCCL_H_
/* The library's API decoration macros (empty), defined only when its header is included. */
#define NCCL_API
#include "cudart.h"

#ifndef OPSCOPE_MORE_ncclResult
#define OPSCOPE_MORE_ncclResult
#endif
#ifndef OPSCOPE_MORE_ncclDataType
#define OPSCOPE_MORE_ncclDataType
#endif
#ifndef OPSCOPE_MORE_ncclRedOp
#define OPSCOPE_MORE_ncclRedOp
#endif
#define NCCL_MAJOR 2
#define NCCL_MINOR 21
#define NCCL_PATCH 5
#define NCCL_SUFFIX ""
#define NCCL_VERSION(X, Y, Z) (((X) <= 2 && (Y) <= 8) ? (X) * 1000 + (Y) * 100 + (Z) : (X) * 10000 + (Y) * 100 + (Z))
#define NCCL_VERSION_CODE NCCL_VERSION(NCCL_MAJOR, NCCL_MINOR, NCCL_PATCH)
#define NCCL_UNIQUE_ID_BYTES 128

OPSCOPE_EXTERN_C_BEGIN
typedef enum {
  ncclSuccess = 0, ncclUnhandledCudaError = 1, ncclSystemError = 2, ncclInternalError = 3,
  ncclInvalidArgument = 4, ncclInvalidUsage = 5, ncclRemoteError = 6, ncclInProgress = 7,
  ncclNumResults = 8 OPSCOPE_MORE_ncclResult
} ncclResult_t;
typedef enum {
  ncclInt8 = 0, ncclChar = 0, ncclUint8 = 1, ncclInt32 = 2, ncclInt = 2, ncclUint32 = 3, ncclInt64 = 4,
  ncclUint64 = 5, ncclFloat16 = 6, ncclHalf = 6, ncclFloat32 = 7, ncclFloat = 7, ncclFloat64 = 8,
  ncclDouble = 8, ncclBfloat16 = 9, ncclNumTypes = 10 OPSCOPE_MORE_ncclDataType
} ncclDataType_t;
typedef enum { ncclSum = 0, ncclProd = 1, ncclMax = 2, ncclMin = 3, ncclAvg = 4, ncclNumOps = 5, ncclMaxRedOp = 0x7fffffff OPSCOPE_MORE_ncclRedOp } ncclRedOp_t;
typedef struct ncclComm* ncclComm_t;
typedef struct { char internal[NCCL_UNIQUE_ID_BYTES]; } ncclUniqueId;
typedef struct ncclConfig_v21700 {
  size_t size;
  unsigned int magic, version;
  int blocking, cgaClusterSize, minCTAs, maxCTAs;
  const char* netName;
  int splitShare;
} ncclConfig_t;
#define NCCL_CONFIG_UNDEF_INT (-2147483647 - 1)
#define NCCL_CONFIG_UNDEF_PTR NULL
#define NCCL_CONFIG_INITIALIZER { sizeof(ncclConfig_t), 0xcafebeef, NCCL_VERSION_CODE, NCCL_CONFIG_UNDEF_INT, NCCL_CONFIG_UNDEF_INT, NCCL_CONFIG_UNDEF_INT, NCCL_CONFIG_UNDEF_INT, NCCL_CONFIG_UNDEF_PTR, NCCL_CONFIG_UNDEF_INT }
const char* ncclGetErrorString(ncclResult_t result);
const char* ncclGetLastError(ncclComm_t comm);
const char* pncclGetErrorString(ncclResult_t result);
const char* pncclGetLastError(ncclComm_t comm);
OPSCOPE_EXTERN_C_END
#endif
