// Regression from karpathy/llm.c: cuBLAS's headers bring cuda_fp16.h and cuda_bf16.h in, so code
// including only cublas_v2.h and cublasLt.h names __nv_bfloat16.
// CHECK-INPUT: semantic
#include <cublas_v2.h>
#include <cublasLt.h>  // CHECK: [[@LINE]]:11 cublasLt.h header lexical lib=cublasLt

typedef __nv_bfloat16 floatX;
// CHECK: [[@LINE-1]]:9 __nv_bfloat16 type semantic lib=cuda_bf16
// CHECK: [[@LINE-2]]:9 bf16 hazard semantic lib=hazard {uses __nv_bfloat16}
__global__ void scale(floatX* x, float s) { x[threadIdx.x] = __float2bfloat16(__bfloat162float(x[threadIdx.x]) * s); }
// CHECK: [[@LINE-1]]:17 scale kernel semantic lib=user {lines=1 hazards=bf16}
// CHECK: [[@LINE-2]]:62 __float2bfloat16 intrinsic semantic lib=cuda_bf16
// CHECK: [[@LINE-3]]:62 bf16 hazard semantic lib=hazard {uses __float2bfloat16}
// CHECK: [[@LINE-4]]:79 __bfloat162float function semantic lib=cuda_bf16
// CHECK: [[@LINE-5]]:79 bf16 hazard semantic lib=hazard {uses __bfloat162float}
