"""A JIT-compiled extension: load_inline hands its code strings to the C++ scanner.

Each `# CPP:` line names a finding the C++ frontend must report in this script, at
LINE:COLUMN, with its kind; the test fails on a missing finding and on any other C++ finding.
"""
import torch
from torch.utils.cpp_extension import load_inline

cuda_src = r"""
#include <cuda_runtime.h>

__global__ void warp_sum(float* x) {
  float v = x[threadIdx.x];
  v += __shfl_xor_sync(0xffffffff, v, 16);
  x[threadIdx.x] = v;  // cudaMalloc in a comment is not a call
}

void launch(float* x, cudaStream_t s) {
  warp_sum<<<1, 32, 0, s>>>(x);
  printf("done\n");
}
"""
# CPP: 12:17 warp_sum kernel
# CPP: 14:8 __shfl_xor_sync intrinsic
# CPP: 14:24 warp-size-32 hazard
# CPP: 18:23 cudaStream_t type
# CPP: 19:3 warp_sum kernel_launch

ops = load_inline(
    name="ops",
    cpp_sources="void launch(float* x, cudaStream_t s);",
    # CPP: 31:40 cudaStream_t type
    cuda_sources=[cuda_src],
    functions=["launch"],
)

# Escapes decoded: the code maps to the literal's first line only.
one_line = load_inline("one", "", "__global__ void bump(float* p) {\n  atomicAdd(p, 1.0f);\n}\n")
# CPP: 38:1 bump kernel
# CPP: 38:1 atomicAdd intrinsic

x = torch.ones(32, device="cuda")
# CPP: 10:11 cuda_runtime.h header
