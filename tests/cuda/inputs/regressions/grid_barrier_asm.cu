// Regression from scanning NVIDIA/apex: hand-written grid barriers borrow the pointer constraint
// macro of the toolkit's cooperative groups headers; the shims define it, so the unit parses.
// CHECK-INPUT: semantic
#include <cooperative_groups.h>

__device__ void arrive(unsigned* counter, unsigned n) {
// CHECK: [[@LINE-1]]:17 arrive device_function semantic lib=user {lines=6 hazards=inline-ptx}
  unsigned old;
  asm volatile("atom.add.release.gpu.u32 %0,[%1],%2;" : "=r"(old) : _CG_ASM_PTR_CONSTRAINT(counter), "r"(n) : "memory");
// CHECK: [[@LINE-1]]:3 inline-ptx hazard semantic {inline asm: atom.add.release.gpu.u32}
}

__device__ bool flipped(unsigned before, unsigned now) {
// CHECK: [[@LINE-1]]:17 flipped device_function semantic lib=user {lines=5}
  return cooperative_groups::details::bar_has_flipped(before, now);
// CHECK: [[@LINE-1]]:39 cooperative_groups::details::bar_has_flipped intrinsic semantic lib=cooperative_groups
}
