import os

import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu
import torch.distributed as dist

torch.backends.cudnn.benchmark = True
# CHECK: [[@LINE-1]]:1 torch.backends.cudnn.benchmark torch_api semantic
torch.backends.cudnn.deterministic = False
# CHECK: [[@LINE-1]]:1 torch.backends.cudnn.deterministic torch_api semantic
torch.backends.cudnn.allow_tf32 = True
# CHECK: [[@LINE-1]]:1 torch.backends.cudnn.allow_tf32 torch_api semantic
# FIX cambricon: [[@LINE-2]] torch.backends.cnnl.allow_tf32 = True
torch.backends.cuda.matmul.allow_tf32 = True
# CHECK: [[@LINE-1]]:1 torch.backends.cuda.matmul.allow_tf32 torch_api semantic
# FIX cambricon: [[@LINE-2]] torch.backends.mlu.matmul.allow_tf32 = True
torch.backends.cudnn.enabled = True
# CHECK: [[@LINE-1]]:1 torch.backends.cudnn.enabled torch_api semantic
# FIX cambricon: [[@LINE-2]] torch.backends.mlufusion.enabled = True

os.environ["NCCL_DEBUG"] = "INFO"
# CHECK: [[@LINE-1]]:12 env:NCCL_DEBUG torch_api semantic
os.environ.setdefault("NCCL_SOCKET_IFNAME", "eth0")
# CHECK: [[@LINE-1]]:23 env:NCCL_SOCKET_IFNAME torch_api semantic
os.environ["CUDA_VISIBLE_DEVICES"] = "0,1"
# CHECK: [[@LINE-1]]:12 env:CUDA_VISIBLE_DEVICES torch_api semantic
# FIX cambricon: [[@LINE-2]] os.environ["MLU_VISIBLE_DEVICES"] = "0,1"
os.environ["TORCH_NCCL_BLOCKING_WAIT"] = "1"
# CHECK: [[@LINE-1]]:12 env:TORCH_NCCL_BLOCKING_WAIT torch_api semantic
# FIX cambricon: [[@LINE-2]] os.environ["TORCH_CNCL_BLOCKING_WAIT"] = "1"
blocking = os.getenv("TORCH_NCCL_ASYNC_ERROR_HANDLING", "0")
# CHECK: [[@LINE-1]]:22 env:TORCH_NCCL_ASYNC_ERROR_HANDLING torch_api semantic
# FIX cambricon: [[@LINE-2]] blocking = os.getenv("TORCH_CNCL_ASYNC_ERROR_HANDLING", "0")

dist.init_process_group(backend="nccl", init_method="env://")
# CHECK: [[@LINE-1]]:1 torch.distributed.init_process_group torch_api semantic
# CHECK: [[@LINE-2]]:33 dist_backend:nccl torch_api semantic
# FIX ascend: [[@LINE-3]] dist.init_process_group(backend="hccl", init_method="env://")
# FIX cambricon: [[@LINE-4]] dist.init_process_group(backend="cncl", init_method="env://")
# FIX enflame: [[@LINE-5]] dist.init_process_group(backend="eccl", init_method="env://")
group = dist.new_group(ranks=[0, 1], backend="cpu:gloo,cuda:nccl")
# CHECK: [[@LINE-1]]:9 torch.distributed.new_group torch_api semantic
# CHECK: [[@LINE-2]]:46 device:cuda torch_api semantic
# CHECK: [[@LINE-3]]:46 dist_backend:nccl torch_api semantic
# FIX ascend: [[@LINE-4]] group = dist.new_group(ranks=[0, 1], backend="cpu:gloo,npu:hccl")
# FIX cambricon: [[@LINE-5]] group = dist.new_group(ranks=[0, 1], backend="cpu:gloo,mlu:cncl")
# FIX enflame: [[@LINE-6]] group = dist.new_group(ranks=[0, 1], backend="cpu:gloo,gcu:eccl")
if dist.get_backend() == "nccl":
# CHECK: [[@LINE-1]]:4 torch.distributed.get_backend torch_api semantic
# CHECK: [[@LINE-2]]:26 dist_backend:nccl torch_api semantic
# FIX ascend: [[@LINE-3]] if dist.get_backend() == "hccl":
# FIX cambricon: [[@LINE-4]] if dist.get_backend() == "cncl":
# FIX enflame: [[@LINE-5]] if dist.get_backend() == "eccl":
    pass
# "nccl" in a comment is nothing
name = "nccl_test_results.txt"
