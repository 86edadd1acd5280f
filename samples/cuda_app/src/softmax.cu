// softmax.cu - fused row softmax + cross-entropy loss.
//
// One thread block handles one row: a block-wide max for numerical stability,
// a block-wide sum of exponentials, then normalisation. Thread 0 of each row
// adds that row's share of the mean loss to a single global accumulator.
#include <cmath>

#include "common.cuh"
#include "ops.cuh"

namespace {

constexpr int kSoftmaxBlock = 256;  // must be a multiple of kWarpSize

// exp() with an optional fast, lower-precision hardware approximation.
__device__ __forceinline__ float softmax_exp(float x, bool fast) {
    return fast ? __expf(x) : expf(x);
}

// Block-wide all-reduce (max or sum); every thread receives the result.
// Must be reached by all threads of the block.
__device__ float block_all_reduce(float v, bool is_max) {
    __shared__ float warp_vals[kWarpSize];
    const int lane = threadIdx.x % kWarpSize;
    const int warp = threadIdx.x / kWarpSize;

    v = is_max ? warp_all_reduce_max(v) : warp_all_reduce_sum(v);
    if (lane == 0) warp_vals[warp] = v;
    __syncthreads();

    const int num_warps = blockDim.x / kWarpSize;
    const float identity = is_max ? -INFINITY : 0.0f;
    v = lane < num_warps ? warp_vals[lane] : identity;
    v = is_max ? warp_all_reduce_max(v) : warp_all_reduce_sum(v);
    __syncthreads();  // warp_vals may be reused by the next call
    return v;
}

__global__ void softmax_xent_kernel(const float* __restrict__ logits,
                                    const int* __restrict__ labels,
                                    float* __restrict__ probs,
                                    float* __restrict__ loss, int cols,
                                    float inv_rows, bool fast_exp) {
    const size_t row_offset = static_cast<size_t>(blockIdx.x) * cols;
    const float* in = logits + row_offset;
    float* out = probs + row_offset;

    float row_max = -INFINITY;
    for (int c = threadIdx.x; c < cols; c += blockDim.x)
        row_max = fmaxf(row_max, in[c]);
    row_max = block_all_reduce(row_max, /*is_max=*/true);

    // Store the unnormalised exponentials and accumulate their sum.
    float denom = 0.0f;
    for (int c = threadIdx.x; c < cols; c += blockDim.x) {
        const float e = softmax_exp(in[c] - row_max, fast_exp);
        out[c] = e;
        denom += e;
    }
    denom = block_all_reduce(denom, /*is_max=*/false);

    const float inv_denom = 1.0f / denom;
    for (int c = threadIdx.x; c < cols; c += blockDim.x) out[c] *= inv_denom;

    // -log p[label] = log(sum) - (x[label] - max): computed from the logits
    // directly, so it stays finite even when p[label] underflows to zero.
    if (threadIdx.x == 0) {
        const float nll = logf(denom) - (in[labels[blockIdx.x]] - row_max);
        atomicAdd(loss, nll * inv_rows);
    }
}

}  // namespace

void launch_softmax_xent(const float* d_logits, const int* d_labels,
                         float* d_probs, float* d_loss, int rows, int cols,
                         bool fast_exp, cudaStream_t stream) {
    // The kernel accumulates into *d_loss, so it has to start from zero.
    CUDA_CHECK(cudaMemsetAsync(d_loss, 0, sizeof(float), stream));
    if (rows <= 0 || cols <= 0) return;

    softmax_xent_kernel<<<rows, kSoftmaxBlock, 0, stream>>>(
        d_logits, d_labels, d_probs, d_loss, cols, 1.0f / rows, fast_exp);
    CUDA_CHECK_LAUNCH();
}
