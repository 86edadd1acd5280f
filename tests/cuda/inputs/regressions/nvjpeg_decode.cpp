// Regression from NVIDIA/cuda-samples (nvJPEG): nvjpeg.h is a toolkit header; its image is a
// structure of channel pointers and pitches, and its allocators take the application's functions.
// CHECK-INPUT: semantic
#include <cuda_runtime_api.h>
#include <nvjpeg.h>

static int device_malloc(void** p, size_t s) { return (int)cudaMalloc(p, s); }
// CHECK: [[@LINE-1]]:60 cudaMalloc function semantic lib=cudart
static int device_free(void* p) { return (int)cudaFree(p); }
// CHECK: [[@LINE-1]]:47 cudaFree function semantic lib=cudart

int decode_rgb(const unsigned char* jpeg, size_t size, unsigned char* out, int pitch, cudaStream_t stream) {
// CHECK: [[@LINE-1]]:87 cudaStream_t type semantic lib=cudart
  nvjpegDevAllocator_t allocator = {&device_malloc, &device_free};
// CHECK: [[@LINE-1]]:3 nvjpegDevAllocator_t type semantic lib=nvjpeg
  nvjpegHandle_t handle;
// CHECK: [[@LINE-1]]:3 nvjpegHandle_t type semantic lib=nvjpeg
  nvjpegJpegState_t state;
// CHECK: [[@LINE-1]]:3 nvjpegJpegState_t type semantic lib=nvjpeg
  int channels, widths[NVJPEG_MAX_COMPONENT], heights[NVJPEG_MAX_COMPONENT];
  nvjpegChromaSubsampling_t subsampling;
// CHECK: [[@LINE-1]]:3 nvjpegChromaSubsampling_t type semantic lib=nvjpeg
  if (nvjpegCreate(NVJPEG_BACKEND_DEFAULT, &allocator, &handle) != NVJPEG_STATUS_SUCCESS) return -1;
// CHECK: [[@LINE-1]]:7 nvjpegCreate function semantic lib=nvjpeg
// CHECK: [[@LINE-2]]:20 NVJPEG_BACKEND_DEFAULT enum_value semantic lib=nvjpeg
// CHECK: [[@LINE-3]]:68 NVJPEG_STATUS_SUCCESS enum_value semantic lib=nvjpeg
  nvjpegJpegStateCreate(handle, &state);
// CHECK: [[@LINE-1]]:3 nvjpegJpegStateCreate function semantic lib=nvjpeg
  nvjpegGetImageInfo(handle, jpeg, size, &channels, &subsampling, widths, heights);
// CHECK: [[@LINE-1]]:3 nvjpegGetImageInfo function semantic lib=nvjpeg
  nvjpegImage_t image;
// CHECK: [[@LINE-1]]:3 nvjpegImage_t type semantic lib=nvjpeg
  image.channel[0] = out;
  image.pitch[0] = (size_t)pitch;
  nvjpegStatus_t status = nvjpegDecode(handle, state, jpeg, size, NVJPEG_OUTPUT_RGBI, &image, stream);
// CHECK: [[@LINE-1]]:3 nvjpegStatus_t type semantic lib=nvjpeg
// CHECK: [[@LINE-2]]:27 nvjpegDecode function semantic lib=nvjpeg
// CHECK: [[@LINE-3]]:67 NVJPEG_OUTPUT_RGBI enum_value semantic lib=nvjpeg
  nvjpegJpegStateDestroy(state);
// CHECK: [[@LINE-1]]:3 nvjpegJpegStateDestroy function semantic lib=nvjpeg
  nvjpegDestroy(handle);
// CHECK: [[@LINE-1]]:3 nvjpegDestroy function semantic lib=nvjpeg
  return status == NVJPEG_STATUS_SUCCESS ? widths[0] : -1;
// CHECK: [[@LINE-1]]:20 NVJPEG_STATUS_SUCCESS enum_value semantic lib=nvjpeg
}

// Helpers test nvjpeg.h's API macro to see it is included (cuda-samples' helper_cuda.h).
#ifdef NVJPEGAPI
const char* status_name(nvjpegStatus_t s) { return s == NVJPEG_STATUS_SUCCESS ? "success" : "error"; }
// CHECK: [[@LINE-1]]:25 nvjpegStatus_t type semantic lib=nvjpeg
// CHECK: [[@LINE-2]]:57 NVJPEG_STATUS_SUCCESS enum_value semantic lib=nvjpeg
#endif
