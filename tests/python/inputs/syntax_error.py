# CHECK-INPUT: lexical syntax error at syntax_error.py:
import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu

def broken(:
    return torch.cuda.current_device()
    # CHECK: [[@LINE-1]]:12 torch.cuda.current_device torch_api semantic
    # FIX ascend: [[@LINE-2]]     return torch.npu.current_device()
    # FIX cambricon: [[@LINE-3]]     return torch.mlu.current_device()
    # FIX enflame: [[@LINE-4]]     return torch.gcu.current_device()

x = torch.zeros(3).cuda()
# CHECK: [[@LINE-1]]:5 torch.zeros torch_api semantic
# CHECK: [[@LINE-2]]:20 torch.Tensor.cuda torch_api semantic
# FIX ascend: [[@LINE-3]] x = torch.zeros(3).npu()
# FIX cambricon: [[@LINE-4]] x = torch.zeros(3).mlu()
# FIX enflame: [[@LINE-5]] x = torch.zeros(3).gcu()
