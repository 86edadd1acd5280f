"""Process-group set-up for multi-GPU training over NCCL."""
import os

import torch
import torch.distributed as dist

BACKEND = "nccl"


def setup_distributed():
    """Initialises the default process group from torchrun's environment; returns the device."""
    os.environ.setdefault("NCCL_DEBUG", "WARN")
    os.environ.setdefault("TORCH_NCCL_ASYNC_ERROR_HANDLING", "1")
    if "RANK" not in os.environ:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu"), 0, 1
    local_rank = int(os.environ["LOCAL_RANK"])
    torch.cuda.set_device(local_rank)
    dist.init_process_group(backend=BACKEND, init_method="env://")
    device = torch.device(f"cuda:{local_rank}")
    return device, dist.get_rank(), dist.get_world_size()


def all_reduce_mean(value: torch.Tensor) -> torch.Tensor:
    if dist.is_available() and dist.is_initialized():
        dist.all_reduce(value, op=dist.ReduceOp.SUM)
        value /= dist.get_world_size()
    return value


def cleanup():
    if dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()
