// Regression from karpathy/llm.c: nvToolsExt.h maps the generic names to the ASCII functions, so
// nvtxRangePush("...") is nvtxRangePushA.
// CHECK-INPUT: semantic
#include <nvtx3/nvToolsExt.h>  // CHECK: [[@LINE]]:11 nvtx3/nvToolsExt.h header lexical lib=nvtx

void profiled() {
  nvtxRangePush("step");
// CHECK: [[@LINE-1]]:3 nvtxRangePush macro semantic lib=nvtx
  nvtxMark("here");
// CHECK: [[@LINE-1]]:3 nvtxMark macro semantic lib=nvtx
  nvtxRangePop();
// CHECK: [[@LINE-1]]:3 nvtxRangePop function semantic lib=nvtx
}
