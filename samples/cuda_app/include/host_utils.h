// host_utils.h - CPU reference implementations and result checking.
// Plain C++: no CUDA headers, so it builds with any host compiler.
#pragma once

#include <cstddef>
#include <cstdint>

// Deterministic pseudo-random fill with values in [lo, hi).
void fill_uniform(float* data, std::size_t n, float lo, float hi,
                  std::uint32_t seed);
// Labels in [0, num_classes).
void fill_labels(int* labels, std::size_t n, int num_classes,
                 std::uint32_t seed);

void cpu_saxpy(std::size_t n, float a, const float* x, float* y);
double cpu_sum(const float* data, std::size_t n);
// Returns the mean cross-entropy loss; writes probabilities to `probs`.
double cpu_softmax_xent(const float* logits, const int* labels, float* probs,
                        int rows, int cols);
void cpu_gemm(const float* a, const float* b, float* c, int m, int n, int k);

// Largest element-wise |a - b|.
float max_abs_diff(const float* a, const float* b, std::size_t n);
// Prints a PASS/FAIL line and returns whether |got - want| <= tol * max(1, |want|).
bool check_close(const char* what, double got, double want, double tol);
