// Regression from NVIDIA/cuda-samples (segmentationTreeThrust): thrust::device_malloc(bytes) gives
// a device_ptr<void> (raw device memory) that code carves into typed pointers; an unqualified
// swap of two device pointers finds thrust::swap.
// CHECK-INPUT: semantic
#include <thrust/device_malloc.h>
#include <thrust/device_free.h>
#include <thrust/device_ptr.h>

thrust::device_ptr<float> carve(thrust::device_ptr<void>& base, size_t chunk_bytes, int chunks, int index) {
// CHECK: [[@LINE-1]]:9 thrust::device_ptr type semantic lib=thrust
// CHECK: [[@LINE-2]]:41 thrust::device_ptr type semantic lib=thrust
  base = thrust::device_malloc(chunk_bytes * chunks);
// CHECK: [[@LINE-1]]:18 thrust::device_malloc function semantic lib=thrust
  return thrust::device_ptr<float>(reinterpret_cast<float*>(static_cast<char*>(base.get()) + chunk_bytes * index));
// CHECK: [[@LINE-1]]:18 thrust::device_ptr type semantic lib=thrust
// CHECK: [[@LINE-2]]:85 thrust::device_ptr::get function semantic lib=thrust
}

void release(thrust::device_ptr<void> base) { thrust::device_free(base); }
// CHECK: [[@LINE-1]]:22 thrust::device_ptr type semantic lib=thrust
// CHECK: [[@LINE-2]]:55 thrust::device_free function semantic lib=thrust

void exchange(thrust::device_ptr<unsigned int>& a, thrust::device_ptr<unsigned int>& b) { swap(a, b); }
// CHECK: [[@LINE-1]]:23 thrust::device_ptr type semantic lib=thrust
// CHECK: [[@LINE-2]]:60 thrust::device_ptr type semantic lib=thrust
// CHECK: [[@LINE-3]]:91 thrust::swap function semantic lib=thrust
