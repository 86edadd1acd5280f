// host_utils.cpp - CPU reference implementations used to validate GPU results.
// Pure host code: compiled by the C++ compiler, never by nvcc.
#include "host_utils.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

void fill_uniform(float* data, std::size_t n, float lo, float hi,
                  std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(lo, hi);
    for (std::size_t i = 0; i < n; ++i) data[i] = dist(rng);
}

void fill_labels(int* labels, std::size_t n, int num_classes,
                 std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> dist(0, num_classes - 1);
    for (std::size_t i = 0; i < n; ++i) labels[i] = dist(rng);
}

void cpu_saxpy(std::size_t n, float a, const float* x, float* y) {
    for (std::size_t i = 0; i < n; ++i) y[i] = a * x[i] + y[i];
}

double cpu_sum(const float* data, std::size_t n) {
    // Accumulate in double so the reference is more accurate than the GPU.
    double acc = 0.0;
    for (std::size_t i = 0; i < n; ++i) acc += data[i];
    return acc;
}

double cpu_softmax_xent(const float* logits, const int* labels, float* probs,
                        int rows, int cols) {
    double loss = 0.0;
    for (int r = 0; r < rows; ++r) {
        const float* in = logits + static_cast<std::size_t>(r) * cols;
        float* out = probs + static_cast<std::size_t>(r) * cols;
        const float row_max = *std::max_element(in, in + cols);
        double denom = 0.0;
        for (int c = 0; c < cols; ++c) denom += std::exp(in[c] - row_max);
        for (int c = 0; c < cols; ++c)
            out[c] = static_cast<float>(std::exp(in[c] - row_max) / denom);
        loss -= std::log(std::max(out[labels[r]], 1e-30f));
    }
    return rows > 0 ? loss / rows : 0.0;
}

void cpu_gemm(const float* a, const float* b, float* c, int m, int n, int k) {
    // i-p-j loop order keeps the inner loop contiguous in both B and C.
    std::vector<double> row(static_cast<std::size_t>(n));
    for (int i = 0; i < m; ++i) {
        std::fill(row.begin(), row.end(), 0.0);
        for (int p = 0; p < k; ++p) {
            const double a_ip = a[static_cast<std::size_t>(i) * k + p];
            const float* b_row = b + static_cast<std::size_t>(p) * n;
            for (int j = 0; j < n; ++j) row[j] += a_ip * b_row[j];
        }
        for (int j = 0; j < n; ++j)
            c[static_cast<std::size_t>(i) * n + j] = static_cast<float>(row[j]);
    }
}

float max_abs_diff(const float* a, const float* b, std::size_t n) {
    float worst = 0.0f;
    for (std::size_t i = 0; i < n; ++i)
        worst = std::max(worst, std::fabs(a[i] - b[i]));
    return worst;
}

bool check_close(const char* what, double got, double want, double tol) {
    const double err = std::fabs(got - want);
    const bool ok = err <= tol * std::max(1.0, std::fabs(want));
    std::printf("  [%s] %-22s got=%.6g want=%.6g err=%.3g\n",
                ok ? "PASS" : "FAIL", what, got, want, err);
    return ok;
}
