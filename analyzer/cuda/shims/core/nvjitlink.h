/* opscope CUDA declaration shim, hand-written core of nvJitLink.
 * Written by the opscope project from the public nvJitLink names; not derived from NVIDIA's
 * headers. */
#ifndef OPSCOPE_CORE_NVJITLINK_H
#define OPSCOPE_CORE_NVJITLINK_H
#include "prelude.h"

#ifndef OPSCOPE_MORE_nvJitLinkResult
#define OPSCOPE_MORE_nvJitLinkResult
#endif
OPSCOPE_EXTERN_C_BEGIN
typedef enum { NVJITLINK_SUCCESS = 0, NVJITLINK_ERROR_UNRECOGNIZED_OPTION = 1, NVJITLINK_ERROR_MISSING_ARCH = 2,
  NVJITLINK_ERROR_INVALID_INPUT = 3, NVJITLINK_ERROR_PTX_COMPILE = 4, NVJITLINK_ERROR_NVVM_COMPILE = 5,
  NVJITLINK_ERROR_INTERNAL = 6 OPSCOPE_MORE_nvJitLinkResult } nvJitLinkResult;
typedef struct nvJitLink* nvJitLinkHandle;
OPSCOPE_EXTERN_C_END
#endif
