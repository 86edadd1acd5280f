// Types named only by an explicit instantiation of a kernel template (the usual way a library
// builds its kernels for each element type) are found there, once per instantiation.
// CHECK-INPUT: semantic
#include <cuda_bf16.h>  // CHECK: [[@LINE]]:11 cuda_bf16.h header lexical lib=cuda_bf16
#include <cuda_fp16.h>

template <typename T>
__global__ void fill(T* x, T v) {
// CHECK: [[@LINE-1]]:17 fill kernel semantic lib=user {lines=4}
  x[blockIdx.x * blockDim.x + threadIdx.x] = v;
}

template __global__ void fill<__half>(__half* x, __half v);
// CHECK: [[@LINE-1]]:31 __half type semantic lib=cuda_fp16
template __global__ void fill<float>(float*, float);
template __global__ void fill<__nv_bfloat16>(
    __nv_bfloat16* x, __nv_bfloat16 v);
// CHECK: [[@LINE-2]]:31 __nv_bfloat16 type semantic lib=cuda_bf16
// CHECK: [[@LINE-3]]:31 bf16 hazard semantic {uses __nv_bfloat16}
