// Regression from scanning ggml: a project macro defined in an inactive branch of a header (NCCL
// support compiled out) and used in another file's inactive code is the project's, not an unknown
// NCCL name.
// CHECK-INPUT: semantic
#include <cuda_runtime.h>
#include "project_nccl.cuh"

int allReduce(float* buffer, int n) {
#ifdef PROJECT_USE_NCCL
  NCCL_CHECK(ncclAllReduce(buffer, buffer, n, ncclFloat, ncclSum, nullptr, nullptr));
// CHECK: [[@LINE-1]]:14 ncclAllReduce function lexical lib=nccl
// CHECK: [[@LINE-2]]:47 ncclFloat enum_value lexical lib=nccl
// CHECK: [[@LINE-3]]:58 ncclSum enum_value lexical lib=nccl
#endif
  return n;
}
