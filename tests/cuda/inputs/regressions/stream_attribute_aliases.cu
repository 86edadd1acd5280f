// Regression from NVIDIA/cuda-samples (simpleAttributes): the stream attribute names are the launch
// attributes under other names, so they assign to a cudaStreamAttrID.
// CHECK-INPUT: semantic
#include <cuda_runtime.h>

cudaStreamAttrID persisting() {
// CHECK: [[@LINE-1]]:1 cudaStreamAttrID type semantic lib=cudart
  cudaStreamAttrID id = cudaStreamAttributeAccessPolicyWindow;
// CHECK: [[@LINE-1]]:3 cudaStreamAttrID type semantic lib=cudart
// CHECK: [[@LINE-2]]:25 cudaStreamAttributeAccessPolicyWindow macro semantic lib=cudart
  return id;
}
