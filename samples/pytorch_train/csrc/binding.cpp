// Declares the entry point of layer_norm.cu for the extension's Python binding.
#include <cuda_runtime.h>

void layer_norm_forward(const float* x, const float* gamma, const float* beta, float* y, int rows, int cols,
                        float eps, cudaStream_t stream);

int tinygpt_ext_version() { return 1; }
