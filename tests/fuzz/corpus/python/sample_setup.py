"""Builds the tinygpt_ext CUDA extension (a fused LayerNorm) with PyTorch's cpp_extension."""
import os

from setuptools import setup
from torch.utils.cpp_extension import BuildExtension, CUDAExtension

here = os.path.dirname(os.path.abspath(__file__))

setup(
    name="tinygpt_ext",
    ext_modules=[
        CUDAExtension(
            name="tinygpt_ext",
            sources=[os.path.join(here, "csrc", "binding.cpp"), os.path.join(here, "csrc", "layer_norm.cu")],
            extra_compile_args={"cxx": ["-O3"], "nvcc": ["-O3", "--use_fast_math"]},
        )
    ],
    cmdclass={"build_ext": BuildExtension},
)
