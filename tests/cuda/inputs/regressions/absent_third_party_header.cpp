// Regression from karpathy/llm.c: a header of a separate project (NVIDIA's cudnn-frontend) absent
// from the machine is reported as missing, not as opscope's gap or a code error.
// CHECK-INPUT: lexical cudnn_frontend.h is not on this machine
#include <cuda_runtime.h>
#include <cudnn_frontend.h>

void attention(cudaStream_t stream) { cudaStreamSynchronize(stream); }
// CHECK: [[@LINE-1]]:16 cudaStream_t type semantic lib=cudart
// CHECK: [[@LINE-2]]:39 cudaStreamSynchronize function semantic lib=cudart
