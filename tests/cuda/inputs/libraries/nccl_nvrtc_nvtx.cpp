// NCCL collectives, NVRTC run-time compilation and NVTX ranges in host C++ code.
// CHECK-INPUT: semantic
#include <nccl.h>  // CHECK: [[@LINE]]:11 nccl.h header lexical lib=nccl
#include <nvrtc.h>
#include <nvToolsExt.h>
#include <nvtx3/nvtx3.hpp>
#include <cuda_runtime.h>
#include <memory>  // libstdc++ spells __attribute__((__noinline__)); the shims must not break it

void allreduce(float* buf, size_t n, ncclComm_t comm, cudaStream_t s) {
// CHECK: [[@LINE-1]]:38 ncclComm_t type semantic lib=nccl
// CHECK: [[@LINE-2]]:55 cudaStream_t type semantic
  nvtxRangePushA("allreduce");
// CHECK: [[@LINE-1]]:3 nvtxRangePushA function semantic lib=nvtx
  ncclAllReduce(buf, buf, n, ncclFloat, ncclSum, comm, s);
// CHECK: [[@LINE-1]]:3 ncclAllReduce function semantic lib=nccl
// CHECK: [[@LINE-2]]:30 ncclFloat enum_value semantic
// CHECK: [[@LINE-3]]:41 ncclSum enum_value semantic
  nvtxRangePop();
// CHECK: [[@LINE-1]]:3 nvtxRangePop function semantic
}

void init(int rank, int size) {
  ncclUniqueId id;
// CHECK: [[@LINE-1]]:3 ncclUniqueId type semantic lib=nccl
  ncclGetUniqueId(&id);
// CHECK: [[@LINE-1]]:3 ncclGetUniqueId function semantic
  ncclComm_t comm;
// CHECK: [[@LINE-1]]:3 ncclComm_t type semantic
  ncclCommInitRank(&comm, size, id, rank);
// CHECK: [[@LINE-1]]:3 ncclCommInitRank function semantic
  nvtx3::scoped_range r{"init"};
// CHECK: [[@LINE-1]]:10 nvtx3::scoped_range type semantic lib=nvtx
}

const char* compile(const char* source) {
  nvrtcProgram prog;
// CHECK: [[@LINE-1]]:3 nvrtcProgram type semantic lib=nvrtc
  nvrtcCreateProgram(&prog, source, "k.cu", 0, nullptr, nullptr);
// CHECK: [[@LINE-1]]:3 nvrtcCreateProgram function semantic lib=nvrtc
  nvrtcResult r = nvrtcCompileProgram(prog, 0, nullptr);
// CHECK: [[@LINE-1]]:3 nvrtcResult type semantic
// CHECK: [[@LINE-2]]:19 nvrtcCompileProgram function semantic
  return nvrtcGetErrorString(r);
// CHECK: [[@LINE-1]]:10 nvrtcGetErrorString function semantic
}
