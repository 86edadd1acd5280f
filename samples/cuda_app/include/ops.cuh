// ops.cuh - host-side entry points of the device code in src/*.cu.
#pragma once

#include <cuda_runtime.h>

// vector_ops.cu
// y = a * x + y on the default stream.
void launch_saxpy(int n, float a, const float* d_x, float* d_y);
// Sum of d_in[0..n) computed on `stream`; blocks until the result is on host.
float device_sum(const float* d_in, int n, cudaStream_t stream);

// softmax.cu
// Row-wise softmax of a rows x cols matrix (row-major) into d_probs, plus the
// mean cross-entropy loss against d_labels accumulated into *d_loss.
void launch_softmax_xent(const float* d_logits, const int* d_labels,
                         float* d_probs, float* d_loss, int rows, int cols,
                         bool fast_exp, cudaStream_t stream);

// gemm.cu
// C = A * B for row-major A (m x k), B (k x n), C (m x n) using cuBLAS.
void gemm_rowmajor(const float* d_a, const float* d_b, float* d_c, int m,
                   int n, int k, cudaStream_t stream);
