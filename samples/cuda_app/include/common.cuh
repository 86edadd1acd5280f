// common.cuh - error checking and small device helpers shared by all .cu files.
#pragma once

#include <cstdio>
#include <cstdlib>

#include <cuda_runtime.h>

// Abort with file/line context when a CUDA runtime call fails. Used for every
// call whose failure leaves the application in an unusable state.
#define CUDA_CHECK(call)                                                      \
    do {                                                                      \
        cudaError_t err_ = (call);                                            \
        if (err_ != cudaSuccess) {                                            \
            std::fprintf(stderr, "CUDA error %s at %s:%d: %s\n", #call,       \
                         __FILE__, __LINE__, cudaGetErrorString(err_));       \
            std::exit(EXIT_FAILURE);                                          \
        }                                                                     \
    } while (0)

// Check for launch-configuration errors right after a <<<...>>> launch.
#define CUDA_CHECK_LAUNCH() CUDA_CHECK(cudaGetLastError())

constexpr int kWarpSize = 32;
constexpr unsigned kFullMask = 0xffffffffu;

// Integer division rounding up; usable for grid sizing on host and device.
__host__ __device__ inline int ceil_div(int a, int b) { return (a + b - 1) / b; }

// Butterfly max across a warp: every lane ends up holding the warp maximum.
__device__ __forceinline__ float warp_all_reduce_max(float v) {
    for (int offset = kWarpSize / 2; offset > 0; offset /= 2)
        v = fmaxf(v, __shfl_xor_sync(kFullMask, v, offset));
    return v;
}

// Butterfly sum across a warp: every lane ends up holding the warp sum.
__device__ __forceinline__ float warp_all_reduce_sum(float v) {
    for (int offset = kWarpSize / 2; offset > 0; offset /= 2)
        v += __shfl_xor_sync(kFullMask, v, offset);
    return v;
}
