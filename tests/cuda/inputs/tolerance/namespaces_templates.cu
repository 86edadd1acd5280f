// using namespace, namespace aliases and templates resolve to the CUDA names they stand for.
#include <cuda_runtime.h>
#include <cooperative_groups.h>
#include <mma.h>

using namespace nvcuda;
namespace cg = cooperative_groups;

template <typename T>
void copyAsync(T* dst, const T* src, size_t n, cudaStream_t s) {
// CHECK: [[@LINE-1]]:48 cudaStream_t type semantic
  cudaMemcpyAsync(dst, src, n * sizeof(T), cudaMemcpyDeviceToDevice, s);
// CHECK: [[@LINE-1]]:3 cudaMemcpyAsync function semantic
// CHECK: [[@LINE-2]]:44 cudaMemcpyDeviceToDevice enum_value semantic
}

template <int Tile>
__global__ void gridSync(float* x) {
// CHECK: [[@LINE-1]]:17 gridSync kernel semantic {lines=10 hazards=grid-sync}
  cg::grid_group grid = cg::this_grid();
// CHECK: [[@LINE-1]]:7 cooperative_groups::grid_group type semantic
// CHECK: [[@LINE-2]]:29 cooperative_groups::this_grid intrinsic semantic
// CHECK: [[@LINE-3]]:29 grid-sync hazard semantic {uses cooperative_groups::this_grid}
  grid.sync();
// CHECK: [[@LINE-1]]:8 cooperative_groups::grid_group::sync intrinsic semantic
// CHECK: [[@LINE-2]]:8 grid-sync hazard semantic {uses cooperative_groups::grid_group::sync}
}
