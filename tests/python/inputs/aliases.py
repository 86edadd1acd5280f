"""Every way a script names torch.cuda and torch.nn.functional."""
import torch as T
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu
from torch import cuda
# FIX ascend: [[@LINE-1]] from torch import npu as cuda
# FIX cambricon: [[@LINE-2]] from torch import mlu as cuda
# FIX enflame: [[@LINE-3]] from torch import gcu as cuda
from torch.cuda import amp
# FIX ascend: [[@LINE-1]] from torch.npu import amp
# FIX cambricon: [[@LINE-2]] from torch.mlu import amp
# FIX enflame: [[@LINE-3]] from torch.gcu import amp
import torch.nn.functional as F
from torch.cuda.amp import autocast as ac
# FIX ascend: [[@LINE-1]] from torch.npu.amp import autocast as ac
# FIX cambricon: [[@LINE-2]] from torch.mlu.amp import autocast as ac
# FIX enflame: [[@LINE-3]] from torch.gcu.amp import autocast as ac

T.cuda.synchronize()
# CHECK: [[@LINE-1]]:1 torch.cuda.synchronize torch_api semantic
# FIX ascend: [[@LINE-2]] T.npu.synchronize()
# FIX cambricon: [[@LINE-3]] T.mlu.synchronize()
# FIX enflame: [[@LINE-4]] T.gcu.synchronize()
cuda.empty_cache()
# CHECK: [[@LINE-1]]:1 torch.cuda.empty_cache torch_api semantic
with amp.autocast():
# CHECK: [[@LINE-1]]:6 torch.cuda.amp.autocast torch_api semantic
    pass
with ac(dtype=T.float16):
# CHECK: [[@LINE-1]]:6 torch.cuda.amp.autocast torch_api semantic
# CHECK: [[@LINE-2]]:15 torch.float16 torch_api semantic
# CHECK: [[@LINE-3]]:15 npu-fp16-numerics hazard semantic
# ADVICE ascend: [[@LINE-4]]:15 npu-fp16-numerics
    pass
y = F.relu(T.randn(3))
# CHECK: [[@LINE-1]]:5 torch.nn.functional.relu torch_api semantic
# CHECK: [[@LINE-2]]:12 torch.randn torch_api semantic

functional = T.nn.functional
z = functional.scaled_dot_product_attention(y, y, y)
# CHECK: [[@LINE-1]]:5 torch.nn.functional.scaled_dot_product_attention torch_api semantic
sync = T.cuda.synchronize
# CHECK: [[@LINE-1]]:8 torch.cuda.synchronize torch_api semantic
# FIX ascend: [[@LINE-2]] sync = T.npu.synchronize
# FIX cambricon: [[@LINE-3]] sync = T.mlu.synchronize
# FIX enflame: [[@LINE-4]] sync = T.gcu.synchronize
sync()
# CHECK: [[@LINE-1]]:1 torch.cuda.synchronize torch_api semantic


def shadowed(F, cuda):
    # Parameters named like the module aliases are not torch.
    F.relu(1)
    cuda.empty_cache()


class Holder:
    amp = None

    def method(self):
        return amp.GradScaler()
        # CHECK: [[@LINE-1]]:16 torch.cuda.amp.GradScaler torch_api semantic
