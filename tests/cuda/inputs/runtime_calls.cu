// Inline-expectation test: CUDA runtime calls, types, enum values, kernels, launches,
// macro-wrapped calls, and CUDA words where they are not code.
// Each CHECK line names a finding on the line it points at: LINE:COL SYMBOL KIND EVIDENCE [via MACRO...].
// The scan must produce exactly the findings listed, no more.
#include <cuda_runtime.h>
#include <cstdio>

#define CUDA_CHECK(call)                                          \
  do {                                                            \
    cudaError_t err_ = (call);                                    \
    if (err_ != cudaSuccess) std::printf("%s\n", cudaGetErrorString(err_)); \
  } while (0)
// CHECK: [[@LINE-3]]:5 cudaError_t type semantic via CUDA_CHECK
// CHECK: [[@LINE-3]]:17 cudaSuccess enum_value semantic via CUDA_CHECK
// CHECK: [[@LINE-4]]:50 cudaGetErrorString function semantic via CUDA_CHECK

// A macro that is never used: its body is scanned lexically.
#define RESET_ALL() cudaDeviceReset()
// CHECK: [[@LINE-1]]:21 cudaDeviceReset function lexical

__global__ void scale(float* x, float a, int n) {
// CHECK: [[@LINE-1]]:17 scale kernel semantic
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;
}

// A user function whose name looks like CUDA is the user's, not CUDA's.
static int cudaPickBestDevice() { return 0; }

int run(int n) {
  float* d = nullptr;
  cudaStream_t stream;
// CHECK: [[@LINE-1]]:3 cudaStream_t type semantic
  CUDA_CHECK(cudaStreamCreate(&stream));
// CHECK: [[@LINE-1]]:14 cudaStreamCreate function semantic via CUDA_CHECK
  CUDA_CHECK(cudaMalloc(&d, n * sizeof(float)));
// CHECK: [[@LINE-1]]:14 cudaMalloc function semantic via CUDA_CHECK
  cudaSetDevice(cudaPickBestDevice());
// CHECK: [[@LINE-1]]:3 cudaSetDevice function semantic
  scale<<<(n + 255) / 256, 256, 0, stream>>>(d, 2.0f, n);
// CHECK: [[@LINE-1]]:3 scale kernel_launch semantic
  cudaMemcpyAsync(d, d, 4, cudaMemcpyDeviceToDevice, stream);
// CHECK: [[@LINE-1]]:3 cudaMemcpyAsync function semantic
// CHECK: [[@LINE-2]]:28 cudaMemcpyDeviceToDevice enum_value semantic
  // cudaFree(d) in a comment is not a call, /* nor cudaMemset here */
  const char* text = "cudaFree(d) in a string is not a call either";
  std::printf("%s %s\n", text, R"raw(cudaDeviceSynchronize())raw");
#if 0
  cudaDeviceSynchronize();
// CHECK: [[@LINE-1]]:3 cudaDeviceSynchronize function lexical
#endif
  cudaFree(d);
// CHECK: [[@LINE-1]]:3 cudaFree function semantic
  return 0;
}
