// Regressions from scanning NVIDIA/apex: a project's own helper declared inside PyTorch's
// at::cuda namespace is the project's, not PyTorch's; `using namespace` of such a namespace does
// not turn std::vector into a PyTorch name; the namespace a using directive names is no finding.
// The PyTorch headers are incomplete here (tests/cuda/fake_sdk's torch/extension.h without the
// torch/all.h it includes), so most of the file is read from tokens.
// CHECK-INPUT: lexical 'torch/all.h' file not found
#include <torch/extension.h>
#include <vector>

namespace at {
namespace cuda {
namespace utils {
static inline int SharedBytesPerSM(int device) { return getDeviceProperties(device)->sharedMemPerMultiprocessor; }
}  // namespace utils
}  // namespace cuda
}  // namespace at

int occupancy(int device, int bytes) {
  using namespace at::cuda::utils;
  std::vector<int> sizes{bytes};
  return SharedBytesPerSM(device) / sizes[0] + at::cuda::utils::SharedBytesPerSM(device);
}

#if 0
int legacyOccupancy(int device) { return at::cuda::utils::SharedBytesPerSM(device); }
#endif
