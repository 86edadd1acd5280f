// Macro-wrapped calls resolve, with the chain of macros (outermost first) in the location.
#include <cuda_runtime.h>
#include <cstdio>

#define CHECK(call) do { cudaError_t e_ = (call); if (e_ != cudaSuccess) std::abort(); } while (0)
// A name in a macro body reached through several expansions is reported once, with the least
// chain in canonical order (here ALLOC's, which expands CHECK), whichever unit saw it first.
// CHECK: [[@LINE-3]]:26 cudaError_t type semantic via ALLOC CHECK
// CHECK: [[@LINE-4]]:61 cudaSuccess enum_value semantic via ALLOC CHECK
#define ALLOC(ptr, n) CHECK(cudaMalloc(&(ptr), (n)))
// CHECK: [[@LINE-1]]:29 cudaMalloc function semantic via ALLOC CHECK
#define STREAM_FLAGS cudaStreamNonBlocking
// CHECK: [[@LINE-1]]:22 cudaStreamNonBlocking macro semantic via STREAM_FLAGS

void run(float*& d, cudaStream_t* s) {
// CHECK: [[@LINE-1]]:21 cudaStream_t type semantic
  CHECK(cudaStreamCreateWithFlags(s, STREAM_FLAGS));
// CHECK: [[@LINE-1]]:9 cudaStreamCreateWithFlags function semantic via CHECK
  ALLOC(d, 256);
}
