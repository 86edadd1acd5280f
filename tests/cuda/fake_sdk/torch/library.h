// A stand-in for PyTorch's torch/library.h, written for the opscope tests: just enough of the
// op-registration API for the semantic pass to resolve TORCH_LIBRARY blocks. Not PyTorch's code.
#pragma once
#include <cuda_runtime.h>

namespace at {
class Tensor {
 public:
  bool is_cuda() const;
  template <class T> T* data_ptr() const;
  long numel() const;
};
namespace cuda {
class CUDAStream {
 public:
  operator cudaStream_t() const;
};
CUDAStream getCurrentCUDAStream(int device = -1);
}  // namespace cuda
}  // namespace at

namespace torch {
using at::Tensor;
class Library {
 public:
  template <class Schema> Library& def(Schema&& schema);
  template <class Name, class Fn> Library& impl(Name&& name, Fn&& fn);
};
}  // namespace torch

#define TORCH_LIBRARY(ns, m) \
  static void TORCH_LIBRARY_init_##ns(torch::Library&); \
  void TORCH_LIBRARY_init_##ns(torch::Library& m)
#define TORCH_LIBRARY_IMPL(ns, k, m) \
  static void TORCH_LIBRARY_IMPL_init_##ns##_##k(torch::Library&); \
  void TORCH_LIBRARY_IMPL_init_##ns##_##k(torch::Library& m)
#define AT_DISPATCH_FLOATING_TYPES(type, name, ...) __VA_ARGS__()
