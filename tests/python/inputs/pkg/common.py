import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu
import torch.nn.functional as F

amp_module = torch.cuda.amp
# CHECK: [[@LINE-1]]:14 torch.cuda.amp torch_api semantic
# FIX ascend: [[@LINE-2]] amp_module = torch.npu.amp
# FIX cambricon: [[@LINE-3]] amp_module = torch.mlu.amp
# FIX enflame: [[@LINE-4]] amp_module = torch.gcu.amp
DEVICE = torch.device("cuda")
# CHECK: [[@LINE-1]]:10 torch.device torch_api semantic
# CHECK: [[@LINE-2]]:23 device:cuda torch_api semantic
# FIX ascend: [[@LINE-3]] DEVICE = torch.device("npu")
# FIX cambricon: [[@LINE-4]] DEVICE = torch.device("mlu")
# FIX enflame: [[@LINE-5]] DEVICE = torch.device("gcu")


class Net(torch.nn.Module):
# CHECK: [[@LINE-1]]:11 torch.nn.Module torch_api semantic
    pass
