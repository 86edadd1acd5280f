// Regression from NVIDIA/cuda-samples (segmentationTreeThrust): libcu++'s cuda::std::identity is
// there in C++17 too (the standard library's std::identity is C++20).
// CHECK-INPUT: semantic
#include <cuda/std/functional>

template <class F> __device__ int apply(F f, int v) { return f(v); }
// CHECK: [[@LINE-1]]:35 apply device_function semantic lib=user {lines=1}
__global__ void copy_through(const int* in, int* out) { out[threadIdx.x] = apply(cuda::std::identity(), in[threadIdx.x]); }
// CHECK: [[@LINE-1]]:17 copy_through kernel semantic lib=user {lines=1}
// CHECK: [[@LINE-2]]:93 cuda::std::identity type semantic lib=libcudacxx
