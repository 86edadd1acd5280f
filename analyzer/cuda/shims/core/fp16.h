/* opscope CUDA declaration shim, hand-written core of cuda_fp16.h: the __half and __half2 types
 * with their conversions and operators, and the conversion intrinsics whose result types matter.
 * Written by the opscope project from the public half-precision API; not derived from NVIDIA's
 * headers. The generator declares the other fp16 intrinsics of the opdb after this file. */
#ifndef OPSCOPE_CORE_FP16_H
#define OPSCOPE_CORE_FP16_H
#include "cudart.h"

typedef struct __align__(2) { unsigned short x; } __half_raw;
typedef struct __align__(4) { unsigned short x, y; } __half2_raw;
#ifdef __cplusplus
struct __align__(2) __half {
  __half() = default;
  __host__ __device__ constexpr __half(const __half_raw& r) : __x(r.x) {}
#if !defined(__CUDA_NO_HALF_CONVERSIONS__)
  __host__ __device__ __half(float f);
  __host__ __device__ __half(double f);
  __host__ __device__ __half(int i);
  __host__ __device__ __half(unsigned int i);
  __host__ __device__ __half(short i);
  __host__ __device__ __half(unsigned short i);
  __host__ __device__ __half(long long i);
  __host__ __device__ __half(unsigned long long i);
  __host__ __device__ operator float() const;
#endif
  __host__ __device__ operator __half_raw() const;
  __host__ __device__ __half& operator=(const __half_raw& r);
#if !defined(__CUDA_NO_HALF_CONVERSIONS__)
  __host__ __device__ __half& operator=(float v);
  __host__ __device__ __half& operator=(double v);
  __host__ __device__ __half& operator=(short v);
  __host__ __device__ __half& operator=(unsigned short v);
  __host__ __device__ __half& operator=(int v);
  __host__ __device__ __half& operator=(unsigned int v);
  __host__ __device__ __half& operator=(long long v);
  __host__ __device__ __half& operator=(unsigned long long v);
#endif
  unsigned short __x;
};
struct __align__(4) __half2 {
  __half x, y;
  __half2() = default;
  __host__ __device__ constexpr __half2(const __half& a, const __half& b) : x(a), y(b) {}
  __host__ __device__ __half2(const __half2_raw& r);
  __host__ __device__ operator __half2_raw() const;
};
/* Operators and implicit conversions, unless the build turns them off (PyTorch's does). */
#if !defined(__CUDA_NO_HALF_OPERATORS__)
__host__ __device__ __half operator+(const __half& a, const __half& b);
__host__ __device__ __half operator-(const __half& a, const __half& b);
__host__ __device__ __half operator*(const __half& a, const __half& b);
__host__ __device__ __half operator/(const __half& a, const __half& b);
__host__ __device__ __half operator-(const __half& a);
__host__ __device__ __half& operator+=(__half& a, const __half& b);
__host__ __device__ __half& operator-=(__half& a, const __half& b);
__host__ __device__ __half& operator*=(__half& a, const __half& b);
__host__ __device__ __half& operator/=(__half& a, const __half& b);
__host__ __device__ bool operator==(const __half& a, const __half& b);
__host__ __device__ bool operator!=(const __half& a, const __half& b);
__host__ __device__ bool operator<(const __half& a, const __half& b);
__host__ __device__ bool operator>(const __half& a, const __half& b);
__host__ __device__ bool operator<=(const __half& a, const __half& b);
__host__ __device__ bool operator>=(const __half& a, const __half& b);
#endif
#if !defined(__CUDA_NO_HALF2_OPERATORS__)
__host__ __device__ __half2 operator+(const __half2& a, const __half2& b);
__host__ __device__ __half2 operator-(const __half2& a, const __half2& b);
__host__ __device__ __half2 operator*(const __half2& a, const __half2& b);
__host__ __device__ __half2 operator/(const __half2& a, const __half2& b);
__host__ __device__ __half2& operator+=(__half2& a, const __half2& b);
__host__ __device__ __half2& operator*=(__half2& a, const __half2& b);
#endif
typedef __half half;
typedef __half2 half2;
#if defined(__CUDA__)
/* atomicAdd's overloads for the type and its pair: exact types, so arguments that convert match. */
__device__ __half atomicAdd(__half* address, __half val);
__device__ __half2 atomicAdd(__half2* address, __half2 val);
#endif

__host__ __device__ __half __float2half(float a);
__host__ __device__ __half __float2half_rn(float a);
__host__ __device__ __half __float2half_rz(float a);
__host__ __device__ __half __double2half(double a);
__host__ __device__ float __half2float(__half a);
__host__ __device__ __half2 __float2half2_rn(float a);
__host__ __device__ __half2 __floats2half2_rn(float a, float b);
__host__ __device__ __half2 __float22half2_rn(float2 a);
__host__ __device__ float2 __half22float2(__half2 a);
__host__ __device__ float __low2float(__half2 a);
__host__ __device__ float __high2float(__half2 a);
__host__ __device__ __half __low2half(__half2 a);
__host__ __device__ __half __high2half(__half2 a);
__host__ __device__ __half2 __halves2half2(__half a, __half b);
__host__ __device__ __half2 __half2half2(__half a);
__host__ __device__ __half2 __lows2half2(__half2 a, __half2 b);
__host__ __device__ __half2 __highs2half2(__half2 a, __half2 b);
__host__ __device__ __half2 make_half2(__half x, __half y);
__host__ __device__ __half2 __low2half2(__half2 a);
__host__ __device__ __half2 __high2half2(__half2 a);
__host__ __device__ __half2 __lowhigh2highlow(__half2 a);
__host__ __device__ int __half2int_rn(__half h);
__host__ __device__ int __half2int_rz(__half h);
__host__ __device__ __half __int2half_rn(int i);
__host__ __device__ unsigned short __half_as_ushort(__half h);
__host__ __device__ __half __ushort_as_half(unsigned short i);
__host__ __device__ short __half_as_short(__half h);
__host__ __device__ __half __short_as_half(short i);
__device__ bool __hisnan(__half a);
__device__ int __hisinf(__half a);
__device__ bool __heq(__half a, __half b);
__device__ bool __hlt(__half a, __half b);
__device__ bool __hgt(__half a, __half b);
__device__ bool __hle(__half a, __half b);
__device__ bool __hge(__half a, __half b);
__device__ bool __hbeq2(__half2 a, __half2 b);
#else
typedef struct __half { unsigned short __x; } __half;
typedef struct __half2 { __half x, y; } __half2;
#endif
#endif
