// Regression from karpathy/llm.c: nvcc's cuda_runtime.h brings in the C library headers and, in
// C++, <cmath>, <new> and <utility>, so code uses std::forward, host sqrtf, INFINITY, M_PI and
// clock_gettime without including them; the device clock() lives beside the host one of <time.h>.
// CHECK-INPUT: semantic
template <class Kernel, class... Args>
void launch(Kernel k, Args&&... args) {
  k<<<1, 32>>>(std::forward<Args>(args)...);
// CHECK: [[@LINE-1]]:3 k kernel_launch semantic lib=user
}

__global__ void timed(long long* t, float* out) {
// CHECK: [[@LINE-1]]:17 timed kernel semantic lib=user {lines=7}
  t[0] = clock();
// CHECK: [[@LINE-1]]:10 clock intrinsic semantic lib=device_intrinsics
  out[0] = sqrtf(2.0f);
// CHECK: [[@LINE-1]]:12 sqrtf intrinsic semantic lib=device_intrinsics
}

float host_math(float x) { return sqrtf(x) + fabsf(x) + INFINITY + (float)M_PI; }

double elapsed() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + (double)clock() / CLOCKS_PER_SEC;
}

void run(long long* t, float* out) { launch(timed, t, out); }
