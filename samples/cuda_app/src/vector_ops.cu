// vector_ops.cu - element-wise SAXPY and a two-pass block reduction.
#include <algorithm>

#include "common.cuh"
#include "ops.cuh"

namespace {

constexpr int kSaxpyBlock = 256;
constexpr int kReduceBlock = 512;     // must be a multiple of kWarpSize
constexpr int kMaxReduceBlocks = 1024;

// y[i] = a * x[i] + y[i], with a grid-stride loop so any grid size is valid.
__global__ void saxpy_kernel(int n, float a, const float* __restrict__ x,
                             float* __restrict__ y) {
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
         i += gridDim.x * blockDim.x) {
        y[i] = a * x[i] + y[i];
    }
}

// Each block reduces a grid-strided slice of `in` and writes one partial sum
// to out[blockIdx.x]. Dynamic shared memory holds one float per warp.
__global__ void block_reduce_sum_kernel(const float* __restrict__ in,
                                        float* __restrict__ out, int n) {
    extern __shared__ float warp_sums[];

    float v = 0.0f;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
         i += gridDim.x * blockDim.x) {
        v += in[i];
    }

    // Intra-warp tree reduction; lane 0 ends up with the warp total.
    for (int offset = kWarpSize / 2; offset > 0; offset /= 2)
        v += __shfl_down_sync(0xffffffff, v, offset);

    const int lane = threadIdx.x % kWarpSize;
    const int warp = threadIdx.x / kWarpSize;
    if (lane == 0) warp_sums[warp] = v;
    __syncthreads();

    // The first warp reduces the per-warp totals.
    if (warp == 0) {
        const int num_warps = blockDim.x / kWarpSize;
        v = lane < num_warps ? warp_sums[lane] : 0.0f;
        for (int offset = kWarpSize / 2; offset > 0; offset /= 2)
            v += __shfl_down_sync(0xffffffff, v, offset);
        if (lane == 0) out[blockIdx.x] = v;
    }
}

}  // namespace

void launch_saxpy(int n, float a, const float* d_x, float* d_y) {
    if (n <= 0) return;  // a zero-block grid is an invalid configuration
    const int grid = ceil_div(n, kSaxpyBlock);
    saxpy_kernel<<<grid, kSaxpyBlock>>>(n, a, d_x, d_y);
    CUDA_CHECK_LAUNCH();
}

float device_sum(const float* d_in, int n, cudaStream_t stream) {
    const int blocks =
        std::max(1, std::min(ceil_div(n, kReduceBlock), kMaxReduceBlocks));
    const size_t smem = (kReduceBlock / kWarpSize) * sizeof(float);

    float* d_partials = nullptr;
    CUDA_CHECK(cudaMalloc(&d_partials, (blocks + 1) * sizeof(float)));
    // Zeroed so the buffer never exposes stale data, e.g. in a debugger.
    CUDA_CHECK(cudaMemset(d_partials, 0, (blocks + 1) * sizeof(float)));
    float* d_result = d_partials + blocks;

    // Pass 1: one partial per block. Pass 2: a single block folds the partials.
    block_reduce_sum_kernel<<<blocks, kReduceBlock, smem, stream>>>(
        d_in, d_partials, n);
    CUDA_CHECK_LAUNCH();
    block_reduce_sum_kernel<<<1, kReduceBlock, smem, stream>>>(
        d_partials, d_result, blocks);
    CUDA_CHECK_LAUNCH();

    // The stream is synchronised right after, so pageable memory is fine here.
    float result = 0.0f;
    CUDA_CHECK(cudaMemcpyAsync(&result, d_result, sizeof(float),
                               cudaMemcpyDeviceToHost, stream));
    CUDA_CHECK(cudaStreamSynchronize(stream));
    cudaFree(d_partials);  // best effort: nothing useful to do on failure
    return result;
}
