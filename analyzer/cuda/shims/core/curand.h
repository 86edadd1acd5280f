/* opscope CUDA declaration shim, hand-written core of the cuRAND host API.
 * Written by the opscope project from the public cuRAND names; not derived from NVIDIA's headers. */
#ifndef OPSCOPE_CORE_CURAND_H
#define OPSCOPE_CORE_CURAND_H
/* The include guards of the toolkit's own headers, which code tests to see what is included. */
#define CURAND_H_
/* The library's API decoration macros (empty), defined only when its header is included. */
#define CURANDAPI
#include "cudart.h"

#ifndef OPSCOPE_MORE_curandStatus
#define OPSCOPE_MORE_curandStatus
#endif
#define CURAND_VER_MAJOR 10
#define CURAND_VER_MINOR 3
#define CURAND_VER_PATCH 5
#define CURAND_VERSION (CURAND_VER_MAJOR * 1000 + CURAND_VER_MINOR * 100 + CURAND_VER_PATCH)

OPSCOPE_EXTERN_C_BEGIN
typedef enum curandStatus {
  CURAND_STATUS_SUCCESS = 0, CURAND_STATUS_VERSION_MISMATCH = 100, CURAND_STATUS_NOT_INITIALIZED = 101,
  CURAND_STATUS_ALLOCATION_FAILED = 102, CURAND_STATUS_TYPE_ERROR = 103, CURAND_STATUS_OUT_OF_RANGE = 104,
  CURAND_STATUS_LENGTH_NOT_MULTIPLE = 105, CURAND_STATUS_DOUBLE_PRECISION_REQUIRED = 106,
  CURAND_STATUS_LAUNCH_FAILURE = 201, CURAND_STATUS_PREEXISTING_FAILURE = 202,
  CURAND_STATUS_INITIALIZATION_FAILED = 203, CURAND_STATUS_ARCH_MISMATCH = 204,
  CURAND_STATUS_INTERNAL_ERROR = 999 OPSCOPE_MORE_curandStatus
} curandStatus_t;
typedef struct curandGenerator_st* curandGenerator_t;
typedef struct curandDiscreteDistribution_st* curandDiscreteDistribution_t;
typedef int curandRngType_t;
typedef int curandOrdering_t;
typedef unsigned int curandDirectionVectors32_t[32];
typedef unsigned long long curandDirectionVectors64_t[64];
OPSCOPE_EXTERN_C_END
#endif
