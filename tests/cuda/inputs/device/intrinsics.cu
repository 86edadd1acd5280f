// Device intrinsics: warp shuffle/vote/match/reduce, atomics, __ldg, fast math, cooperative
// groups, WMMA. Hazards they raise are checked in hazards/.
#include <cuda_runtime.h>
#include <cooperative_groups.h>
#include <mma.h>

namespace cg = cooperative_groups;
using namespace nvcuda;

__device__ unsigned vote(unsigned mask, int pred, int v) {
// CHECK: [[@LINE-1]]:21 vote device_function semantic {lines=11}
  unsigned b = __ballot_sync(mask, pred);
// CHECK: [[@LINE-1]]:16 __ballot_sync intrinsic semantic lib=device_intrinsics
  int any = __any_sync(mask, pred);
// CHECK: [[@LINE-1]]:13 __any_sync intrinsic semantic
  unsigned same = __match_any_sync(mask, v);
// CHECK: [[@LINE-1]]:19 __match_any_sync intrinsic semantic
  return b + any + same + __reduce_add_sync(mask, v);
// CHECK: [[@LINE-1]]:27 __reduce_add_sync intrinsic semantic
}

__global__ void memory(const float* __restrict__ in, float* out, int* counter) {
// CHECK: [[@LINE-1]]:17 memory kernel semantic {lines=14}
  float v = __ldg(&in[threadIdx.x]);
// CHECK: [[@LINE-1]]:13 __ldg intrinsic semantic
  atomicAdd(counter, 1);
// CHECK: [[@LINE-1]]:3 atomicAdd intrinsic semantic
  atomicCAS(counter, 0, 1);
// CHECK: [[@LINE-1]]:3 atomicCAS intrinsic semantic
  out[threadIdx.x] = __expf(v) + __fdividef(v, 3.0f) + __shfl_xor_sync(__activemask(), v, 1);
// CHECK: [[@LINE-1]]:22 __expf intrinsic semantic
// CHECK: [[@LINE-2]]:34 __fdividef intrinsic semantic
// CHECK: [[@LINE-3]]:56 __shfl_xor_sync intrinsic semantic
// CHECK: [[@LINE-4]]:72 __activemask intrinsic semantic
}

__global__ void groups(float* data) {
// CHECK: [[@LINE-1]]:17 groups kernel semantic {lines=10}
  cg::thread_block block = cg::this_thread_block();
// CHECK: [[@LINE-1]]:7 cooperative_groups::thread_block type semantic lib=cooperative_groups
// CHECK: [[@LINE-2]]:32 cooperative_groups::this_thread_block intrinsic semantic lib=cooperative_groups
  block.sync();
// CHECK: [[@LINE-1]]:9 cooperative_groups::thread_group::sync intrinsic semantic lib=cooperative_groups
  data[block.thread_rank()] *= 2.0f;
// CHECK: [[@LINE-1]]:14 cooperative_groups::thread_group::thread_rank intrinsic semantic
}

__global__ void tensor(const half* a, const half* b, float* c) {
// CHECK: [[@LINE-1]]:17 tensor kernel semantic {lines=29 hazards=tensor-cores}
// CHECK: [[@LINE-2]]:30 half type semantic lib=cuda_fp16
// CHECK: [[@LINE-3]]:45 half type semantic
  wmma::fragment<wmma::matrix_a, 16, 16, 16, half, wmma::row_major> fa;
// CHECK: [[@LINE-1]]:9 nvcuda::wmma::fragment type semantic lib=wmma
// CHECK: [[@LINE-2]]:9 tensor-cores hazard semantic {uses nvcuda::wmma::fragment}
// CHECK: [[@LINE-3]]:24 nvcuda::wmma::matrix_a type semantic lib=wmma
// CHECK: [[@LINE-4]]:24 tensor-cores hazard semantic {uses nvcuda::wmma::matrix_a}
// CHECK: [[@LINE-5]]:46 half type semantic
// CHECK: [[@LINE-6]]:58 nvcuda::wmma::row_major type semantic
// CHECK: [[@LINE-7]]:58 tensor-cores hazard semantic
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
// CHECK: [[@LINE-1]]:9 nvcuda::wmma::fragment type semantic
// CHECK: [[@LINE-2]]:9 tensor-cores hazard semantic
// CHECK: [[@LINE-3]]:24 nvcuda::wmma::accumulator type semantic
// CHECK: [[@LINE-4]]:24 tensor-cores hazard semantic
  wmma::fill_fragment(acc, 0.0f);
// CHECK: [[@LINE-1]]:9 nvcuda::wmma::fill_fragment intrinsic semantic lib=wmma
// CHECK: [[@LINE-2]]:9 tensor-cores hazard semantic
  wmma::load_matrix_sync(fa, a, 16);
// CHECK: [[@LINE-1]]:9 nvcuda::wmma::load_matrix_sync intrinsic semantic
// CHECK: [[@LINE-2]]:9 tensor-cores hazard semantic
  wmma::mma_sync(acc, fa, fa, acc);
// CHECK: [[@LINE-1]]:9 nvcuda::wmma::mma_sync intrinsic semantic
// CHECK: [[@LINE-2]]:9 tensor-cores hazard semantic
  (void)b;
  (void)c;
}
