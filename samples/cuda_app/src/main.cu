// main.cu - driver: parses options, selects a GPU, runs and validates the
// SAXPY + reduction, softmax/cross-entropy and GEMM stages.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "common.cuh"
#include "host_utils.h"
#include "ops.cuh"

namespace {

struct Options {
    int n = 1 << 22;      // SAXPY / reduction length
    int rows = 1024;      // softmax batch size
    int cols = 1000;      // softmax classes
    int gemm = 256;       // square GEMM extent
    int device = 0;
    bool fast_exp = false;
};

void usage(const char* prog) {
    std::printf("usage: %s [--n N] [--rows R] [--cols C] [--gemm M] "
                "[--device D] [--fast-exp]\n", prog);
}

// Parses a decimal integer in [min_value, 2^30].
bool parse_int(const char* text, int min_value, int* out) {
    char* end = nullptr;
    errno = 0;
    const long v = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < min_value ||
        v > (1L << 30))
        return false;
    *out = static_cast<int>(v);
    return true;
}

bool parse_args(int argc, char** argv, Options* opt) {
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        const char* val = i + 1 < argc ? argv[i + 1] : nullptr;
        int* target = nullptr;
        int min_value = 1;
        if (!std::strcmp(arg, "-h") || !std::strcmp(arg, "--help")) {
            usage(argv[0]);
            std::exit(EXIT_SUCCESS);
        }
        if (!std::strcmp(arg, "--fast-exp")) { opt->fast_exp = true; continue; }
        if (!std::strcmp(arg, "--n")) target = &opt->n;
        else if (!std::strcmp(arg, "--rows")) target = &opt->rows;
        else if (!std::strcmp(arg, "--cols")) target = &opt->cols;
        else if (!std::strcmp(arg, "--gemm")) target = &opt->gemm;
        else if (!std::strcmp(arg, "--device")) { target = &opt->device; min_value = 0; }
        if (target == nullptr || val == nullptr || !parse_int(val, min_value, target)) {
            std::fprintf(stderr, "invalid or incomplete option: %s\n", arg);
            return false;
        }
        ++i;
    }
    return true;
}

// Picks the requested device and prints its main properties.
bool select_device(int device) {
    int count = 0;
    const cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess || count == 0) {
        std::fprintf(stderr, "no CUDA device available: %s\n",
                     err != cudaSuccess ? cudaGetErrorString(err) : "count is 0");
        return false;
    }
    if (device >= count) {
        std::fprintf(stderr, "device %d requested, only %d present\n", device, count);
        return false;
    }
    CUDA_CHECK(cudaSetDevice(device));

    cudaDeviceProp prop;
    CUDA_CHECK(cudaGetDeviceProperties(&prop, device));
    std::printf("device %d: %s (sm_%d%d, %d SMs, %.1f GiB)\n", device, prop.name,
                prop.major, prop.minor, prop.multiProcessorCount,
                prop.totalGlobalMem / (1024.0 * 1024.0 * 1024.0));
    if (prop.major < 7)
        std::fprintf(stderr, "warning: built for sm_70/sm_80, device is older\n");
    return true;
}

template <typename T>
T* host_alloc(size_t count) {  // page-locked, so async copies really overlap
    T* p = nullptr;
    CUDA_CHECK(cudaMallocHost(&p, count * sizeof(T)));
    return p;
}

template <typename T>
T* device_alloc(size_t count) {
    T* p = nullptr;
    CUDA_CHECK(cudaMalloc(&p, count * sizeof(T)));
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (!parse_args(argc, argv, &opt)) { usage(argv[0]); return EXIT_FAILURE; }
    if (!select_device(opt.device)) return EXIT_FAILURE;

    const size_t n = opt.n;
    const size_t mat = static_cast<size_t>(opt.rows) * opt.cols;
    const size_t g2 = static_cast<size_t>(opt.gemm) * opt.gemm;
    const float alpha = 2.5f;

    // ---- Host buffers (pinned) and inputs --------------------------------
    float* h_x = host_alloc<float>(n);
    float* h_y = host_alloc<float>(n);
    float* h_y_gpu = host_alloc<float>(n);
    float* h_logits = host_alloc<float>(mat);
    float* h_probs = host_alloc<float>(mat);
    int* h_labels = host_alloc<int>(opt.rows);
    float* h_a = host_alloc<float>(g2);
    float* h_b = host_alloc<float>(g2);
    float* h_c = host_alloc<float>(g2);
    float* h_loss = host_alloc<float>(1);

    fill_uniform(h_x, n, 0.0f, 1.0f, 1u);
    fill_uniform(h_y, n, 0.0f, 1.0f, 2u);
    fill_uniform(h_logits, mat, -8.0f, 8.0f, 3u);
    fill_labels(h_labels, opt.rows, opt.cols, 4u);
    fill_uniform(h_a, g2, -1.0f, 1.0f, 5u);
    fill_uniform(h_b, g2, -1.0f, 1.0f, 6u);

    // ---- Device buffers, streams and timing events -----------------------
    float* d_x = device_alloc<float>(n);
    float* d_y = device_alloc<float>(n);
    float* d_logits = device_alloc<float>(mat);
    float* d_probs = device_alloc<float>(mat);
    int* d_labels = device_alloc<int>(opt.rows);
    float* d_loss = device_alloc<float>(1);
    float* d_a = device_alloc<float>(g2);
    float* d_b = device_alloc<float>(g2);
    float* d_c = device_alloc<float>(g2);

    cudaStream_t streams[2];
    for (cudaStream_t& s : streams) CUDA_CHECK(cudaStreamCreate(&s));
    cudaEvent_t start, stop;
    CUDA_CHECK(cudaEventCreate(&start));
    CUDA_CHECK(cudaEventCreate(&stop));
    float ms = 0.0f;

    // ---- Stage 1: SAXPY (default stream) then reduction (streams[0]) -----
    CUDA_CHECK(cudaMemcpy(d_x, h_x, n * sizeof(float), cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemcpy(d_y, h_y, n * sizeof(float), cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaEventRecord(start));
    launch_saxpy(opt.n, alpha, d_x, d_y);
    CUDA_CHECK(cudaEventRecord(stop));
    CUDA_CHECK(cudaEventSynchronize(stop));  // also orders saxpy before the sum
    CUDA_CHECK(cudaEventElapsedTime(&ms, start, stop));
    std::printf("saxpy      n=%d: %.3f ms (%.1f GB/s)\n", opt.n, ms,
                3.0 * n * sizeof(float) / (ms * 1.0e6));

    const float gpu_sum = device_sum(d_y, opt.n, streams[0]);

    // ---- Stage 2 + 3: softmax (streams[1]) and GEMM (streams[0]) ---------
    // The two stages are independent, so they are issued before either is
    // waited on and may overlap on the device.
    CUDA_CHECK(cudaMemcpyAsync(d_logits, h_logits, mat * sizeof(float),
                               cudaMemcpyHostToDevice, streams[1]));
    CUDA_CHECK(cudaMemcpyAsync(d_labels, h_labels, opt.rows * sizeof(int),
                               cudaMemcpyHostToDevice, streams[1]));
    CUDA_CHECK(cudaEventRecord(start, streams[1]));
    launch_softmax_xent(d_logits, d_labels, d_probs, d_loss, opt.rows, opt.cols,
                        opt.fast_exp, streams[1]);
    CUDA_CHECK(cudaEventRecord(stop, streams[1]));
    CUDA_CHECK(cudaMemcpyAsync(h_probs, d_probs, mat * sizeof(float),
                               cudaMemcpyDeviceToHost, streams[1]));
    CUDA_CHECK(cudaMemcpyAsync(h_loss, d_loss, sizeof(float),
                               cudaMemcpyDeviceToHost, streams[1]));

    CUDA_CHECK(cudaMemcpyAsync(d_a, h_a, g2 * sizeof(float),
                               cudaMemcpyHostToDevice, streams[0]));
    CUDA_CHECK(cudaMemcpyAsync(d_b, h_b, g2 * sizeof(float),
                               cudaMemcpyHostToDevice, streams[0]));
    gemm_rowmajor(d_a, d_b, d_c, opt.gemm, opt.gemm, opt.gemm, streams[0]);
    CUDA_CHECK(cudaMemcpyAsync(h_c, d_c, g2 * sizeof(float),
                               cudaMemcpyDeviceToHost, streams[0]));

    // Copy the SAXPY output back on the same stream for element-wise checks.
    CUDA_CHECK(cudaMemcpyAsync(h_y_gpu, d_y, n * sizeof(float),
                               cudaMemcpyDeviceToHost, streams[0]));

    for (cudaStream_t s : streams) CUDA_CHECK(cudaStreamSynchronize(s));
    CUDA_CHECK(cudaEventElapsedTime(&ms, start, stop));
    std::printf("softmax    %dx%d: %.3f ms (%s exp)\n", opt.rows, opt.cols, ms,
                opt.fast_exp ? "fast" : "accurate");
    CUDA_CHECK(cudaGetLastError());

    // ---- Validation against the CPU reference ----------------------------
    std::printf("validation:\n");
    bool ok = true;
    cpu_saxpy(n, alpha, h_x, h_y);  // h_y now holds the reference result
    ok &= check_close("saxpy max|diff|", max_abs_diff(h_y_gpu, h_y, n), 0.0, 1e-5);
    ok &= check_close("reduction sum", gpu_sum, cpu_sum(h_y, n), 1e-4);

    std::vector<float> ref_probs(mat);
    const double ref_loss = cpu_softmax_xent(h_logits, h_labels, ref_probs.data(),
                                             opt.rows, opt.cols);
    const double prob_tol = opt.fast_exp ? 1e-4 : 1e-5;
    ok &= check_close("softmax max|diff|",
                      max_abs_diff(h_probs, ref_probs.data(), mat), 0.0, prob_tol);
    ok &= check_close("cross-entropy loss", *h_loss, ref_loss, 1e-3);

    std::vector<float> ref_c(g2);
    cpu_gemm(h_a, h_b, ref_c.data(), opt.gemm, opt.gemm, opt.gemm);
    ok &= check_close("gemm max|diff|", max_abs_diff(h_c, ref_c.data(), g2), 0.0, 1e-3);

    // ---- Teardown: errors here would surface in the final synchronize -----
    cudaEventDestroy(start);
    cudaEventDestroy(stop);
    for (cudaStream_t s : streams) cudaStreamDestroy(s);
    cudaFree(d_x); cudaFree(d_y);
    cudaFree(d_logits); cudaFree(d_probs); cudaFree(d_labels); cudaFree(d_loss);
    cudaFree(d_a); cudaFree(d_b); cudaFree(d_c);
    cudaFreeHost(h_x); cudaFreeHost(h_y); cudaFreeHost(h_y_gpu);
    cudaFreeHost(h_logits); cudaFreeHost(h_probs); cudaFreeHost(h_labels);
    cudaFreeHost(h_loss);
    cudaFreeHost(h_a); cudaFreeHost(h_b); cudaFreeHost(h_c);
    CUDA_CHECK(cudaDeviceSynchronize());

    std::printf("%s\n", ok ? "ALL CHECKS PASSED" : "SOME CHECKS FAILED");
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
