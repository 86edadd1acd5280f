// cuBLAS, cuBLASLt and cuDNN (legacy and backend API) uses, as written in application code.
#include <cublas_v2.h>
#include <cublasLt.h>  // CHECK: [[@LINE]]:11 cublasLt.h header lexical lib=cublasLt
#include <cudnn.h>

void gemm(cublasHandle_t h, const float* a, const float* b, float* c, int n) {
// CHECK: [[@LINE-1]]:11 cublasHandle_t type semantic lib=cublas
  const float one = 1.0f, zero = 0.0f;
  cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_T, n, n, n, &one, a, n, b, n, &zero, c, n);
// CHECK: [[@LINE-1]]:3 cublasSgemm macro semantic lib=cublas
// CHECK: [[@LINE-2]]:18 CUBLAS_OP_N enum_value semantic
// CHECK: [[@LINE-3]]:31 CUBLAS_OP_T enum_value semantic
  cublasSetMathMode(h, CUBLAS_TENSOR_OP_MATH);
// CHECK: [[@LINE-1]]:3 cublasSetMathMode function semantic lib=cublas
// CHECK: [[@LINE-2]]:24 CUBLAS_TENSOR_OP_MATH enum_value semantic
// CHECK: [[@LINE-3]]:24 tensor-cores hazard semantic {uses CUBLAS_TENSOR_OP_MATH}
}

void lt(cublasLtHandle_t lt, cublasLtMatmulDesc_t desc) {
// CHECK: [[@LINE-1]]:9 cublasLtHandle_t type semantic lib=cublasLt
// CHECK: [[@LINE-2]]:30 cublasLtMatmulDesc_t type semantic lib=cublasLt
  cublasLtMatmulDescCreate(&desc, CUBLAS_COMPUTE_32F, CUDA_R_32F);
// CHECK: [[@LINE-1]]:3 cublasLtMatmulDescCreate function semantic lib=cublasLt
// CHECK: [[@LINE-2]]:35 CUBLAS_COMPUTE_32F enum_value semantic lib=cublas
// CHECK: [[@LINE-3]]:55 CUDA_R_32F enum_value semantic lib=cudart
}

void conv(cudnnHandle_t h, cudnnTensorDescriptor_t x) {
// CHECK: [[@LINE-1]]:11 cudnnHandle_t type semantic lib=cudnn
// CHECK: [[@LINE-2]]:28 cudnnTensorDescriptor_t type semantic lib=cudnn
  if (cudnnCreateTensorDescriptor(&x) != CUDNN_STATUS_SUCCESS) return;
// CHECK: [[@LINE-1]]:7 cudnnCreateTensorDescriptor function semantic lib=cudnn
// CHECK: [[@LINE-2]]:42 CUDNN_STATUS_SUCCESS enum_value semantic
  cudnnSetTensor4dDescriptor(x, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 1, 3, 224, 224);
// CHECK: [[@LINE-1]]:3 cudnnSetTensor4dDescriptor function semantic
// CHECK: [[@LINE-2]]:33 CUDNN_TENSOR_NCHW enum_value semantic
// CHECK: [[@LINE-3]]:52 CUDNN_DATA_FLOAT enum_value semantic
  cudnnConvolutionFwdAlgoPerf_t perf[4];
// CHECK: [[@LINE-1]]:3 cudnnConvolutionFwdAlgoPerf_t type semantic
  float ms = perf[0].time;
  (void)ms;
  cudnnBackendDescriptor_t graph;
// CHECK: [[@LINE-1]]:3 cudnnBackendDescriptor_t type semantic
  cudnnBackendCreateDescriptor(CUDNN_BACKEND_OPERATIONGRAPH_DESCRIPTOR, &graph);
// CHECK: [[@LINE-1]]:3 cudnnBackendCreateDescriptor function semantic
// CHECK: [[@LINE-2]]:32 CUDNN_BACKEND_OPERATIONGRAPH_DESCRIPTOR enum_value semantic
  printf("%s\n", cudnnGetErrorString(CUDNN_STATUS_SUCCESS));
// CHECK: [[@LINE-1]]:18 cudnnGetErrorString function semantic
// CHECK: [[@LINE-2]]:38 CUDNN_STATUS_SUCCESS enum_value semantic
}
