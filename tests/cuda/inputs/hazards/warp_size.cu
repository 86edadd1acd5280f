// warp-size-32: every check that raises it, and code that must not raise it.
#include <cuda_runtime.h>
#include <cooperative_groups.h>

#define FULL_MASK 0xffffffff
#define WARP 32

__device__ float warpSum(float v) {
// CHECK: [[@LINE-1]]:18 warpSum device_function semantic {lines=13 hazards=warp-size-32}
  for (int offset = 16; offset > 0; offset /= 2)
// CHECK: [[@LINE-1]]:21 warp-size-32 hazard semantic lib=hazard {warp reduction loop starts at offset 16, half of a 32-lane warp}
    v += __shfl_down_sync(FULL_MASK, v, offset);
// CHECK: [[@LINE-1]]:10 __shfl_down_sync intrinsic semantic
// CHECK: [[@LINE-2]]:27 warp-size-32 hazard semantic via FULL_MASK {full 32-lane mask 0xffffffff passed to __shfl_down_sync}
  v = __shfl_sync(0xffffffffu, v, 0, 32);
// CHECK: [[@LINE-1]]:7 __shfl_sync intrinsic semantic
// CHECK: [[@LINE-2]]:19 warp-size-32 hazard semantic {full 32-lane mask 0xffffffff passed to __shfl_sync}
// CHECK: [[@LINE-3]]:38 warp-size-32 hazard semantic {shuffle width 32 in __shfl_sync}
  return v;
}

__global__ void lanes(float* out) {
// CHECK: [[@LINE-1]]:17 lanes kernel semantic {lines=15 hazards=warp-size-32}
  int lane = threadIdx.x % 32;
// CHECK: [[@LINE-1]]:28 warp-size-32 hazard semantic {lane or warp index arithmetic '% 32' assumes 32 lanes per warp}
  int warp = threadIdx.x / WARP;
// CHECK: [[@LINE-1]]:28 warp-size-32 hazard semantic via WARP {lane or warp index arithmetic '/ 32' assumes 32 lanes per warp}
  __shared__ float partial[32];
// CHECK: [[@LINE-1]]:28 warp-size-32 hazard semantic {literal 32 in lanes, which uses warp shuffles or votes}
  unsigned votes = __ballot_sync(__activemask(), out[lane] > 0.0f);
// CHECK: [[@LINE-1]]:20 __ballot_sync intrinsic semantic
// CHECK: [[@LINE-2]]:34 __activemask intrinsic semantic
  partial[warp] = votes;
  out[lane] = partial[warp & 31];
// CHECK: [[@LINE-1]]:30 warp-size-32 hazard semantic {lane or warp index arithmetic '& 31' assumes 32 lanes per warp}
}

__global__ void tiles(float* out) {
// CHECK: [[@LINE-1]]:17 tiles kernel semantic {lines=9 hazards=warp-size-32}
  auto tile = cooperative_groups::tiled_partition<32>(cooperative_groups::this_thread_block());
// CHECK: [[@LINE-1]]:35 cooperative_groups::tiled_partition intrinsic semantic
// CHECK: [[@LINE-2]]:35 warp-size-32 hazard semantic {tiled_partition<32>: a tile the size of a 32-lane warp}
// CHECK: [[@LINE-3]]:75 cooperative_groups::this_thread_block intrinsic semantic
  out[tile.thread_rank()] = 1.0f;
// CHECK: [[@LINE-1]]:12 cooperative_groups::thread_group::thread_rank intrinsic semantic
}

// Host code may divide by 32 as it likes, and warpSize-based device code is fine.
int blocksFor(int n) { return n / 32; }
__device__ int laneOf() { return threadIdx.x % warpSize; }
// CHECK: [[@LINE-1]]:16 laneOf device_function semantic {lines=1}
// CHECK: [[@LINE-2]]:48 warpSize macro semantic lib=device_intrinsics

// Bit-word indexing is no lane math: an index that does not come from the thread id.
__device__ void setBit(unsigned* words, int index) { atomicOr(&words[index / 32], 1u << (index % 32)); }
// CHECK: [[@LINE-1]]:17 setBit device_function semantic {lines=1}
// CHECK: [[@LINE-2]]:54 atomicOr intrinsic semantic
