// Names that look like CUDA but are the user's own are not CUDA: a function, a type, a macro and
// a variable, whether Clang parses the file or not.
// CHECK-INPUT: semantic
#include <cuda_runtime.h>

namespace mylib {
int cudaMalloc(void** p, size_t n) { *p = nullptr; return static_cast<int>(n); }
}  // namespace mylib

struct cudnnHandle_t { int id; };
typedef int CUresult;
#define cublasCreate(h) ((void)(h))

int use() {
  void* p = nullptr;
  mylib::cudaMalloc(&p, 16);
  cudnnHandle_t h{1};
  CUresult r = 0;
  cublasCreate(&h);
  int cudaStatus = h.id + r;
  return cudaStatus + static_cast<int>(cudaFree(p));
// CHECK: [[@LINE-1]]:40 cudaFree function semantic
}
