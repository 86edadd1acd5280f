// The project's own compound assignments between two CUDA vector values (as NVIDIA's
// helper_math.h writes them) are ambiguous beside the member operators of HIP's vector types:
// the rewrite keeps them for CUDA only (#if !defined(__HIP_PLATFORM_AMD__)), one guard per run
// of them. Scalar forms and binary operators stay. The result compiles with hipcc and
// `opscope rewrite --verify` says so.
#include <cuda_runtime.h>
// CHECK-DCU: #include <hip/hip_runtime.h>

// A comment that spells inline void operator+=(float3 &a, float3 b) is no definition.
/* Nor is this one: operator-=(float3 &a, float3 b) */
inline __host__ __device__ float3 operator+(float3 a, float3 b) { return make_float3(a.x + b.x, a.y + b.y, a.z + b.z); }
inline __host__ __device__ void operator*=(float3 &a, float b) { a.x *= b; a.y *= b; a.z *= b; }

inline __host__ __device__ void operator+=(float3 &a, float3 b) {
  a.x += b.x; a.y += b.y; a.z += b.z;
}

inline __host__ __device__ void operator-=(float3 &a, const float3 &b) { a.x -= b.x; a.y -= b.y; a.z -= b.z; }
inline __host__ __device__ int2 operator+(int2 a, int2 b) { return make_int2(a.x + b.x, a.y + b.y); }
inline __host__ __device__ void operator+=(int2 &a, int2 b) { a.x += b.x; a.y += b.y; }

__global__ void accumulate(float3* v, int2* c, int n) {
  float3 sum = make_float3(0.f, 0.f, 0.f);
  for (int i = 0; i < n; ++i) sum += v[i];
  sum -= v[0];
  sum *= 0.5f;
  v[n] = sum + v[1];
  c[0] += c[1];
}
