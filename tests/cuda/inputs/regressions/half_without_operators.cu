// Regression from rusty1s/pytorch_scatter: PyTorch builds CUDA code with the half types' operators
// and conversions turned off, and adds an at::Half through atomicAdd's __half overload.
// CHECK-INPUT: semantic
#define __CUDA_NO_HALF_OPERATORS__
#define __CUDA_NO_HALF_CONVERSIONS__
#include <cuda_fp16.h>

struct Half {  // like at::Half: converts to __half and to float
  unsigned short x;
  __host__ __device__ operator __half() const;
// CHECK: [[@LINE-1]]:32 __half type semantic lib=cuda_fp16
  __host__ __device__ operator float() const;
};
__host__ __device__ bool operator<(const Half& a, const Half& b) { return float(a) < float(b); }
// CHECK: [[@LINE-1]]:26 operator< device_function semantic lib=user {lines=1}

__device__ void accumulate(Half* address, Half val, Half other) {
// CHECK: [[@LINE-1]]:17 accumulate device_function semantic lib=user {lines=6}
  if (val < other) atomicAdd(reinterpret_cast<__half*>(address), val);
// CHECK: [[@LINE-1]]:20 atomicAdd intrinsic semantic lib=device_intrinsics
// CHECK: [[@LINE-2]]:47 __half type semantic lib=cuda_fp16
}
