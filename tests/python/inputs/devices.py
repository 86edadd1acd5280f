"""Device strings and device arguments.

A docstring that mentions cuda and 'cuda:0' is not a device string.
"""
import argparse
import os

import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu
import torch.nn as nn

DEVICE = "cuda"
# CHECK: [[@LINE-1]]:10 device:cuda torch_api semantic
# FIX ascend: [[@LINE-2]] DEVICE = "npu"
# FIX cambricon: [[@LINE-3]] DEVICE = "mlu"
# FIX enflame: [[@LINE-4]] DEVICE = "gcu"
DEVICE_FMT = "cuda:%d"
# CHECK: [[@LINE-1]]:14 device:cuda torch_api semantic
# FIX ascend: [[@LINE-2]] DEVICE_FMT = "npu:%d"
# FIX cambricon: [[@LINE-3]] DEVICE_FMT = "mlu:%d"
# FIX enflame: [[@LINE-4]] DEVICE_FMT = "gcu:%d"


def to_device(model: nn.Module, x, rank):
# CHECK: [[@LINE-1]]:22 torch.nn.Module torch_api semantic
    # .cuda() on a module and on a tensor, cuda in a comment
    model.cuda()
    # CHECK: [[@LINE-1]]:11 torch.nn.Module.cuda torch_api semantic
    # FIX ascend: [[@LINE-2]]     model.npu()
    # FIX cambricon: [[@LINE-3]]     model.mlu()
    # FIX enflame: [[@LINE-4]]     model.gcu()
    x = x.cuda(non_blocking=True)
    # CHECK: [[@LINE-1]]:11 torch.Tensor.cuda torch_api semantic
    # FIX ascend: [[@LINE-2]]     x = x.npu(non_blocking=True)
    # FIX cambricon: [[@LINE-3]]     x = x.mlu(non_blocking=True)
    # FIX enflame: [[@LINE-4]]     x = x.gcu(non_blocking=True)
    if x.is_cuda:
    # CHECK: [[@LINE-1]]:10 torch.Tensor.is_cuda torch_api semantic
    # FIX ascend: [[@LINE-2]]     if x.is_npu:
    # FIX cambricon: [[@LINE-3]]     if x.is_mlu:
    # FIX enflame: [[@LINE-4]]     if x.is_gcu:
        x = x.to("cuda:0")
        # CHECK: [[@LINE-1]]:18 device:cuda torch_api semantic
        # FIX ascend: [[@LINE-2]]         x = x.to("npu:0")
        # FIX cambricon: [[@LINE-3]]         x = x.to("mlu:0")
        # FIX enflame: [[@LINE-4]]         x = x.to("gcu:0")
    y = x.to(device=f"cuda:{rank}")
    # CHECK: [[@LINE-1]]:21 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-2]]     y = x.to(device=f"npu:{rank}")
    # FIX cambricon: [[@LINE-3]]     y = x.to(device=f"mlu:{rank}")
    # FIX enflame: [[@LINE-4]]     y = x.to(device=f"gcu:{rank}")
    y = y.to(torch.device("cuda", rank))
    # CHECK: [[@LINE-1]]:14 torch.device torch_api semantic
    # CHECK: [[@LINE-2]]:27 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-3]]     y = y.to(torch.device("npu", rank))
    # FIX cambricon: [[@LINE-4]]     y = y.to(torch.device("mlu", rank))
    # FIX enflame: [[@LINE-5]]     y = y.to(torch.device("gcu", rank))
    net = nn.Linear(4, 4).cuda()
    # CHECK: [[@LINE-1]]:11 torch.nn.Linear torch_api semantic
    # CHECK: [[@LINE-2]]:27 torch.nn.Module.cuda torch_api semantic
    # FIX ascend: [[@LINE-3]]     net = nn.Linear(4, 4).npu()
    # FIX cambricon: [[@LINE-4]]     net = nn.Linear(4, 4).mlu()
    # FIX enflame: [[@LINE-5]]     net = nn.Linear(4, 4).gcu()
    state = torch.load("ckpt.pt", map_location="cuda:0")
    # CHECK: [[@LINE-1]]:13 torch.load torch_api semantic
    # CHECK: [[@LINE-2]]:48 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-3]]     state = torch.load("ckpt.pt", map_location="npu:0")
    # FIX cambricon: [[@LINE-4]]     state = torch.load("ckpt.pt", map_location="mlu:0")
    # FIX enflame: [[@LINE-5]]     state = torch.load("ckpt.pt", map_location="gcu:0")
    state = torch.load("ckpt.pt", map_location={"cuda:1": "cpu"})
    # CHECK: [[@LINE-1]]:13 torch.load torch_api semantic
    # CHECK: [[@LINE-2]]:49 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-3]]     state = torch.load("ckpt.pt", map_location={"npu:1": "cpu"})
    # FIX cambricon: [[@LINE-4]]     state = torch.load("ckpt.pt", map_location={"mlu:1": "cpu"})
    # FIX enflame: [[@LINE-5]]     state = torch.load("ckpt.pt", map_location={"gcu:1": "cpu"})
    dp = nn.DataParallel(model, device_ids=[0, 1], output_device=0)
    # CHECK: [[@LINE-1]]:10 torch.nn.DataParallel torch_api semantic
    # CHECK: [[@LINE-2]]:45 device:cuda torch_api semantic
    # CHECK: [[@LINE-3]]:48 device:cuda torch_api semantic
    # CHECK: [[@LINE-4]]:66 device:cuda torch_api semantic
    x = x.to(0)
    # CHECK: [[@LINE-1]]:14 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-2]]     x = x.to("npu:0")
    # FIX cambricon: [[@LINE-3]]     x = x.to("mlu:0")
    # FIX enflame: [[@LINE-4]]     x = x.to("gcu:0")
    ones = torch.ones(3, device=1)
    # CHECK: [[@LINE-1]]:12 torch.ones torch_api semantic
    # CHECK: [[@LINE-2]]:33 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-3]]     ones = torch.ones(3, device="npu:1")
    # FIX cambricon: [[@LINE-4]]     ones = torch.ones(3, device="mlu:1")
    # FIX enflame: [[@LINE-5]]     ones = torch.ones(3, device="gcu:1")
    gpu = torch.device(0)
    # CHECK: [[@LINE-1]]:11 torch.device torch_api semantic
    # CHECK: [[@LINE-2]]:24 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-3]]     gpu = torch.device("npu:0")
    # FIX cambricon: [[@LINE-4]]     gpu = torch.device("mlu:0")
    # FIX enflame: [[@LINE-5]]     gpu = torch.device("gcu:0")
    batch = x.to(torch.float16)
    # CHECK: [[@LINE-1]]:18 torch.float16 torch_api semantic
    # CHECK: [[@LINE-2]]:18 npu-fp16-numerics hazard semantic
    # ADVICE ascend: [[@LINE-3]]:18 npu-fp16-numerics
    rows = x.view(2, -1)
    plain = make_buffer(4, device=0)
    zeros = torch.zeros(2, device=DEVICE)
    # CHECK: [[@LINE-1]]:13 torch.zeros torch_api semantic
    other = x.to(DEVICE_FMT % rank)
    by_format = "cuda:{}".format(rank)
    # CHECK: [[@LINE-1]]:17 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-2]]     by_format = "npu:{}".format(rank)
    # FIX cambricon: [[@LINE-3]]     by_format = "mlu:{}".format(rank)
    # FIX enflame: [[@LINE-4]]     by_format = "gcu:{}".format(rank)
    joined = "cuda:" + str(rank)
    # CHECK: [[@LINE-1]]:14 device:cuda torch_api semantic
    # FIX ascend: [[@LINE-2]]     joined = "npu:" + str(rank)
    # FIX cambricon: [[@LINE-3]]     joined = "mlu:" + str(rank)
    # FIX enflame: [[@LINE-4]]     joined = "gcu:" + str(rank)
    return net, state, dp, zeros, other, by_format, joined, ones, gpu, batch, rows, plain


def make_buffer(n, device):
    return [0] * n if device is None else [device] * n


def not_devices(log):
    log("running on cuda")
    log("cudaMalloc failed")
    log(f"cuda version {torch.version.__version__}")
    log(b"cuda")
    message = "use --device cuda to train on the GPU"
    return message


parser = argparse.ArgumentParser()
parser.add_argument("--device", default="cuda", choices=["cpu", "cuda"])
# CHECK: [[@LINE-1]]:41 device:cuda torch_api semantic
# CHECK: [[@LINE-2]]:65 device:cuda torch_api semantic
# FIX ascend: [[@LINE-3]] parser.add_argument("--device", default="npu", choices=["cpu", "npu"])
# FIX cambricon: [[@LINE-4]] parser.add_argument("--device", default="mlu", choices=["cpu", "mlu"])
# FIX enflame: [[@LINE-5]] parser.add_argument("--device", default="gcu", choices=["cpu", "gcu"])
if torch.device("cpu").type == "cuda":
# CHECK: [[@LINE-1]]:4 torch.device torch_api semantic
# CHECK: [[@LINE-2]]:32 device:cuda torch_api semantic
# FIX ascend: [[@LINE-3]] if torch.device("cpu").type == "npu":
# FIX cambricon: [[@LINE-4]] if torch.device("cpu").type == "mlu":
# FIX enflame: [[@LINE-5]] if torch.device("cpu").type == "gcu":
    pass
