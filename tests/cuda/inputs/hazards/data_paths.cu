// textures-surfaces, cuda-graphs, fp8, bf16, tensor-cores through library math modes.
#include <cuda_runtime.h>
#include <cuda_bf16.h>  // CHECK: [[@LINE]]:11 cuda_bf16.h header lexical lib=cuda_bf16
#include <cuda_fp8.h>

__global__ void sample(cudaTextureObject_t tex, float* out) {
// CHECK: [[@LINE-1]]:17 sample kernel semantic {lines=8 hazards=textures-surfaces}
// CHECK: [[@LINE-2]]:24 cudaTextureObject_t type semantic lib=cudart
// CHECK: [[@LINE-3]]:24 textures-surfaces hazard semantic {uses cudaTextureObject_t}
  out[threadIdx.x] = tex2D<float>(tex, 0.5f, 0.5f);
// CHECK: [[@LINE-1]]:22 tex2D intrinsic semantic lib=device_intrinsics
// CHECK: [[@LINE-2]]:22 textures-surfaces hazard semantic {uses tex2D}
}

__global__ void narrow(__nv_bfloat16* b, __nv_fp8_e4m3* f, int n) {
// CHECK: [[@LINE-1]]:17 narrow kernel semantic {lines=11 hazards=bf16,fp8}
// CHECK: [[@LINE-2]]:24 __nv_bfloat16 type semantic lib=cuda_bf16
// CHECK: [[@LINE-3]]:24 bf16 hazard semantic {uses __nv_bfloat16}
// CHECK: [[@LINE-4]]:42 __nv_fp8_e4m3 type semantic lib=cuda_fp8
// CHECK: [[@LINE-5]]:42 fp8 hazard semantic {uses __nv_fp8_e4m3}
  int i = threadIdx.x;
  if (i < n) b[i] = __float2bfloat16(float(f[i]));
// CHECK: [[@LINE-1]]:21 __float2bfloat16 intrinsic semantic lib=cuda_bf16
// CHECK: [[@LINE-2]]:21 bf16 hazard semantic {uses __float2bfloat16}
}

void graph(cudaStream_t s) {
// CHECK: [[@LINE-1]]:12 cudaStream_t type semantic
  cudaGraph_t g;
// CHECK: [[@LINE-1]]:3 cudaGraph_t type semantic lib=cudart
// CHECK: [[@LINE-2]]:3 cuda-graphs hazard semantic {uses cudaGraph_t}
  cudaGraphExec_t exec;
// CHECK: [[@LINE-1]]:3 cudaGraphExec_t type semantic
// CHECK: [[@LINE-2]]:3 cuda-graphs hazard semantic {uses cudaGraphExec_t}
  cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
// CHECK: [[@LINE-1]]:3 cudaStreamBeginCapture function semantic
// CHECK: [[@LINE-2]]:3 cuda-graphs hazard semantic {uses cudaStreamBeginCapture}
// CHECK: [[@LINE-3]]:29 cudaStreamCaptureModeGlobal enum_value semantic
  cudaStreamEndCapture(s, &g);
// CHECK: [[@LINE-1]]:3 cudaStreamEndCapture function semantic
// CHECK: [[@LINE-2]]:3 cuda-graphs hazard semantic
  cudaGraphInstantiate(&exec, g, 0);
// CHECK: [[@LINE-1]]:3 cudaGraphInstantiate function semantic
// CHECK: [[@LINE-2]]:3 cuda-graphs hazard semantic
  cudaGraphLaunch(exec, s);
// CHECK: [[@LINE-1]]:3 cudaGraphLaunch function semantic
// CHECK: [[@LINE-2]]:3 cuda-graphs hazard semantic
  // Graphics interop shares the prefix and is no CUDA graph: no hazard.
  cudaGraphicsResource_t res;
// CHECK: [[@LINE-1]]:3 cudaGraphicsResource_t type semantic
  cudaGraphicsMapResources(1, &res, s);
// CHECK: [[@LINE-1]]:3 cudaGraphicsMapResources function semantic lib=cudart
}
