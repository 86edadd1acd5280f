"""Builds the fused_norm extension.

The docstring names nvcc, -gencode and CUDA_HOME; prose is not a setting.
"""
import os
import subprocess

import torch
from torch.utils.cpp_extension import BuildExtension, CUDAExtension, CUDA_HOME
# CHECK: [[@LINE-1]]:70 cuda-toolkit-lookup {CUDA_HOME}
from setuptools import setup


def nvcc_version(cuda_dir):
    out = subprocess.check_output([cuda_dir + "/bin/nvcc", "-V"], universal_newlines=True)
    # CHECK: [[@LINE-1]]:53 nvcc-invocation {nvcc}
    return out.split("release ")[1].split(",")[0]


def append_nvcc_threads(args):  # the name holds nvcc, the code runs nothing
    return args + ["--threads", "4"]


cc_flag = []
if CUDA_HOME is not None and nvcc_version(CUDA_HOME) >= "11.8":
# CHECK: [[@LINE-1]]:4 cuda-toolkit-lookup {CUDA_HOME}
    cc_flag += ["-gencode", "arch=compute_90,code=sm_90"]
    # CHECK: [[@LINE-1]]:18 cuda-arch-flags {-gencode}
cc_flag.append("-gencode")
# CHECK: [[@LINE-1]]:17 cuda-arch-flags {-gencode}
cc_flag.append("arch=compute_80,code=sm_80")
# CHECK: [[@LINE-1]]:17 cuda-arch-flags {arch=compute_80}
os.environ.setdefault("TORCH_CUDA_ARCH_LIST", "8.0;9.0")  # nvcc reads it through torch
# CHECK: [[@LINE-1]]:24 cuda-arch-flags {TORCH_CUDA_ARCH_LIST}

wheel_tag = "cu" + torch.version.cuda.replace(".", "")
# CHECK: [[@LINE-1]]:20 cuda-version-check {torch.version.cuda}

setup(
    name="fused_norm",
    ext_modules=[
        CUDAExtension(
        # CHECK: [[@LINE-1]]:9 cuda-extension {CUDAExtension(}
            name="fused_norm_cuda",
            sources=["csrc/fused_norm.cpp", "csrc/fused_norm_kernel.cu"],
            extra_compile_args={
                "cxx": ["-O3"],
                "nvcc": append_nvcc_threads(
                # CHECK: [[@LINE-1]]:17 nvcc-only-flags {"nvcc":}
                # CHECK: [[@LINE-2]]:18 nvcc-invocation {nvcc}
                    [
                        "-O3",
                        "-U__CUDA_NO_HALF_OPERATORS__",
                        "--expt-relaxed-constexpr",
                        # CHECK: [[@LINE-1]]:26 nvcc-only-flags {--expt-relaxed-constexpr}
                        "--use_fast_math",
                        # CHECK: [[@LINE-1]]:27 nvcc-only-flags {-use_fast_math}
                        "-lineinfo",
                        # CHECK: [[@LINE-1]]:26 nvcc-only-flags {-lineinfo}
                    ]
                    + cc_flag
                ),
            },
        )
    ],
    cmdclass={"build_ext": BuildExtension},
)
