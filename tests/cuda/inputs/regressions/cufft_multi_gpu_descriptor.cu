// Regression from NVIDIA/cuda-samples (simpleCUFFT_MGPU, simpleCUFFT_callback): cufftXt.h's
// multi-GPU descriptor is a structure code reads, and its callbacks are typed function pointers.
// CHECK-INPUT: semantic
#include <cufft.h>  // CHECK: [[@LINE]]:11 cufft.h header lexical lib=cufft
#include <cufftXt.h>

__device__ cufftComplex scale_load(void* in, size_t i, void* info, void* shared) { return ((cufftComplex*)in)[i]; }
// CHECK: [[@LINE-1]]:12 cufftComplex type semantic lib=cufft
// CHECK: [[@LINE-2]]:25 scale_load device_function semantic lib=user {lines=1}
// CHECK: [[@LINE-3]]:93 cufftComplex type semantic lib=cufft
__device__ cufftCallbackLoadC scale_load_ptr = scale_load;
// CHECK: [[@LINE-1]]:12 cufftCallbackLoadC type semantic lib=cufft

int first_gpu_bytes(cufftHandle plan, cufftComplex* host, size_t n) {
// CHECK: [[@LINE-1]]:21 cufftHandle type semantic lib=cufft
// CHECK: [[@LINE-2]]:39 cufftComplex type semantic lib=cufft
  int gpus[2] = {0, 1};
  cudaLibXtDesc* desc;
// CHECK: [[@LINE-1]]:3 cudaLibXtDesc type semantic lib=cufft
  cufftXtSetGPUs(plan, 2, gpus);
// CHECK: [[@LINE-1]]:3 cufftXtSetGPUs function semantic lib=cufft
  cufftXtMalloc(plan, &desc, CUFFT_XT_FORMAT_INPLACE);
// CHECK: [[@LINE-1]]:3 cufftXtMalloc function semantic lib=cufft
// CHECK: [[@LINE-2]]:30 CUFFT_XT_FORMAT_INPLACE enum_value semantic lib=cufft
  cufftXtMemcpy(plan, desc, host, CUFFT_COPY_HOST_TO_DEVICE);
// CHECK: [[@LINE-1]]:3 cufftXtMemcpy function semantic lib=cufft
// CHECK: [[@LINE-2]]:35 CUFFT_COPY_HOST_TO_DEVICE enum_value semantic lib=cufft
  cufftXtExecDescriptorC2C(plan, desc, desc, CUFFT_FORWARD);
// CHECK: [[@LINE-1]]:3 cufftXtExecDescriptorC2C function semantic lib=cufft
// CHECK: [[@LINE-2]]:46 CUFFT_FORWARD macro semantic lib=cufft
  int bytes = (int)desc->descriptor->size[0] + desc->descriptor->GPUs[desc->descriptor->nGPUs - 1];
  cufftXtFree(desc);
// CHECK: [[@LINE-1]]:3 cufftXtFree function semantic lib=cufft
  return bytes;
}
