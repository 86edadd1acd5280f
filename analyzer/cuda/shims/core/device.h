/* opscope CUDA declaration shim, hand-written core of the device built-ins and intrinsics.
 * Written by the opscope project from the public names and signatures of the CUDA device
 * intrinsics so that kernels parse with no toolkit installed. Not derived from NVIDIA's headers.
 * The ones whose result type matters to the code around them are declared here with it; the shim
 * generator declares the rest of the opdb's device intrinsics after this file. */
#ifndef OPSCOPE_CORE_DEVICE_H
#define OPSCOPE_CORE_DEVICE_H
#include "cudart.h"

/* What cuda_runtime.h brings in with the toolkit, through crt/common_functions.h and
 * crt/math_functions.h: the C library headers whose functions device code shares with the host
 * (assert, printf, malloc, memcpy, clock, the math library), and in C++ their <c...> forms, <new>
 * and <utility> (cuda_runtime.h's launch templates forward their arguments). Code that calls
 * sqrtf, INFINITY, clock_gettime or std::forward without including these builds with nvcc. */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __cplusplus
#include <cmath>
#include <cstdlib>
#include <new>
#include <utility>
#endif

/* Device code exists in CUDA mode only; a .cpp file including cuda_runtime.h sees none of it. */
#if defined(__cplusplus) && defined(__CUDA__)
/* Synchronisation and memory fences */
__device__ void __syncthreads(void);
/* Sets a conditional graph node's value from device code (cuda_device_runtime_api.h). */
__device__ void cudaGraphSetConditional(cudaGraphConditionalHandle handle, unsigned int value);
__device__ int __syncthreads_count(int predicate);
__device__ int __syncthreads_and(int predicate);
__device__ int __syncthreads_or(int predicate);
__device__ void __syncwarp(unsigned int mask = 0xffffffffu);
__device__ void __threadfence(void);
__device__ void __threadfence_block(void);
__device__ void __threadfence_system(void);
__device__ void __nanosleep(unsigned int ns);
__device__ long long clock64(void);
__device__ long long clock(void) noexcept;

/* Warp vote, shuffle, match, reduce */
__device__ unsigned int __activemask(void);
__device__ unsigned int __ballot_sync(unsigned int mask, int predicate);
__device__ int __all_sync(unsigned int mask, int predicate);
__device__ int __any_sync(unsigned int mask, int predicate);
__device__ int __uni_sync(unsigned int mask, int predicate);
template <class T> __device__ T __shfl_sync(unsigned int mask, T var, int srcLane, int width = 32);
template <class T> __device__ T __shfl_up_sync(unsigned int mask, T var, unsigned int delta, int width = 32);
template <class T> __device__ T __shfl_down_sync(unsigned int mask, T var, unsigned int delta, int width = 32);
template <class T> __device__ T __shfl_xor_sync(unsigned int mask, T var, int laneMask, int width = 32);
template <class T> __device__ T __shfl(T var, int srcLane, int width = 32);
template <class T> __device__ T __shfl_down(T var, unsigned int delta, int width = 32);
template <class T> __device__ T __shfl_up(T var, unsigned int delta, int width = 32);
template <class T> __device__ T __shfl_xor(T var, int laneMask, int width = 32);
template <class T> __device__ unsigned int __match_any_sync(unsigned int mask, T value);
template <class T> __device__ unsigned int __match_all_sync(unsigned int mask, T value, int* pred);
__device__ unsigned int __reduce_add_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_min_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_max_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_and_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_or_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_xor_sync(unsigned int mask, unsigned int value);

/* Atomics */
template <class T> __device__ T atomicAdd(T* address, T val);
template <class T> __device__ T atomicSub(T* address, T val);
template <class T> __device__ T atomicExch(T* address, T val);
template <class T> __device__ T atomicMin(T* address, T val);
template <class T> __device__ T atomicMax(T* address, T val);
template <class T> __device__ T atomicAnd(T* address, T val);
template <class T> __device__ T atomicOr(T* address, T val);
template <class T> __device__ T atomicXor(T* address, T val);
template <class T> __device__ T atomicCAS(T* address, T compare, T val);
__device__ unsigned int atomicInc(unsigned int* address, unsigned int val);
__device__ unsigned int atomicDec(unsigned int* address, unsigned int val);
template <class T> __device__ T atomicAdd_block(T* address, T val);
template <class T> __device__ T atomicAdd_system(T* address, T val);
/* The concrete overloads, so that a value of another arithmetic type converts as with nvcc
 * (atomicAdd(float*, int)); the templates above take what they do not cover (__half). */
__device__ int atomicAdd(int* address, int val); __device__ unsigned int atomicAdd(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicAdd(unsigned long long* address, unsigned long long val); __device__ float atomicAdd(float* address, float val); __device__ double atomicAdd(double* address, double val);
__device__ int atomicSub(int* address, int val); __device__ unsigned int atomicSub(unsigned int* address, unsigned int val);
__device__ int atomicExch(int* address, int val); __device__ unsigned int atomicExch(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicExch(unsigned long long* address, unsigned long long val); __device__ float atomicExch(float* address, float val);
__device__ int atomicMin(int* address, int val); __device__ unsigned int atomicMin(unsigned int* address, unsigned int val);
__device__ long long atomicMin(long long* address, long long val); __device__ unsigned long long atomicMin(unsigned long long* address, unsigned long long val);
__device__ int atomicMax(int* address, int val); __device__ unsigned int atomicMax(unsigned int* address, unsigned int val);
__device__ long long atomicMax(long long* address, long long val); __device__ unsigned long long atomicMax(unsigned long long* address, unsigned long long val);
__device__ int atomicAnd(int* address, int val); __device__ unsigned int atomicAnd(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicAnd(unsigned long long* address, unsigned long long val);
__device__ int atomicOr(int* address, int val); __device__ unsigned int atomicOr(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicOr(unsigned long long* address, unsigned long long val);
__device__ int atomicXor(int* address, int val); __device__ unsigned int atomicXor(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicXor(unsigned long long* address, unsigned long long val);
__device__ int atomicCAS(int* address, int compare, int val);
__device__ unsigned int atomicCAS(unsigned int* address, unsigned int compare, unsigned int val);
__device__ unsigned long long atomicCAS(unsigned long long* address, unsigned long long compare, unsigned long long val);

/* Read-only and cache-hinted loads */
template <class T> __device__ T __ldg(const T* ptr);
template <class T> __device__ T __ldcg(const T* ptr);
template <class T> __device__ T __ldca(const T* ptr);
template <class T> __device__ T __ldcs(const T* ptr);
template <class T> __device__ void __stcg(T* ptr, T value);
template <class T> __device__ void __stcs(T* ptr, T value);

/* Integer intrinsics */
__device__ int __popc(unsigned int x);
__device__ int __popcll(unsigned long long x);
__device__ int __clz(int x);
__device__ int __clzll(long long x);
__device__ int __ffs(int x);
__device__ int __ffsll(long long x);
__device__ unsigned int __brev(unsigned int x);
__device__ int __mul24(int x, int y);
__device__ int __mulhi(int x, int y);
__device__ unsigned int __umulhi(unsigned int x, unsigned int y);
__device__ unsigned int __funnelshift_l(unsigned int lo, unsigned int hi, unsigned int shift);
__device__ unsigned int __funnelshift_r(unsigned int lo, unsigned int hi, unsigned int shift);
__device__ int __dp4a(int srcA, int srcB, int c);
__device__ unsigned int __byte_perm(unsigned int x, unsigned int y, unsigned int s);

/* Fast-math intrinsics */
__device__ float __expf(float x);
__device__ float __exp10f(float x);
__device__ float __logf(float x);
__device__ float __log2f(float x);
__device__ float __log10f(float x);
__device__ float __sinf(float x);
__device__ float __cosf(float x);
__device__ float __tanf(float x);
__device__ void __sincosf(float x, float* s, float* c);
__device__ float __powf(float x, float y);
__device__ float __fdividef(float x, float y);
__device__ float __frcp_rn(float x);
__device__ float __fsqrt_rn(float x);
__device__ float __frsqrt_rn(float x);
__device__ float __saturatef(float x);
__device__ float __fmaf_rn(float x, float y, float z);
__device__ float __fmul_rn(float x, float y);
__device__ float __fadd_rn(float x, float y);
__device__ double __dmul_rn(double x, double y);
__device__ double __fma_rn(double x, double y, double z);
__device__ int __float2int_rn(float x);
__device__ int __float2int_rz(float x);
__device__ unsigned int __float_as_uint(float x);
__device__ float __uint_as_float(unsigned int x);
__device__ int __float_as_int(float x);
__device__ float __int_as_float(int x);
__device__ long long __double_as_longlong(double x);
__device__ double __longlong_as_double(long long x);

__device__ float rsqrtf(float x);
__device__ float fdividef(float x, float y);

/* Device overloads of the C math library, as nvcc provides them. */
__device__ float acosf(float x);
__device__ float acoshf(float x);
__device__ float asinf(float x);
__device__ float asinhf(float x);
__device__ float atanf(float x);
__device__ float atanhf(float x);
__device__ float cbrtf(float x);
__device__ float ceilf(float x);
__device__ float cosf(float x);
__device__ float coshf(float x);
__device__ float erff(float x);
__device__ float erfcf(float x);
__device__ float erfinvf(float x);
__device__ float exp2f(float x);
__device__ float expf(float x);
__device__ float expm1f(float x);
__device__ float fabsf(float x);
__device__ float floorf(float x);
__device__ float lgammaf(float x);
__device__ float log10f(float x);
__device__ float log1pf(float x);
__device__ float log2f(float x);
__device__ float logbf(float x);
__device__ float logf(float x);
__device__ float nearbyintf(float x);
__device__ float rintf(float x);
__device__ float roundf(float x);
__device__ float sinf(float x);
__device__ float sinhf(float x);
__device__ float sqrtf(float x);
__device__ float tanf(float x);
__device__ float tanhf(float x);
__device__ float tgammaf(float x);
__device__ float truncf(float x);
__device__ float normcdff(float x);
__device__ float rcbrtf(float x);
__device__ float exp10f(float x);
__device__ float sinpif(float x);
__device__ float cospif(float x);
__device__ float j0f(float x);
__device__ float j1f(float x);
__device__ float y0f(float x);
__device__ float y1f(float x);
__device__ float atan2f(float x, float y);
__device__ float copysignf(float x, float y);
__device__ float fdimf(float x, float y);
__device__ float fmaxf(float x, float y);
__device__ float fminf(float x, float y);
__device__ float fmodf(float x, float y);
__device__ float hypotf(float x, float y);
__device__ float nextafterf(float x, float y);
__device__ float powf(float x, float y);
__device__ float remainderf(float x, float y);
__device__ float fmaf(float x, float y, float z);
__device__ void sincosf(float x, float* s, float* c);
__device__ void sincospif(float x, float* s, float* c);
__device__ int isnan(float x);
__device__ int isinf(float x);
__device__ int isfinite(float x);
__device__ int __isnanf(float x);
__device__ double rsqrt(double x);
__device__ double rcbrt(double x);
__device__ double normcdf(double x);
__device__ double erfinv(double x);
__device__ double sinpi(double x);
__device__ double cospi(double x);
__device__ double exp10(double x);
/* The double-precision functions, and the float overloads C++ code calls by the generic name;
 * device-only, so the host declarations of <cmath> and <math.h> stay the host's. */
__device__ double acos(double x); __device__ float acos(float x);
__device__ double acosh(double x); __device__ float acosh(float x);
__device__ double asin(double x); __device__ float asin(float x);
__device__ double asinh(double x); __device__ float asinh(float x);
__device__ double atan(double x); __device__ float atan(float x);
__device__ double atanh(double x); __device__ float atanh(float x);
__device__ double cbrt(double x); __device__ float cbrt(float x);
__device__ double ceil(double x); __device__ float ceil(float x);
__device__ double cos(double x); __device__ float cos(float x);
__device__ double cosh(double x); __device__ float cosh(float x);
__device__ double erf(double x); __device__ float erf(float x);
__device__ double erfc(double x); __device__ float erfc(float x);
__device__ double exp(double x); __device__ float exp(float x);
__device__ double exp2(double x); __device__ float exp2(float x);
__device__ double expm1(double x); __device__ float expm1(float x);
__device__ double fabs(double x); __device__ float fabs(float x);
__device__ double floor(double x); __device__ float floor(float x);
__device__ double lgamma(double x); __device__ float lgamma(float x);
__device__ double log(double x); __device__ float log(float x);
__device__ double log10(double x); __device__ float log10(float x);
__device__ double log1p(double x); __device__ float log1p(float x);
__device__ double log2(double x); __device__ float log2(float x);
__device__ double logb(double x); __device__ float logb(float x);
__device__ double nearbyint(double x); __device__ float nearbyint(float x);
__device__ double rint(double x); __device__ float rint(float x);
__device__ double round(double x); __device__ float round(float x);
__device__ double sin(double x); __device__ float sin(float x);
__device__ double sinh(double x); __device__ float sinh(float x);
__device__ double sqrt(double x); __device__ float sqrt(float x);
__device__ double tan(double x); __device__ float tan(float x);
__device__ double tanh(double x); __device__ float tanh(float x);
__device__ double tgamma(double x); __device__ float tgamma(float x);
__device__ double trunc(double x); __device__ float trunc(float x);
__device__ double atan2(double x, double y); __device__ float atan2(float x, float y);
__device__ double copysign(double x, double y); __device__ float copysign(float x, float y);
__device__ double fdim(double x, double y); __device__ float fdim(float x, float y);
__device__ double fmax(double x, double y); __device__ float fmax(float x, float y);
__device__ double fmin(double x, double y); __device__ float fmin(float x, float y);
__device__ double fmod(double x, double y); __device__ float fmod(float x, float y);
__device__ double hypot(double x, double y); __device__ float hypot(float x, float y);
__device__ double nextafter(double x, double y); __device__ float nextafter(float x, float y);
__device__ double pow(double x, double y); __device__ float pow(float x, float y);
__device__ double remainder(double x, double y); __device__ float remainder(float x, float y);
__device__ double fma(double x, double y, double z); __device__ float fma(float x, float y, float z);
__device__ void sincos(double x, double* s, double* c);
__device__ void sincospi(double x, double* s, double* c);
__device__ int isnan(double x); __device__ int isinf(double x); __device__ int isfinite(double x);
__device__ int signbit(float x); __device__ int signbit(double x);
__device__ long lrintf(float x); __device__ long lroundf(float x); __device__ long long llrintf(float x);
__device__ long long llroundf(float x); __device__ float ldexpf(float x, int e); __device__ float frexpf(float x, int* e);
__device__ double ldexp(double x, int e); __device__ double frexp(double x, int* e); __device__ float modff(float x, float* i);
__device__ double modf(double x, double* i); __device__ float scalbnf(float x, int n); __device__ int ilogbf(float x);
__device__ int abs(int x); __device__ long labs(long x); __device__ long long llabs(long long x);


/* min and max as nvcc provides them to device and host code */
__host__ __device__ int min(int a, int b);
__host__ __device__ unsigned int min(unsigned int a, unsigned int b);
__host__ __device__ unsigned int min(int a, unsigned int b);
__host__ __device__ unsigned int min(unsigned int a, int b);
__host__ __device__ long min(long a, long b);
__host__ __device__ unsigned long min(unsigned long a, unsigned long b);
__host__ __device__ long long min(long long a, long long b);
__host__ __device__ unsigned long long min(unsigned long long a, unsigned long long b);
__host__ __device__ float min(float a, float b);
__host__ __device__ double min(double a, double b);
__host__ __device__ double min(float a, double b);
__host__ __device__ double min(double a, float b);
__host__ __device__ int max(int a, int b);
__host__ __device__ unsigned int max(unsigned int a, unsigned int b);
__host__ __device__ unsigned int max(int a, unsigned int b);
__host__ __device__ unsigned int max(unsigned int a, int b);
__host__ __device__ long max(long a, long b);
__host__ __device__ unsigned long max(unsigned long a, unsigned long b);
__host__ __device__ long long max(long long a, long long b);
__host__ __device__ unsigned long long max(unsigned long long a, unsigned long long b);
__host__ __device__ float max(float a, float b);
__host__ __device__ double max(double a, double b);
__host__ __device__ double max(float a, double b);
__host__ __device__ double max(double a, float b);
__host__ __device__ unsigned int umin(unsigned int a, unsigned int b);
__host__ __device__ unsigned int umax(unsigned int a, unsigned int b);
__host__ __device__ long long llmin(long long a, long long b);
__host__ __device__ long long llmax(long long a, long long b);

/* Texture and surface fetches: texture objects take the element type as a template argument */
template <class T> __device__ T tex1Dfetch(cudaTextureObject_t tex, int x);
template <class T> __device__ T tex1D(cudaTextureObject_t tex, float x);
template <class T> __device__ T tex2D(cudaTextureObject_t tex, float x, float y);
template <class T> __device__ T tex3D(cudaTextureObject_t tex, float x, float y, float z);
template <class T> __device__ T tex1DLayered(cudaTextureObject_t tex, float x, int layer);
template <class T> __device__ T tex2DLayered(cudaTextureObject_t tex, float x, float y, int layer);
template <class T> __device__ T texCubemap(cudaTextureObject_t tex, float x, float y, float z);
template <class T> __device__ T tex2DLod(cudaTextureObject_t tex, float x, float y, float level);
template <class T> __device__ T tex2Dgather(cudaTextureObject_t tex, float x, float y, int comp = 0);
template <class T, int dim, enum cudaTextureReadMode mode> __device__ T tex1Dfetch(texture<T, dim, mode> t, int x);
template <class T, int dim, enum cudaTextureReadMode mode> __device__ T tex1D(texture<T, dim, mode> t, float x);
template <class T, int dim, enum cudaTextureReadMode mode> __device__ T tex2D(texture<T, dim, mode> t, float x, float y);
template <class T, int dim, enum cudaTextureReadMode mode> __device__ T tex3D(texture<T, dim, mode> t, float x, float y, float z);
template <class T> __device__ T surf1Dread(cudaSurfaceObject_t surf, int x, int boundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ T surf2Dread(cudaSurfaceObject_t surf, int x, int y, int boundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ T surf3Dread(cudaSurfaceObject_t surf, int x, int y, int z, int boundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf1Dwrite(T data, cudaSurfaceObject_t surf, int x, int boundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf2Dwrite(T data, cudaSurfaceObject_t surf, int x, int y, int boundaryMode = cudaBoundaryModeTrap);
template <class T> __device__ void surf3Dwrite(T data, cudaSurfaceObject_t surf, int x, int y, int z, int boundaryMode = cudaBoundaryModeTrap);

/* Traps, assertions and device-side printf */
__device__ void __trap(void);
__device__ void __brkpt(void);
extern "C" __host__ __device__ void __assertfail(const char* message, const char* file, unsigned int line, const char* function, size_t charSize);

/* Dynamic parallelism and printf are plain device calls */
extern "C" __device__ int vprintf(const char* format, void* args);
/* The C library functions device code may call; device overloads beside the host's, which
 * <stdio.h>, <stdlib.h>, <string.h> and <assert.h> declare. */
extern "C" __device__ int printf(const char* format, ...);
extern "C" __device__ void* malloc(size_t size);
extern "C" __device__ void free(void* ptr);
extern "C" __device__ void* memcpy(void* dst, const void* src, size_t n);
extern "C" __device__ void* memset(void* dst, int value, size_t n);
extern "C" __device__ void __assert_fail(const char* assertion, const char* file, unsigned int line,
                                         const char* function);
#endif

#endif
