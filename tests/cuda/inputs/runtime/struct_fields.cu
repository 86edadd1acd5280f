// Inline-expectation test: the data members of CUDA runtime structs are findings (kind field, named
// Struct::member), read or written, through '.', '->' and array elements, wherever the catalog
// knows the member. On DCU (opdb/dcu/cuda_struct_fields.yaml) major, name, multiProcessorCount,
// maxThreadsDim and device are native, unifiedAddressing, asyncEngineCount and type missing at
// HIP 5.2. The members of the project's own structs are never findings, whatever their names.
// CHECK lines: LINE:COL SYMBOL KIND EVIDENCE [via MACRO...] (tests/cuda/ScanHarness.h).
#include <cuda_runtime.h>
#include <cstdio>

struct Settings {
  int unifiedAddressing;
  int major;
};

int usable(int dev) {
  cudaDeviceProp prop;
// CHECK: [[@LINE-1]]:3 cudaDeviceProp type semantic
  cudaGetDeviceProperties(&prop, dev);
// CHECK: [[@LINE-1]]:3 cudaGetDeviceProperties function semantic
  Settings mine{};
  mine.unifiedAddressing = prop.unifiedAddressing;
// CHECK: [[@LINE-1]]:33 cudaDeviceProp::unifiedAddressing field semantic
  mine.major = prop.major;
// CHECK: [[@LINE-1]]:21 cudaDeviceProp::major field semantic
  std::printf("%s: %d SMs, %d copy engines\n", prop.name, prop.multiProcessorCount, prop.asyncEngineCount);
// CHECK: [[@LINE-1]]:53 cudaDeviceProp::name field semantic
// CHECK: [[@LINE-2]]:64 cudaDeviceProp::multiProcessorCount field semantic
// CHECK: [[@LINE-3]]:90 cudaDeviceProp::asyncEngineCount field semantic
  cudaDeviceProp* p = &prop;
// CHECK: [[@LINE-1]]:3 cudaDeviceProp type semantic
  p->major = 7;
// CHECK: [[@LINE-1]]:6 cudaDeviceProp::major field semantic
  return mine.major + p->maxThreadsDim[0];
// CHECK: [[@LINE-1]]:26 cudaDeviceProp::maxThreadsDim field semantic
}

int pointerKind(const void* ptr, cudaDeviceProp* all, int n) {
// CHECK: [[@LINE-1]]:34 cudaDeviceProp type semantic
  cudaPointerAttributes attr;
// CHECK: [[@LINE-1]]:3 cudaPointerAttributes type semantic
  cudaPointerGetAttributes(&attr, ptr);
// CHECK: [[@LINE-1]]:3 cudaPointerGetAttributes function semantic
  int best = all[n - 1].major;
// CHECK: [[@LINE-1]]:25 cudaDeviceProp::major field semantic
  return attr.type == cudaMemoryTypeDevice ? attr.device : best;
// CHECK: [[@LINE-1]]:15 cudaPointerAttributes::type field semantic
// CHECK: [[@LINE-2]]:23 cudaMemoryTypeDevice enum_value semantic
// CHECK: [[@LINE-3]]:51 cudaPointerAttributes::device field semantic
}

// Code Clang does not parse (an inactive branch) is read from tokens: a member of a variable the
// file declares as a CUDA struct is still a finding; one of the project's struct is not.
#if OPSCOPE_NEVER_DEFINED
void legacy(cudaDeviceProp props[2], Settings s) {
// CHECK: [[@LINE-1]]:13 cudaDeviceProp type lexical
  std::printf("%d %d %d\n", props[1].unifiedAddressing, s.unifiedAddressing, props[0].minor);
// CHECK: [[@LINE-1]]:38 cudaDeviceProp::unifiedAddressing field lexical
// CHECK: [[@LINE-2]]:87 cudaDeviceProp::minor field lexical
}
#endif
