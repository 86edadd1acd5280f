/* opscope CUDA declaration shim, hand-written core of cuda_bf16.h: __nv_bfloat16 and
 * __nv_bfloat162 with their conversions and operators. Written by the opscope project from the
 * public bfloat16 API; not derived from NVIDIA's headers. */
#ifndef OPSCOPE_CORE_BF16_H
#define OPSCOPE_CORE_BF16_H
#include "fp16.h"

typedef struct __align__(2) { unsigned short x; } __nv_bfloat16_raw;
typedef struct __align__(4) { unsigned short x, y; } __nv_bfloat162_raw;
#ifdef __cplusplus
struct __align__(2) __nv_bfloat16 {
  __nv_bfloat16() = default;
  __host__ __device__ constexpr __nv_bfloat16(const __nv_bfloat16_raw& r) : __x(r.x) {}
#if !defined(__CUDA_NO_BFLOAT16_CONVERSIONS__)
  __host__ __device__ __nv_bfloat16(float f);
  __host__ __device__ __nv_bfloat16(double f);
  __host__ __device__ __nv_bfloat16(int i);
  __host__ __device__ __nv_bfloat16(unsigned int i);
  __host__ __device__ __nv_bfloat16(short i);
  __host__ __device__ __nv_bfloat16(unsigned short i);
  __host__ __device__ __nv_bfloat16(long long i);
  __host__ __device__ __nv_bfloat16(unsigned long long i);
  __host__ __device__ operator float() const;
#endif
  __host__ __device__ operator __nv_bfloat16_raw() const;
  __host__ __device__ __nv_bfloat16& operator=(const __nv_bfloat16_raw& r);
#if !defined(__CUDA_NO_BFLOAT16_CONVERSIONS__)
  __host__ __device__ __nv_bfloat16& operator=(float v);
  __host__ __device__ __nv_bfloat16& operator=(double v);
  __host__ __device__ __nv_bfloat16& operator=(short v);
  __host__ __device__ __nv_bfloat16& operator=(unsigned short v);
  __host__ __device__ __nv_bfloat16& operator=(int v);
  __host__ __device__ __nv_bfloat16& operator=(unsigned int v);
  __host__ __device__ __nv_bfloat16& operator=(long long v);
  __host__ __device__ __nv_bfloat16& operator=(unsigned long long v);
#endif
  unsigned short __x;
};
struct __align__(4) __nv_bfloat162 {
  __nv_bfloat16 x, y;
  __nv_bfloat162() = default;
  __host__ __device__ constexpr __nv_bfloat162(const __nv_bfloat16& a, const __nv_bfloat16& b) : x(a), y(b) {}
  __host__ __device__ __nv_bfloat162(const __nv_bfloat162_raw& r);
  __host__ __device__ operator __nv_bfloat162_raw() const;
};
/* Operators and implicit conversions, unless the build turns them off (PyTorch's does). */
#if !defined(__CUDA_NO_BFLOAT16_OPERATORS__)
__host__ __device__ __nv_bfloat16 operator+(const __nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ __nv_bfloat16 operator-(const __nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ __nv_bfloat16 operator*(const __nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ __nv_bfloat16 operator/(const __nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ __nv_bfloat16 operator-(const __nv_bfloat16& a);
__host__ __device__ __nv_bfloat16& operator+=(__nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ __nv_bfloat16& operator*=(__nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ bool operator==(const __nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ bool operator!=(const __nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ bool operator<(const __nv_bfloat16& a, const __nv_bfloat16& b);
__host__ __device__ bool operator>(const __nv_bfloat16& a, const __nv_bfloat16& b);
#endif
#if !defined(__CUDA_NO_BFLOAT162_OPERATORS__)
__host__ __device__ __nv_bfloat162 operator+(const __nv_bfloat162& a, const __nv_bfloat162& b);
__host__ __device__ __nv_bfloat162 operator*(const __nv_bfloat162& a, const __nv_bfloat162& b);
#endif
typedef __nv_bfloat16 nv_bfloat16;
typedef __nv_bfloat162 nv_bfloat162;
#if defined(__CUDA__)
/* atomicAdd's overloads for the type and its pair: exact types, so arguments that convert match. */
__device__ __nv_bfloat16 atomicAdd(__nv_bfloat16* address, __nv_bfloat16 val);
__device__ __nv_bfloat162 atomicAdd(__nv_bfloat162* address, __nv_bfloat162 val);
#endif

__host__ __device__ __nv_bfloat16 __float2bfloat16(float a);
__host__ __device__ __nv_bfloat16 __float2bfloat16_rn(float a);
__host__ __device__ __nv_bfloat16 __float2bfloat16_rz(float a);
__host__ __device__ __nv_bfloat16 __double2bfloat16(double a);
__host__ __device__ float __bfloat162float(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat162 __float2bfloat162_rn(float a);
__host__ __device__ __nv_bfloat162 __floats2bfloat162_rn(float a, float b);
__host__ __device__ __nv_bfloat162 __float22bfloat162_rn(float2 a);
__host__ __device__ float2 __bfloat1622float2(__nv_bfloat162 a);
__host__ __device__ float __low2float(__nv_bfloat162 a);
__host__ __device__ float __high2float(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat16 __low2bfloat16(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat16 __high2bfloat16(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat162 __halves2bfloat162(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat162 __bfloat162bfloat162(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat162 make_bfloat162(__nv_bfloat16 x, __nv_bfloat16 y);
__host__ __device__ unsigned short __bfloat16_as_ushort(__nv_bfloat16 h);
__host__ __device__ __nv_bfloat16 __ushort_as_bfloat16(unsigned short i);
#else
typedef struct __nv_bfloat16 { unsigned short __x; } __nv_bfloat16;
typedef struct __nv_bfloat162 { __nv_bfloat16 x, y; } __nv_bfloat162;
#endif
#endif
