/* opscope CUDA declaration shim, hand-written core of NVRTC.
 * Written by the opscope project from the public NVRTC names; not derived from NVIDIA's headers. */
#ifndef OPSCOPE_CORE_NVRTC_H
#define OPSCOPE_CORE_NVRTC_H
/* The include guards of the toolkit's own headers, which code tests to see what is included. */
#define __NVRTC_H__
#include "prelude.h"

#ifndef OPSCOPE_MORE_nvrtcResult
#define OPSCOPE_MORE_nvrtcResult
#endif
OPSCOPE_EXTERN_C_BEGIN
typedef enum {
  NVRTC_SUCCESS = 0, NVRTC_ERROR_OUT_OF_MEMORY = 1, NVRTC_ERROR_PROGRAM_CREATION_FAILURE = 2,
  NVRTC_ERROR_INVALID_INPUT = 3, NVRTC_ERROR_INVALID_PROGRAM = 4, NVRTC_ERROR_INVALID_OPTION = 5,
  NVRTC_ERROR_COMPILATION = 6, NVRTC_ERROR_BUILTIN_OPERATION_FAILURE = 7,
  NVRTC_ERROR_INTERNAL_ERROR = 11 OPSCOPE_MORE_nvrtcResult
} nvrtcResult;
typedef struct _nvrtcProgram* nvrtcProgram;
const char* nvrtcGetErrorString(nvrtcResult result);
OPSCOPE_EXTERN_C_END
#endif
