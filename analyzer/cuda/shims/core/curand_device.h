/* opscope CUDA declaration shim, hand-written core of the cuRAND device API (curand_kernel.h).
 * Written by the opscope project from the public cuRAND device API names; not derived from
 * NVIDIA's headers. Generator states are declared with their public names; the draws return the
 * types code stores them in. */
#ifndef OPSCOPE_CORE_CURAND_DEVICE_H
#define OPSCOPE_CORE_CURAND_DEVICE_H
#include "curand.h"
#include "device.h"

#ifdef __cplusplus
struct curandStateXORWOW { unsigned int d, v[5]; int boxmuller_flag, boxmuller_flag_double; float boxmuller_extra; double boxmuller_extra_double; };
typedef struct curandStateXORWOW curandStateXORWOW_t;
typedef struct curandStateXORWOW curandState_t;
typedef struct curandStateXORWOW curandState;
struct curandStatePhilox4_32_10 { uint4 ctr, output; uint2 key; unsigned int STATE; int boxmuller_flag, boxmuller_flag_double; float boxmuller_extra; double boxmuller_extra_double; };
typedef struct curandStatePhilox4_32_10 curandStatePhilox4_32_10_t;
struct curandStateMRG32k3a { unsigned int s1[3], s2[3]; int boxmuller_flag, boxmuller_flag_double; float boxmuller_extra; double boxmuller_extra_double; };
typedef struct curandStateMRG32k3a curandStateMRG32k3a_t;
struct curandStateSobol32 { unsigned int i, x, c, direction_vectors[32]; };
typedef struct curandStateSobol32 curandStateSobol32_t;
struct curandStateMtgp32 { int offset, pIdx; unsigned int s[1024]; void* k; };
typedef struct curandStateMtgp32 curandStateMtgp32_t;

template <class S> __device__ void curand_init(unsigned long long seed, unsigned long long subsequence, unsigned long long offset, S* state);
/* The quasi-random (Sobol) generators start from direction vectors, not from a seed. */
struct curandStateScrambledSobol32 { unsigned int i, x, c, direction_vectors[32]; };
typedef struct curandStateScrambledSobol32 curandStateScrambledSobol32_t;
struct curandStateSobol64 { unsigned long long i, x, c, direction_vectors[64]; };
typedef struct curandStateSobol64 curandStateSobol64_t;
struct curandStateScrambledSobol64 { unsigned long long i, x, c, direction_vectors[64]; };
typedef struct curandStateScrambledSobol64 curandStateScrambledSobol64_t;
__device__ void curand_init(curandDirectionVectors32_t direction_vectors, unsigned int offset, curandStateSobol32_t* state);
__device__ void curand_init(curandDirectionVectors32_t direction_vectors, unsigned int scramble_c, unsigned int offset,
                            curandStateScrambledSobol32_t* state);
__device__ void curand_init(curandDirectionVectors64_t direction_vectors, unsigned long long offset, curandStateSobol64_t* state);
__device__ void curand_init(curandDirectionVectors64_t direction_vectors, unsigned long long scramble_c,
                            unsigned long long offset, curandStateScrambledSobol64_t* state);
template <class S> __device__ unsigned int curand(S* state);
template <class S> __device__ float curand_uniform(S* state);
template <class S> __device__ double curand_uniform_double(S* state);
template <class S> __device__ float curand_normal(S* state);
template <class S> __device__ double curand_normal_double(S* state);
template <class S> __device__ float curand_log_normal(S* state, float mean, float stddev);
template <class S> __device__ double curand_log_normal_double(S* state, double mean, double stddev);
template <class S> __device__ unsigned int curand_poisson(S* state, double lambda);
template <class S> __device__ float2 curand_normal2(S* state);
template <class S> __device__ double2 curand_normal2_double(S* state);
template <class S> __device__ float4 curand_uniform4(S* state);
template <class S> __device__ float4 curand_normal4(S* state);
template <class S> __device__ uint4 curand4(S* state);
template <class S> __device__ void skipahead(unsigned long long n, S* state);
template <class S> __device__ void skipahead_sequence(unsigned long long n, S* state);
#endif
#endif
