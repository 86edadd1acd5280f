from __future__ import annotations
import torch as T, torch.nn.functional as F
from torch.cuda import amp as A
from . import sibling
from ..pkg import *
import os; os.environ["NCCL_DEBUG"] = "INFO"

@T.compile(backend="inductor")
def f(x, *args, device=f"cuda:{0}", **kw):
    with A.autocast(dtype=T.bfloat16) as ctx, T.cuda.stream(s := T.cuda.Stream()):
        y = F.relu(x.cuda(non_blocking=True)).to("cuda:%d" % 1)
    T.backends.cudnn.allow_tf32 = True
    lam = lambda d='cuda': T.device(d)
    return [v.cuda() for v in (y, y) if v.is_cuda]

class M(T.nn.Module):
    def forward(self, x: T.Tensor) -> T.Tensor:
        match x:
            case [a, *rest]: return a
        global g
        return self.cuda()

if __name__ == "__main__":
    T.distributed.init_process_group("nccl")
