/* opscope CUDA declaration shim, hand-written core of cuda_fp8.h, cuda_fp6.h and cuda_fp4.h: the
 * narrow floating-point storage types and their interpretation enums. Written by the opscope
 * project from the public FP8/FP6/FP4 API; not derived from NVIDIA's headers. */
#ifndef OPSCOPE_CORE_FP8_H
#define OPSCOPE_CORE_FP8_H
#include "bf16.h"

typedef unsigned char __nv_fp8_storage_t;
typedef unsigned short __nv_fp8x2_storage_t;
typedef unsigned int __nv_fp8x4_storage_t;
typedef unsigned char __nv_fp6_storage_t;
typedef unsigned short __nv_fp6x2_storage_t;
typedef unsigned char __nv_fp4_storage_t;
typedef unsigned char __nv_fp4x2_storage_t;
typedef enum __nv_saturation_t { __NV_NOSAT, __NV_SATFINITE } __nv_saturation_t;
typedef enum __nv_fp8_interpretation_t { __NV_E4M3, __NV_E5M2 } __nv_fp8_interpretation_t;
typedef enum __nv_fp6_interpretation_t { __NV_E2M3, __NV_E3M2 } __nv_fp6_interpretation_t;
typedef enum __nv_fp4_interpretation_t { __NV_E2M1 } __nv_fp4_interpretation_t;

#ifdef __cplusplus
#define OPSCOPE_NARROW_FLOAT(name, storage)                                  \
  struct name {                                                              \
    storage __x;                                                             \
    name() = default;                                                        \
    __host__ __device__ explicit name(float f);                              \
    __host__ __device__ explicit name(double f);                             \
    __host__ __device__ explicit name(const __half f);                       \
    __host__ __device__ explicit name(const __nv_bfloat16 f);                \
    __host__ __device__ explicit name(int i);                                \
    __host__ __device__ explicit operator float() const;                     \
    __host__ __device__ explicit operator __half() const;                    \
    __host__ __device__ explicit operator __nv_bfloat16() const;             \
  };
OPSCOPE_NARROW_FLOAT(__nv_fp8_e4m3, __nv_fp8_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp8_e5m2, __nv_fp8_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp8_e8m0, __nv_fp8_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp8x2_e4m3, __nv_fp8x2_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp8x2_e5m2, __nv_fp8x2_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp8x4_e4m3, __nv_fp8x4_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp8x4_e5m2, __nv_fp8x4_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp6_e2m3, __nv_fp6_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp6_e3m2, __nv_fp6_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp4_e2m1, __nv_fp4_storage_t)
OPSCOPE_NARROW_FLOAT(__nv_fp4x2_e2m1, __nv_fp4x2_storage_t)
#undef OPSCOPE_NARROW_FLOAT

__host__ __device__ __nv_fp8_storage_t __nv_cvt_float_to_fp8(float x, __nv_saturation_t saturate, __nv_fp8_interpretation_t fp8_interpretation);
__host__ __device__ __nv_fp8_storage_t __nv_cvt_double_to_fp8(double x, __nv_saturation_t saturate, __nv_fp8_interpretation_t fp8_interpretation);
__host__ __device__ __nv_fp8x2_storage_t __nv_cvt_float2_to_fp8x2(float2 x, __nv_saturation_t saturate, __nv_fp8_interpretation_t fp8_interpretation);
__host__ __device__ __nv_fp8_storage_t __nv_cvt_halfraw_to_fp8(__half_raw x, __nv_saturation_t saturate, __nv_fp8_interpretation_t fp8_interpretation);
__host__ __device__ __nv_fp8_storage_t __nv_cvt_bfloat16raw_to_fp8(__nv_bfloat16_raw x, __nv_saturation_t saturate, __nv_fp8_interpretation_t fp8_interpretation);
__host__ __device__ __half_raw __nv_cvt_fp8_to_halfraw(__nv_fp8_storage_t x, __nv_fp8_interpretation_t fp8_interpretation);
__host__ __device__ __half2_raw __nv_cvt_fp8x2_to_halfraw2(__nv_fp8x2_storage_t x, __nv_fp8_interpretation_t fp8_interpretation);
#endif
#endif
