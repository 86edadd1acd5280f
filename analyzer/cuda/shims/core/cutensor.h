/* opscope CUDA declaration shim, hand-written core of cuTENSOR.
 * Written by the opscope project from the public cuTENSOR names; not derived from NVIDIA's
 * headers. */
#ifndef OPSCOPE_CORE_CUTENSOR_H
#define OPSCOPE_CORE_CUTENSOR_H
#include "cudart.h"

#ifndef OPSCOPE_MORE_cutensorStatus
#define OPSCOPE_MORE_cutensorStatus
#endif
OPSCOPE_EXTERN_C_BEGIN
typedef enum { CUTENSOR_STATUS_SUCCESS = 0, CUTENSOR_STATUS_NOT_INITIALIZED = 1, CUTENSOR_STATUS_ALLOC_FAILED = 3,
  CUTENSOR_STATUS_INVALID_VALUE = 7, CUTENSOR_STATUS_ARCH_MISMATCH = 8, CUTENSOR_STATUS_EXECUTION_FAILED = 13,
  CUTENSOR_STATUS_INTERNAL_ERROR = 14, CUTENSOR_STATUS_NOT_SUPPORTED = 15 OPSCOPE_MORE_cutensorStatus } cutensorStatus_t;
const char* cutensorGetErrorString(cutensorStatus_t error);
OPSCOPE_EXTERN_C_END
#endif
