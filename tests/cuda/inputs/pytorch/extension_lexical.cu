// A PyTorch CUDA extension whose torch headers are incomplete (tests/cuda/fake_sdk has
// torch/extension.h but not the torch/all.h it includes): the PyTorch surface and the
// registrations are found from tokens; the CUDA parts still resolve.
// CHECK-INPUT: lexical torch/all.h is not on this machine (apt install libtorch-dev)
#include <torch/extension.h>

__global__ void add_kernel(const float* a, const float* b, float* out, int n) {
// CHECK: [[@LINE-1]]:17 add_kernel kernel semantic lib=user {lines=5}
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = a[i] + b[i];
}

torch::Tensor add_cuda(torch::Tensor a, torch::Tensor b) {
  TORCH_CHECK(a.is_cuda(), "a must be a CUDA tensor");
// CHECK: [[@LINE-1]]:17 at::Tensor::is_cuda function lexical lib=torch_cuda
  const at::cuda::OptionalCUDAGuard guard(device_of(a));
// CHECK: [[@LINE-1]]:19 at::cuda::OptionalCUDAGuard type lexical lib=torch_cuda
  auto out = torch::empty_like(a);
  cudaStream_t stream = at::cuda::getCurrentCUDAStream();
// CHECK: [[@LINE-1]]:3 cudaStream_t type semantic lib=cudart
// CHECK: [[@LINE-2]]:35 at::cuda::getCurrentCUDAStream function lexical lib=torch_cuda
  AT_DISPATCH_FLOATING_TYPES(a.scalar_type(), "add_cuda", [&] {
// CHECK: [[@LINE-1]]:3 AT_DISPATCH_FLOATING_TYPES macro lexical lib=torch_cuda
    add_kernel<<<(a.numel() + 255) / 256, 256, 0, stream>>>(a.data_ptr<float>(), b.data_ptr<float>(),
// CHECK: [[@LINE-1]]:5 add_kernel kernel_launch semantic
                                                          out.data_ptr<float>(), a.numel());
  });
  C10_CUDA_KERNEL_LAUNCH_CHECK();
// CHECK: [[@LINE-1]]:3 C10_CUDA_KERNEL_LAUNCH_CHECK macro lexical lib=torch_cuda
  return out;
}

TORCH_LIBRARY(myops, m) {
  m.def("add(Tensor a, Tensor b) -> Tensor");
// CHECK: [[@LINE-1]]:9 myops::add registered_op lexical lib=user {TORCH_LIBRARY def}
  m.def("scale(Tensor a, float s) -> Tensor");
// CHECK: [[@LINE-1]]:9 myops::scale registered_op lexical {TORCH_LIBRARY def}
}

TORCH_LIBRARY_IMPL(myops, CUDA, m) {
  m.impl("add", &add_cuda);
// CHECK: [[@LINE-1]]:10 myops::add registered_op lexical {TORCH_LIBRARY_IMPL CUDA impl}
}

PYBIND11_MODULE(TORCH_EXTENSION_NAME, m) {
  m.def("add", &add_cuda, "a + b on the GPU")
// CHECK: [[@LINE-1]]:9 add registered_op lexical {PYBIND11_MODULE TORCH_EXTENSION_NAME def}
      .def("add_inplace", &add_cuda, "the same, in place");
// CHECK: [[@LINE-1]]:12 add_inplace registered_op lexical
  py::class_<Options>(m, "Options").def("reset", &Options::reset);
}
