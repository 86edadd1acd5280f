// Cooperative groups included before the runtime, as NVIDIA's graph samples do: HIP 5.2's
// hip/hip_cooperative_groups.h needs hip/hip_runtime.h first (it uses hipBlockDim_z), so the
// rewrite puts it there. Also cudaFuncGetAttributes on the kernel itself, and a warp reduction.
// Each CHECK-DCU line gives the line above it after `opscope rewrite --target dcu`.
#include <cooperative_groups.h>
// CHECK-DCU: #include <hip/hip_cooperative_groups.h>
#include <cuda_runtime.h>
// CHECK-DCU: #include <hip/hip_runtime.h>

namespace cg = cooperative_groups;

__global__ void block_sum(const float* in, float* out) {
  cg::thread_block block = cg::this_thread_block();
  float v = in[block.thread_rank()];
  for (int offset = 16; offset > 0; offset /= 2) v += __shfl_down_sync(0xffffffff, v, offset);
  // CHECK-DCU: for (int offset = 16; offset > 0; offset /= 2) v += __shfl_down(v, offset);
  if (block.thread_rank() == 0) out[blockIdx.x] = v;
}

int registers_per_thread() {
  cudaFuncAttributes attributes;
  cudaFuncGetAttributes(&attributes, block_sum);
  // CHECK-DCU: hipFuncGetAttributes(&attributes, reinterpret_cast<const void*>(block_sum));
  return attributes.numRegs;
}
