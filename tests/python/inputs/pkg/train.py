# Leading comments (a licence header, these annotations) stay first: imports are added below them.
# INSERT ascend: [[@LINE+3]] import torch_npu
# INSERT cambricon: [[@LINE+2]] import torch_mlu
# INSERT enflame: [[@LINE+1]] import torch_gcu
from pkg import F, amp_module
from pkg.common import DEVICE, Net

from . import common


def train(x):
    with amp_module.autocast():
    # CHECK: [[@LINE-1]]:10 torch.cuda.amp.autocast torch_api semantic
        y = F.relu(x)
        # CHECK: [[@LINE-1]]:13 torch.nn.functional.relu torch_api semantic
    model = Net()
    model.cuda()
    # CHECK: [[@LINE-1]]:11 torch.nn.Module.cuda torch_api semantic
    # FIX ascend: [[@LINE-2]]     model.npu()
    # FIX cambricon: [[@LINE-3]]     model.mlu()
    # FIX enflame: [[@LINE-4]]     model.gcu()
    return common.F.scaled_dot_product_attention(y, y, y).to(DEVICE)
    # CHECK: [[@LINE-1]]:12 torch.nn.functional.scaled_dot_product_attention torch_api semantic
    # CHECK: [[@LINE-2]]:59 torch.Tensor.to torch_api semantic
