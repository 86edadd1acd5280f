// Regression from NVIDIA/cuda-samples: math_constants.h, cuda/pipeline and cuda/barrier (libcu++),
// and cuda::std, which the samples include beside the runtime.
// CHECK-INPUT: semantic
#include <math_constants.h>
#include <cuda/pipeline>
#include <cuda/barrier>
#include <cuda/std/functional>
#include <cooperative_groups.h>

__global__ void staged(const float* in, float* out) {
// CHECK: [[@LINE-1]]:17 staged kernel semantic lib=user {lines=28}
  __shared__ float buf[64];
  __shared__ cuda::barrier<cuda::thread_scope_block> bar;
// CHECK: [[@LINE-1]]:20 cuda::barrier type semantic lib=libcudacxx
// CHECK: [[@LINE-2]]:34 cuda::thread_scope_block enum_value semantic lib=libcudacxx
  auto block = cooperative_groups::this_thread_block();
// CHECK: [[@LINE-1]]:36 cooperative_groups::this_thread_block intrinsic semantic lib=cooperative_groups
  if (block.thread_rank() == 0) init(&bar, block.size());
// CHECK: [[@LINE-1]]:13 cooperative_groups::thread_group::thread_rank intrinsic semantic lib=cooperative_groups
// CHECK: [[@LINE-2]]:33 cuda::init function semantic lib=libcudacxx
// CHECK: [[@LINE-3]]:50 cooperative_groups::thread_group::size intrinsic semantic lib=cooperative_groups
  block.sync();
// CHECK: [[@LINE-1]]:9 cooperative_groups::thread_group::sync intrinsic semantic lib=cooperative_groups
  cuda::pipeline<cuda::thread_scope_thread> pipe = cuda::make_pipeline();
// CHECK: [[@LINE-1]]:9 cuda::pipeline type semantic lib=libcudacxx
// CHECK: [[@LINE-2]]:24 cuda::thread_scope_thread enum_value semantic lib=libcudacxx
// CHECK: [[@LINE-3]]:58 cuda::make_pipeline function semantic lib=libcudacxx
  pipe.producer_acquire();
  cuda::memcpy_async(buf, in, cuda::aligned_size_t<16>(sizeof(buf)), pipe);
// CHECK: [[@LINE-1]]:9 cuda::memcpy_async function semantic lib=libcudacxx
// CHECK: [[@LINE-2]]:37 cuda::aligned_size_t type semantic lib=libcudacxx
  pipe.producer_commit();
  pipe.consumer_wait();
  out[threadIdx.x] = cuda::std::plus<float>()(buf[threadIdx.x], CUDART_PI_F);
  pipe.consumer_release();
  bar.arrive_and_wait();
}
