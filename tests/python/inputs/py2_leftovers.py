# Python 2 leftovers: tree-sitter-python still reads print and exec statements, `<>`,
# `except E, e` and backquotes, so the file is scanned normally.
import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu

print "using", torch.cuda.device_count(), "gpus"
# CHECK: [[@LINE-1]]:16 torch.cuda.device_count torch_api semantic
# FIX ascend: [[@LINE-2]] print "using", torch.npu.device_count(), "gpus"
# FIX cambricon: [[@LINE-3]] print "using", torch.mlu.device_count(), "gpus"
# FIX enflame: [[@LINE-4]] print "using", torch.gcu.device_count(), "gpus"
try:
    x = torch.randn(3).cuda()
    # CHECK: [[@LINE-1]]:9 torch.randn torch_api semantic
    # CHECK: [[@LINE-2]]:24 torch.Tensor.cuda torch_api semantic
    # FIX ascend: [[@LINE-3]]     x = torch.randn(3).npu()
    # FIX cambricon: [[@LINE-4]]     x = torch.randn(3).mlu()
    # FIX enflame: [[@LINE-5]]     x = torch.randn(3).gcu()
except RuntimeError, e:
    print e
if x.device.index <> 0:
    raise ValueError, "expected cuda:0"
y = x.to('cuda:1')
# CHECK: [[@LINE-1]]:7 torch.Tensor.to torch_api semantic
# CHECK: [[@LINE-2]]:10 device:cuda torch_api semantic
# FIX ascend: [[@LINE-3]] y = x.to('npu:1')
# FIX cambricon: [[@LINE-4]] y = x.to('mlu:1')
# FIX enflame: [[@LINE-5]] y = x.to('gcu:1')
name = `y`
