// A helper header in the style of NVIDIA's helper_cuda.h tests CUDA's include guards and the
// compiler macro to decide what to define. After the header swap those guards must still be
// defined, or checkCudaErrors vanishes and the file no longer builds with hipcc.
#include <cstdio>
#include <cuda_runtime.h>
// CHECK-DCU: #include <hip/hip_runtime.h>

#ifdef __DRIVER_TYPES_H__
// CHECK-DCU: #ifdef HIP_INCLUDE_HIP_DRIVER_TYPES_H
static const char* errorName(cudaError_t e) { return cudaGetErrorName(e); }
#define checkCudaErrors(val) report((val), #val)
template <typename T>
void report(T result, const char* what) {
  if (result) std::printf("%s: %s\n", what, errorName(result));
}
#endif

#if defined(__CUDA_RUNTIME_H__) && defined(__CUDACC__)  // both set by the CUDA toolchain
// CHECK-DCU: #if defined(HIP_INCLUDE_HIP_HIP_RUNTIME_H) && defined(__HIPCC__)  // both set by the CUDA toolchain
inline int deviceCount() {
  int n = 0;
  checkCudaErrors(cudaGetDeviceCount(&n));
  return n;
}
#endif

#if CUDART_VERSION >= 11000 || !defined(__CUDA_FP16_H__)
// CHECK-DCU: #if HIP_VERSION >= 11000 || !defined(HIP_INCLUDE_HIP_HIP_FP16_H)
inline int version() { return 0; }
#endif

int main() { return deviceCount() + version(); }
