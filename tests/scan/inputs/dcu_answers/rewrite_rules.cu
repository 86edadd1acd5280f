// Inline expectations for the DCU answers the rewrite's rules decide (rules/cuda/dcu.yaml), so the
// scan says what `opscope rewrite --target dcu` does: a fallback it defines, a rename to a HIP
// overload, a macro it removes, a version macro it maps where #if tests it. Format as in
// shapes_and_headers.cu.
#include <cuda_runtime.h>
// DCU: [[@LINE-1]] cuda_runtime.h mapped hip/hip_runtime.h

__global__ void count(unsigned* ring, unsigned* credits, unsigned n, unsigned limit) {
  atomicInc_system(ring, n - 1);
// DCU: [[@LINE-1]] atomicInc_system partial opscope_atomicInc_system atomicCAS_system dcu-atomic-inc-system
  atomicDec_system(credits, limit);
// DCU: [[@LINE-1]] atomicDec_system partial opscope_atomicDec_system atomicCAS_system
  unsigned lo = umin(n, limit);
// DCU: [[@LINE-1]] umin mapped min overloaded dcu-umin
  ring[0] = umax(lo, 1u);
// DCU: [[@LINE-1]] umax mapped max
  atomicAdd_system(ring, 1u);
// DCU: [[@LINE-1]] atomicAdd_system native
}

void CUDART_CB done(cudaStream_t, cudaError_t, void*) {}
// DCU: [[@LINE-1]] CUDART_CB mapped removes

int runtime_version() {
#if CUDART_VERSION >= 11000
// DCU: [[@LINE-1]] CUDART_VERSION partial HIP_VERSION dcu-macro-cudart-version
  return 1;
#else
  return 0;
#endif
}
