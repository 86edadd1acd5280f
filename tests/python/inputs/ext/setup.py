import glob
import os

from setuptools import setup
from torch.utils.cpp_extension import BuildExtension, CUDAExtension

this_dir = os.path.dirname(__file__)
kernels = glob.glob("csrc/*.cu")

setup(
    name="fused_ops",
    ext_modules=[
        CUDAExtension(
        # CHECK: [[@LINE-1]]:9 torch.utils.cpp_extension.CUDAExtension torch_api semantic
        # ADVICE ascend: [[@LINE-2]]:9 ascend-cuda-extension
        # ADVICE cambricon: [[@LINE-3]]:9 cambricon-cuda-extension
        # ADVICE dcu: [[@LINE-4]]:9 dcu-cuda-extension
        # ADVICE enflame: [[@LINE-5]]:9 enflame-cuda-extension
            name="fused_ops._C",
            sources=["csrc/binding.cpp"] + kernels,
        ),
        CUDAExtension("fused_ops._norm", [os.path.join(this_dir, "csrc", "norm.cu")]),
        # CHECK: [[@LINE-1]]:9 torch.utils.cpp_extension.CUDAExtension torch_api semantic
    ],
    cmdclass={"build_ext": BuildExtension},
    # CHECK: [[@LINE-1]]:28 torch.utils.cpp_extension.BuildExtension torch_api semantic
)
# CHECK-EXT: ext/csrc/binding.cpp
# CHECK-EXT: ext/csrc/*.cu
# CHECK-EXT: ext/csrc/norm.cu
