// A syntax error must not lose the file: calls Clang resolved stay semantic, the rest is found
// lexically, and the input says what went wrong.
// CHECK-INPUT: lexical parse error(s), first: syntax_error.cu:11:11: expected expression
#include <cuda_runtime.h>

void broken(float* p) {
  cudaMalloc(&p, 64);
// CHECK: [[@LINE-1]]:3 cudaMalloc function semantic
  cudaMemset(p, 0, 64);
// CHECK: [[@LINE-1]]:3 cudaMemset function semantic
  int x = ;
  this is not C++ at all (
  cudaFree(p);
// CHECK: [[@LINE-1]]:3 cudaFree function lexical
}
