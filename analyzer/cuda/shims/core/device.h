/* opscope CUDA declaration shim, hand-written core of the device built-ins and intrinsics.
 * Written by the opscope project from the public names and signatures of the CUDA device
 * intrinsics so that kernels parse with no toolkit installed. Not derived from NVIDIA's headers.
 * The ones whose result type matters to the code around them are declared here with it; the shim
 * generator declares the rest of the opdb's device intrinsics after this file. */
#ifndef OPSCOPE_CORE_DEVICE_H
#define OPSCOPE_CORE_DEVICE_H
#include "cudart.h"

/* Device code exists in CUDA mode only; a .cpp file including cuda_runtime.h sees none of it. */
#if defined(__cplusplus) && defined(__CUDA__)
/* Synchronisation and memory fences */
__device__ void __syncthreads(void);
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
#endif

#endif
