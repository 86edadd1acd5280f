// Thrust and CUB resolve through the shims; CUTLASS and CuTe, not installed here, are found from
// tokens.
// CHECK-INPUT: lexical 'cutlass/gemm/device/gemm.h' file not found
#include <thrust/device_vector.h>
#include <thrust/sort.h>
#include <cub/cub.cuh>
#include <cutlass/gemm/device/gemm.h>

void sortAndSum(float* data, int n, void* tmp, size_t bytes, float* out) {
  thrust::device_vector<float> v(data, data + n);
// CHECK: [[@LINE-1]]:11 thrust::device_vector type semantic lib=thrust
  thrust::sort(thrust::device, v.begin(), v.end());
// CHECK: [[@LINE-1]]:11 thrust::sort function semantic lib=thrust
// CHECK: [[@LINE-2]]:34 thrust::device_vector::begin function semantic lib=thrust
// CHECK: [[@LINE-3]]:45 thrust::device_vector::end function semantic lib=thrust
  cub::DeviceReduce::Sum(tmp, bytes, data, out, n);
// CHECK: [[@LINE-1]]:22 cub::DeviceReduce::Sum function semantic lib=cub
// CHECK: [[@LINE-2]]:8 cub::DeviceReduce type semantic lib=cub
  using Gemm = cutlass::gemm::device::Gemm<float, cutlass::layout::RowMajor, float, cutlass::layout::RowMajor,
// CHECK: [[@LINE-1]]:39 cutlass::gemm::device::Gemm type lexical lib=cutlass
// CHECK: [[@LINE-2]]:68 cutlass::layout::RowMajor type lexical lib=cutlass
// CHECK: [[@LINE-3]]:102 cutlass::layout::RowMajor type lexical
                                           float, cutlass::layout::RowMajor>;
// CHECK: [[@LINE-1]]:68 cutlass::layout::RowMajor type lexical
  Gemm gemm;
  (void)gemm;
}
