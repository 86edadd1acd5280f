// Headers only HIPIFY's include table (rules/cuda/dcu_includes.yaml, generated) or PyTorch's
// hipify include map name: the rewrite takes the whole table, not a hand list. Not compiled:
// Debian's HIP has no hipFFT, hipRAND or roctracer headers.
#include <cuda_profiler_api.h>
// CHECK-DCU: #include <hip/hip_runtime_api.h>
#include <cufftXt.h>
// CHECK-DCU: #include <hipfft/hipfftXt.h>
#include <curand_philox4x32_x.h>
// CHECK-DCU: #include <hiprand/hiprand_kernel.h>
#include "math_constants.h"
// CHECK-DCU: #include "hip/hip_math_constants.h"
#include <nvToolsExt.h>
// CHECK-DCU: #include <roctracer/roctx.h>
#include <cudnn.h>
// CHECK-DCU: #include <cudnn.h>
#include "helper_cuda.h"
// CHECK-DCU: #include "helper_cuda.h"

int main() { return 0; }
