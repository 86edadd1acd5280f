/* opscope CUDA declaration shim: the language prelude every CUDA shim header starts from.
 * Written by the opscope project from the public CUDA programming model (qualifiers, built-in
 * variables, vector types, dim3) so that CUDA sources parse with no toolkit installed. Not derived
 * from NVIDIA's headers. Declarations only: nothing here is meant to be compiled into a program. */
#ifndef OPSCOPE_CORE_PRELUDE_H
#define OPSCOPE_CORE_PRELUDE_H

#define __OPSCOPE_CUDA_SHIM__ 1
/* nvcc defines __CUDACC__ for CUDA sources (Clang's CUDA wrapper headers do, which the shims
 * replace); a .cpp file that includes these headers must not see it. __CUDA_ARCH__ stays undefined:
 * the scan is of the host side, device-only #if branches are scanned lexically. */
#if defined(__CUDA__) && !defined(__CUDACC__)
#define __CUDACC__ 1
#endif
/* The shims describe the CUDA 12.4 programming model; #if branches for newer toolkits stay
 * inactive and are scanned lexically. */
#ifndef CUDART_VERSION
#define CUDART_VERSION 12040
#endif
#ifndef CUDA_VERSION
#define CUDA_VERSION 12040
#endif
#ifndef __CUDACC_VER_MAJOR__
#define __CUDACC_VER_MAJOR__ 12
#define __CUDACC_VER_MINOR__ 4
#define __CUDACC_VER_BUILD__ 0
#endif

#define __host__ __attribute__((host))
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __managed__ __attribute__((managed))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#define __forceinline__ __inline__ __attribute__((always_inline))
/* Clang knows __noinline__ as a keyword in CUDA mode; elsewhere an empty macro keeps the
 * library's own __attribute__((__noinline__)) spellings (libstdc++) valid. */
#if !defined(__CUDA__) && !defined(__noinline__)
#define __noinline__
#endif
#define __inline_hint__
#define __align__(n) __attribute__((aligned(n)))
#define __builtin_align__(n) __attribute__((aligned(n)))
#define __restrict__ __restrict
#define __grid_constant__ __attribute__((grid_constant))
#define __cudart_builtin__
#define __device_builtin__
#define __CUDA_ALIGN__(n) __attribute__((aligned(n)))
#define CUDART_CB
#define CUDAAPI
#define CUDARTAPI
#define CUDART_DEVICE

#include <limits.h> /* driver_types.h brings INT_MAX and friends in */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

/* Functions the device runtime also offers to kernels (cudaMalloc, cudaGetLastError, ...). */
#if defined(__CUDA__)
#define OPSCOPE_HD __host__ __device__
#else
#define OPSCOPE_HD
#endif

#ifdef __cplusplus
#define OPSCOPE_DV(v) = v
#define OPSCOPE_EXTERN_C_BEGIN extern "C" {
#define OPSCOPE_EXTERN_C_END }
#define OPSCOPE_ANY_ARGS ...
/* What the generator declares for a name CUDA's headers define as a macro: a constant that reads
 * as an integer and can also be called like a function-like macro. */
struct opscope_constant {
  long long value;
  constexpr operator long long() const { return value; }
  template <class... A> constexpr long long operator()(A&&...) const { return value; }
};
#else
#define OPSCOPE_DV(v)
#define OPSCOPE_EXTERN_C_BEGIN
#define OPSCOPE_EXTERN_C_END
#define OPSCOPE_ANY_ARGS
#endif

/* Vector types */
struct char1 { signed char x; };
struct char2 { signed char x, y; };
struct char3 { signed char x, y, z; };
struct char4 { signed char x, y, z, w; };

struct uchar1 { unsigned char x; };
struct uchar2 { unsigned char x, y; };
struct uchar3 { unsigned char x, y, z; };
struct uchar4 { unsigned char x, y, z, w; };

struct short1 { short x; };
struct short2 { short x, y; };
struct short3 { short x, y, z; };
struct short4 { short x, y, z, w; };

struct ushort1 { unsigned short x; };
struct ushort2 { unsigned short x, y; };
struct ushort3 { unsigned short x, y, z; };
struct ushort4 { unsigned short x, y, z, w; };

struct int1 { int x; };
struct int2 { int x, y; };
struct int3 { int x, y, z; };
struct int4 { int x, y, z, w; };

struct uint1 { unsigned int x; };
struct uint2 { unsigned int x, y; };
struct uint3 { unsigned int x, y, z; };
struct uint4 { unsigned int x, y, z, w; };

struct long1 { long x; };
struct long2 { long x, y; };
struct long3 { long x, y, z; };
struct long4 { long x, y, z, w; };

struct ulong1 { unsigned long x; };
struct ulong2 { unsigned long x, y; };
struct ulong3 { unsigned long x, y, z; };
struct ulong4 { unsigned long x, y, z, w; };

struct longlong1 { long long x; };
struct longlong2 { long long x, y; };
struct longlong3 { long long x, y, z; };
struct longlong4 { long long x, y, z, w; };

struct ulonglong1 { unsigned long long x; };
struct ulonglong2 { unsigned long long x, y; };
struct ulonglong3 { unsigned long long x, y, z; };
struct ulonglong4 { unsigned long long x, y, z, w; };

struct float1 { float x; };
struct float2 { float x, y; };
struct float3 { float x, y, z; };
struct float4 { float x, y, z, w; };

struct double1 { double x; };
struct double2 { double x, y; };
struct double3 { double x, y, z; };
struct double4 { double x, y, z, w; };
#ifndef __cplusplus
typedef struct char1 char1; typedef struct char2 char2; typedef struct char3 char3; typedef struct char4 char4;
typedef struct uchar1 uchar1; typedef struct uchar2 uchar2; typedef struct uchar3 uchar3; typedef struct uchar4 uchar4;
typedef struct short1 short1; typedef struct short2 short2; typedef struct short3 short3; typedef struct short4 short4;
typedef struct ushort1 ushort1; typedef struct ushort2 ushort2; typedef struct ushort3 ushort3; typedef struct ushort4 ushort4;
typedef struct int1 int1; typedef struct int2 int2; typedef struct int3 int3; typedef struct int4 int4;
typedef struct uint1 uint1; typedef struct uint2 uint2; typedef struct uint3 uint3; typedef struct uint4 uint4;
typedef struct long1 long1; typedef struct long2 long2; typedef struct long3 long3; typedef struct long4 long4;
typedef struct ulong1 ulong1; typedef struct ulong2 ulong2; typedef struct ulong3 ulong3; typedef struct ulong4 ulong4;
typedef struct longlong1 longlong1; typedef struct longlong2 longlong2; typedef struct longlong3 longlong3; typedef struct longlong4 longlong4;
typedef struct ulonglong1 ulonglong1; typedef struct ulonglong2 ulonglong2; typedef struct ulonglong3 ulonglong3; typedef struct ulonglong4 ulonglong4;
typedef struct float1 float1; typedef struct float2 float2; typedef struct float3 float3; typedef struct float4 float4;
typedef struct double1 double1; typedef struct double2 double2; typedef struct double3 double3; typedef struct double4 double4;
#endif

#ifdef __cplusplus
struct dim3 {
  unsigned int x, y, z;
  __host__ __device__ constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
  __host__ __device__ constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
  __host__ __device__ constexpr operator uint3() const { return uint3{x, y, z}; }
};
#else
typedef struct dim3 { unsigned int x, y, z; } dim3;
#endif

/* Built-in variables of device code */
extern __device__ const uint3 threadIdx;
extern __device__ const uint3 blockIdx;
extern __device__ const dim3 blockDim;
extern __device__ const dim3 gridDim;
extern __device__ const int warpSize;

/* Vector constructors (vector_functions.h) */
static __inline__ __host__ __device__ struct char1 make_char1(signed char x) { struct char1 v = {x}; return v; }
static __inline__ __host__ __device__ struct char2 make_char2(signed char x, signed char y) { struct char2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct char3 make_char3(signed char x, signed char y, signed char z) { struct char3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct char4 make_char4(signed char x, signed char y, signed char z, signed char w) { struct char4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct uchar1 make_uchar1(unsigned char x) { struct uchar1 v = {x}; return v; }
static __inline__ __host__ __device__ struct uchar2 make_uchar2(unsigned char x, unsigned char y) { struct uchar2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct uchar3 make_uchar3(unsigned char x, unsigned char y, unsigned char z) { struct uchar3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct uchar4 make_uchar4(unsigned char x, unsigned char y, unsigned char z, unsigned char w) { struct uchar4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct short1 make_short1(short x) { struct short1 v = {x}; return v; }
static __inline__ __host__ __device__ struct short2 make_short2(short x, short y) { struct short2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct short3 make_short3(short x, short y, short z) { struct short3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct short4 make_short4(short x, short y, short z, short w) { struct short4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct ushort1 make_ushort1(unsigned short x) { struct ushort1 v = {x}; return v; }
static __inline__ __host__ __device__ struct ushort2 make_ushort2(unsigned short x, unsigned short y) { struct ushort2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct ushort3 make_ushort3(unsigned short x, unsigned short y, unsigned short z) { struct ushort3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct ushort4 make_ushort4(unsigned short x, unsigned short y, unsigned short z, unsigned short w) { struct ushort4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct int1 make_int1(int x) { struct int1 v = {x}; return v; }
static __inline__ __host__ __device__ struct int2 make_int2(int x, int y) { struct int2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct int3 make_int3(int x, int y, int z) { struct int3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct int4 make_int4(int x, int y, int z, int w) { struct int4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct uint1 make_uint1(unsigned int x) { struct uint1 v = {x}; return v; }
static __inline__ __host__ __device__ struct uint2 make_uint2(unsigned int x, unsigned int y) { struct uint2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct uint3 make_uint3(unsigned int x, unsigned int y, unsigned int z) { struct uint3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct uint4 make_uint4(unsigned int x, unsigned int y, unsigned int z, unsigned int w) { struct uint4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct long1 make_long1(long x) { struct long1 v = {x}; return v; }
static __inline__ __host__ __device__ struct long2 make_long2(long x, long y) { struct long2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct long3 make_long3(long x, long y, long z) { struct long3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct long4 make_long4(long x, long y, long z, long w) { struct long4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct ulong1 make_ulong1(unsigned long x) { struct ulong1 v = {x}; return v; }
static __inline__ __host__ __device__ struct ulong2 make_ulong2(unsigned long x, unsigned long y) { struct ulong2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct ulong3 make_ulong3(unsigned long x, unsigned long y, unsigned long z) { struct ulong3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct ulong4 make_ulong4(unsigned long x, unsigned long y, unsigned long z, unsigned long w) { struct ulong4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct longlong1 make_longlong1(long long x) { struct longlong1 v = {x}; return v; }
static __inline__ __host__ __device__ struct longlong2 make_longlong2(long long x, long long y) { struct longlong2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct longlong3 make_longlong3(long long x, long long y, long long z) { struct longlong3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct longlong4 make_longlong4(long long x, long long y, long long z, long long w) { struct longlong4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct ulonglong1 make_ulonglong1(unsigned long long x) { struct ulonglong1 v = {x}; return v; }
static __inline__ __host__ __device__ struct ulonglong2 make_ulonglong2(unsigned long long x, unsigned long long y) { struct ulonglong2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct ulonglong3 make_ulonglong3(unsigned long long x, unsigned long long y, unsigned long long z) { struct ulonglong3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct ulonglong4 make_ulonglong4(unsigned long long x, unsigned long long y, unsigned long long z, unsigned long long w) { struct ulonglong4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct float1 make_float1(float x) { struct float1 v = {x}; return v; }
static __inline__ __host__ __device__ struct float2 make_float2(float x, float y) { struct float2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct float3 make_float3(float x, float y, float z) { struct float3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct float4 make_float4(float x, float y, float z, float w) { struct float4 v = {x, y, z, w}; return v; }
static __inline__ __host__ __device__ struct double1 make_double1(double x) { struct double1 v = {x}; return v; }
static __inline__ __host__ __device__ struct double2 make_double2(double x, double y) { struct double2 v = {x, y}; return v; }
static __inline__ __host__ __device__ struct double3 make_double3(double x, double y, double z) { struct double3 v = {x, y, z}; return v; }
static __inline__ __host__ __device__ struct double4 make_double4(double x, double y, double z, double w) { struct double4 v = {x, y, z, w}; return v; }
#endif
