/* opscope CUDA declaration shim: language prelude.
 * Written by the opscope project from the public names of the CUDA programming model so that
 * CUDA sources parse with no CUDA toolkit installed. Not derived from NVIDIA's headers.
 * Declarations only: nothing here is meant to be compiled into a program. */
#ifndef OPSCOPE_CUDA_PRELUDE_H
#define OPSCOPE_CUDA_PRELUDE_H

#define __OPSCOPE_CUDA_SHIM__ 1
#ifndef __CUDACC__
#define __CUDACC__ 1
#endif
#ifndef CUDART_VERSION
#define CUDART_VERSION 12040
#endif
#ifndef CUDA_VERSION
#define CUDA_VERSION 12040
#endif

#define __host__ __attribute__((host))
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __managed__ __attribute__((managed))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#define __forceinline__ inline __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __align__(n) __attribute__((aligned(n)))
#define __restrict__ __restrict
#define __grid_constant__ __attribute__((grid_constant))
#define CUDART_CB
#define CUDAAPI
#define CUDARTAPI
#define CUBLASWINAPI
#define CUDNNWINAPI

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct uint3 { unsigned int x, y, z; };
struct int3 { int x, y, z; };
struct float2 { float x, y; };
struct float3 { float x, y, z; };
struct float4 { float x, y, z, w; };
struct double2 { double x, y; };
struct int2 { int x, y; };
struct int4 { int x, y, z, w; };
struct uint2 { unsigned int x, y; };
struct uint4 { unsigned int x, y, z, w; };
struct char4 { signed char x, y, z, w; };
struct uchar4 { unsigned char x, y, z, w; };
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
typedef struct uint3 uint3;
typedef struct float2 float2;
typedef struct float4 float4;

extern __device__ const uint3 threadIdx;
extern __device__ const uint3 blockIdx;
extern __device__ const dim3 blockDim;
extern __device__ const dim3 gridDim;
extern __device__ const int warpSize;

#endif
