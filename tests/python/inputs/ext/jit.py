from torch.utils import cpp_extension

ops = cpp_extension.load(name="jit_ops", sources=["csrc/jit_ops.cu"], verbose=True)
# CHECK: [[@LINE-1]]:7 torch.utils.cpp_extension.load torch_api semantic
# ADVICE dcu: [[@LINE-2]]:7 dcu-cpp-extension-load
inline = cpp_extension.load_inline(name="inline_ops", cpp_sources="", cuda_sources="__global__ void k() {}")
# CHECK: [[@LINE-1]]:10 torch.utils.cpp_extension.load_inline torch_api semantic
# CHECK-EXT: ext/csrc/jit_ops.cu
