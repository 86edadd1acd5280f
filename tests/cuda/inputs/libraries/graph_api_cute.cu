// The cuDNN v8+ graph API through cudnn_frontend, and CuTe, with neither installed: found from
// tokens. A class of a library namespace constructed in place (TensorBuilder()) is a type.
// CHECK-INPUT: lexical 'cudnn_frontend.h' file not found
#include <cudnn_frontend.h>
#include <cute/tensor.hpp>
#include <cudnn.h>

void buildGraph(cudnnHandle_t handle, const long* dims, const long* strides) {
// CHECK: [[@LINE-1]]:17 cudnnHandle_t type semantic lib=cudnn
  auto x = cudnn_frontend::TensorBuilder().setDim(4, dims).setStride(4, strides).setDataType(CUDNN_DATA_HALF).build();
// CHECK: [[@LINE-1]]:28 cudnn_frontend::TensorBuilder type lexical lib=cudnn
// CHECK: [[@LINE-2]]:94 CUDNN_DATA_HALF enum_value lexical lib=cudnn
  auto conv = cudnn_frontend::OperationBuilder(CUDNN_BACKEND_OPERATION_CONVOLUTION_FORWARD_DESCRIPTOR).build();
// CHECK: [[@LINE-1]]:31 cudnn_frontend::OperationBuilder type lexical lib=cudnn
// CHECK: [[@LINE-2]]:48 CUDNN_BACKEND_OPERATION_CONVOLUTION_FORWARD_DESCRIPTOR enum_value lexical lib=cudnn
  cudnn_frontend::OperationGraph graph = cudnn_frontend::OperationGraphBuilder().setHandle(handle).build();
// CHECK: [[@LINE-1]]:19 cudnn_frontend::OperationGraph type lexical lib=cudnn
// CHECK: [[@LINE-2]]:58 cudnn_frontend::OperationGraphBuilder type lexical lib=cudnn
}

template <class T>
__global__ void copyTile(const T* in, T* out) {
// CHECK: [[@LINE-1]]:17 copyTile kernel semantic lib=user {lines=18}
  auto layout = cute::make_layout(cute::make_shape(cute::Int<8>{}, cute::Int<8>{}));
// CHECK: [[@LINE-1]]:23 cute::make_layout function lexical lib=cute
// CHECK: [[@LINE-2]]:41 cute::make_shape function lexical lib=cute
// CHECK: [[@LINE-3]]:58 cute::Int type lexical lib=cute
// CHECK: [[@LINE-4]]:74 cute::Int type lexical lib=cute
  cute::Tensor src = cute::make_tensor(cute::make_gmem_ptr(in), layout);
// CHECK: [[@LINE-1]]:9 cute::Tensor type lexical lib=cute
// CHECK: [[@LINE-2]]:28 cute::make_tensor function lexical lib=cute
// CHECK: [[@LINE-3]]:46 cute::make_gmem_ptr function lexical lib=cute
  cute::Tensor dst = cute::make_tensor(cute::make_gmem_ptr(out), layout);
// CHECK: [[@LINE-1]]:9 cute::Tensor type lexical lib=cute
// CHECK: [[@LINE-2]]:28 cute::make_tensor function lexical lib=cute
// CHECK: [[@LINE-3]]:46 cute::make_gmem_ptr function lexical lib=cute
  cute::copy(src, dst);
// CHECK: [[@LINE-1]]:9 cute::copy function lexical lib=cute
}
