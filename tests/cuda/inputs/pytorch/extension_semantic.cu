// The same extension surface with the SDK's headers present (tests/cuda/fake_sdk stands in for
// PyTorch and pybind11, outside the scan root): everything resolves semantically.
// CHECK-INPUT: semantic
#include <torch/library.h>
#include <pybind11/pybind11.h>

__global__ void relu_kernel(float* x, long n) {
// CHECK: [[@LINE-1]]:17 relu_kernel kernel semantic {lines=5}
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i < n && x[i] < 0.0f) x[i] = 0.0f;
}

torch::Tensor relu_cuda(torch::Tensor x) {
  cudaStream_t stream = at::cuda::getCurrentCUDAStream();
// CHECK: [[@LINE-1]]:3 cudaStream_t type semantic
// CHECK: [[@LINE-2]]:35 at::cuda::getCurrentCUDAStream function semantic lib=torch_cuda
  AT_DISPATCH_FLOATING_TYPES(x, "relu", [&] {
// CHECK: [[@LINE-1]]:3 AT_DISPATCH_FLOATING_TYPES macro semantic lib=torch_cuda
    relu_kernel<<<1, 256, 0, stream>>>(x.data_ptr<float>(), x.numel());
// CHECK: [[@LINE-1]]:5 relu_kernel kernel_launch semantic via AT_DISPATCH_FLOATING_TYPES
  });
  return x;
}

TORCH_LIBRARY(vision_ops, m) {
  m.def("relu(Tensor x) -> Tensor");
// CHECK: [[@LINE-1]]:9 vision_ops::relu registered_op semantic {TORCH_LIBRARY def}
}

TORCH_LIBRARY_IMPL(vision_ops, CUDA, m) {
  m.impl("relu", relu_cuda);
// CHECK: [[@LINE-1]]:10 vision_ops::relu registered_op semantic {TORCH_LIBRARY_IMPL CUDA impl}
}

PYBIND11_MODULE(vision_ext, m) {
  m.def("relu", &relu_cuda, "in-place ReLU");
// CHECK: [[@LINE-1]]:9 relu registered_op semantic {PYBIND11_MODULE vision_ext def}
}
