/* opscope CUDA declaration shim, hand-written core of cuFFT.
 * Written by the opscope project from the public cuFFT API names; not derived from NVIDIA's
 * headers. The generator declares the other cuFFT names of the opdb after this file. */
#ifndef OPSCOPE_CORE_CUFFT_H
#define OPSCOPE_CORE_CUFFT_H
/* The include guards of the toolkit's own headers, which code tests to see what is included. */
#define _CUFFT_H_
/* The library's API decoration macros (empty), defined only when its header is included. */
#define CUFFTAPI
#include "cucomplex.h"

#ifndef OPSCOPE_MORE_cufftResult
#define OPSCOPE_MORE_cufftResult
#endif
#define CUFFT_VER_MAJOR 11
#define CUFFT_VER_MINOR 2
#define CUFFT_VER_PATCH 1
#define CUFFT_VERSION (CUFFT_VER_MAJOR * 1000 + CUFFT_VER_MINOR * 100 + CUFFT_VER_PATCH)

OPSCOPE_EXTERN_C_BEGIN
typedef enum cufftResult_t {
  CUFFT_SUCCESS = 0, CUFFT_INVALID_PLAN = 1, CUFFT_ALLOC_FAILED = 2, CUFFT_INVALID_TYPE = 3,
  CUFFT_INVALID_VALUE = 4, CUFFT_INTERNAL_ERROR = 5, CUFFT_EXEC_FAILED = 6, CUFFT_SETUP_FAILED = 7,
  CUFFT_INVALID_SIZE = 8, CUFFT_UNALIGNED_DATA = 9, CUFFT_INCOMPLETE_PARAMETER_LIST = 10,
  CUFFT_INVALID_DEVICE = 11, CUFFT_PARSE_ERROR = 12, CUFFT_NO_WORKSPACE = 13, CUFFT_NOT_IMPLEMENTED = 14,
  CUFFT_LICENSE_ERROR = 15, CUFFT_NOT_SUPPORTED = 16 OPSCOPE_MORE_cufftResult
} cufftResult;
typedef int cufftHandle;
typedef float cufftReal;
typedef double cufftDoubleReal;
typedef cuComplex cufftComplex;
typedef cuDoubleComplex cufftDoubleComplex;
typedef enum cufftType_t { CUFFT_R2C = 0x2a, CUFFT_C2R = 0x2c, CUFFT_C2C = 0x29, CUFFT_D2Z = 0x6a, CUFFT_Z2D = 0x6c, CUFFT_Z2Z = 0x69 } cufftType;
#define CUFFT_FORWARD -1
#define CUFFT_INVERSE 1
OPSCOPE_EXTERN_C_END
#endif
