// Hazards in code Clang does not parse (an #if 0 block, a macro body never used) are still found,
// from tokens, and marked lexical; the same code in an active branch is semantic.
// CHECK-INPUT: semantic
#include <cuda_runtime.h>

// A macro body outside any device function: the names and the mask, not the loop's offset.
#define WARP_SUM(v) for (int o = 16; o > 0; o /= 2) v += __shfl_xor_sync(0xffffffff, v, o)
// CHECK: [[@LINE-1]]:58 __shfl_xor_sync intrinsic lexical lib=device_intrinsics
// CHECK: [[@LINE-2]]:74 warp-size-32 hazard lexical {full 32-lane mask 0xffffffff passed to __shfl_xor_sync}

#if 0
__device__ float oldSum(float v) {
// CHECK: [[@LINE-1]]:18 oldSum device_function lexical lib=user {lines=10 hazards=inline-ptx,warp-size-32}
  for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffff, v, o);
// CHECK: [[@LINE-1]]:16 warp-size-32 hazard lexical {warp reduction loop starts at offset 16, half of a 32-lane warp}
// CHECK: [[@LINE-2]]:40 __shfl_down_sync intrinsic lexical lib=device_intrinsics
// CHECK: [[@LINE-3]]:57 warp-size-32 hazard lexical {full 32-lane mask 0xffffffff passed to __shfl_down_sync}
  asm volatile("membar.gl;");
// CHECK: [[@LINE-1]]:3 inline-ptx hazard lexical {inline asm: membar.gl}
  return v;
}
#endif

__device__ float newSum(float v) {
// CHECK: [[@LINE-1]]:18 newSum device_function semantic lib=user {lines=8}
  for (int o = warpSize / 2; o > 0; o /= 2) v += __shfl_down_sync(__activemask(), v, o);
// CHECK: [[@LINE-1]]:16 warpSize macro semantic lib=device_intrinsics
// CHECK: [[@LINE-2]]:50 __shfl_down_sync intrinsic semantic lib=device_intrinsics
// CHECK: [[@LINE-3]]:67 __activemask intrinsic semantic lib=device_intrinsics
  return v;
}
