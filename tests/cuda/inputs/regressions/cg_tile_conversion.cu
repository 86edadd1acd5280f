// Regression from karpathy/llm.c: tiled_partition<32>(block) returns thread_block_tile<32,
// thread_block>, which converts to thread_block_tile<32>; cg::reduce over it.
// CHECK-INPUT: semantic
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;

__global__ void row_sum(const float* x, float* out) {
// CHECK: [[@LINE-1]]:17 row_sum kernel semantic lib=user {lines=16 hazards=warp-size-32}
  cg::thread_block block = cg::this_thread_block();
// CHECK: [[@LINE-1]]:7 cooperative_groups::thread_block type semantic lib=cooperative_groups
// CHECK: [[@LINE-2]]:32 cooperative_groups::this_thread_block intrinsic semantic lib=cooperative_groups
  cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
// CHECK: [[@LINE-1]]:7 cooperative_groups::thread_block_tile type semantic lib=cooperative_groups
// CHECK: [[@LINE-2]]:40 cooperative_groups::tiled_partition intrinsic semantic lib=cooperative_groups
// CHECK: [[@LINE-3]]:40 warp-size-32 hazard semantic lib=hazard {tiled_partition<32>: a tile the size of a 32-lane warp}
  float v = cg::reduce(warp, x[threadIdx.x], cg::plus<float>());
// CHECK: [[@LINE-1]]:17 cooperative_groups::reduce intrinsic semantic lib=cooperative_groups
// CHECK: [[@LINE-2]]:50 cooperative_groups::plus type semantic lib=cooperative_groups
  if (warp.thread_rank() == 0) out[warp.meta_group_rank()] = v;
// CHECK: [[@LINE-1]]:12 cooperative_groups::thread_group::thread_rank intrinsic semantic lib=cooperative_groups
// CHECK: [[@LINE-2]]:41 cooperative_groups::coalesced_group::meta_group_rank intrinsic semantic lib=cooperative_groups
}

// From NVIDIA/cuda-samples (reduction): tiles larger than a warp take shared scratch memory.
template <unsigned int BlockSize>
__global__ void multi_warp(float* out) {
// CHECK: [[@LINE-1]]:17 multi_warp kernel semantic lib=user {lines=10}
  __shared__ cg::block_tile_memory<BlockSize> scratch;
// CHECK: [[@LINE-1]]:18 cooperative_groups::block_tile_memory type semantic lib=cooperative_groups
  auto cta = cg::this_thread_block(scratch);
// CHECK: [[@LINE-1]]:18 cooperative_groups::this_thread_block intrinsic semantic lib=cooperative_groups
  auto tile = cg::tiled_partition<64>(cta);
// CHECK: [[@LINE-1]]:19 cooperative_groups::tiled_partition intrinsic semantic lib=cooperative_groups
  out[tile.thread_rank()] = 0.0f;
}
