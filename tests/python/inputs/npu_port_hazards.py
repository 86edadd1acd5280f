"""What hand-made Ascend ports changed beyond device names: mixed precision, fixed input and
batch shapes, collective dtypes, the distributed backend."""
import random

import torch
import torch.distributed as dist
from torch.utils.data import DataLoader


def gather_bytes(storage, world_size):
    tensor = torch.ByteTensor(storage)
    # CHECK: [[@LINE-1]]:14 torch.ByteTensor torch_api semantic
    sizes = [torch.tensor([0]) for _ in range(world_size)]
    # CHECK: [[@LINE-1]]:14 torch.tensor torch_api semantic
    dist.all_gather(sizes, torch.tensor([tensor.numel()]))
    # CHECK: [[@LINE-1]]:5 torch.distributed.all_gather torch_api semantic
    # CHECK: [[@LINE-2]]:28 torch.tensor torch_api semantic
    buffers = []
    for _ in range(world_size):
        buffers.append(torch.empty((64,), dtype=torch.uint8))
        # CHECK: [[@LINE-1]]:24 torch.empty torch_api semantic
    dist.all_gather(buffers, tensor)
    # CHECK: [[@LINE-1]]:5 torch.distributed.all_gather torch_api semantic
    # CHECK: [[@LINE-2]]:5 npu-collective-uint8 hazard semantic
    # ADVICE ascend: [[@LINE-3]]:5 npu-collective-uint8
    dist.broadcast(tensor, 0)
    # CHECK: [[@LINE-1]]:5 torch.distributed.broadcast torch_api semantic
    packed = storage.byte()
    dist.all_reduce(packed)
    # CHECK: [[@LINE-1]]:5 torch.distributed.all_reduce torch_api semantic
    # CHECK: [[@LINE-2]]:5 npu-collective-uint8 hazard semantic
    # ADVICE ascend: [[@LINE-3]]:5 npu-collective-uint8
    return buffers, packed


def setup(model, dataset, sampler, rank):
    dist.init_process_group(backend="gloo", rank=rank)
    # CHECK: [[@LINE-1]]:5 torch.distributed.init_process_group torch_api semantic
    # CHECK: [[@LINE-2]]:37 npu-gloo-backend hazard semantic
    # ADVICE ascend: [[@LINE-3]]:37 npu-gloo-backend
    cpu_group = dist.new_group(backend="gloo")  # a CPU side group: gloo is right
    # CHECK: [[@LINE-1]]:17 torch.distributed.new_group torch_api semantic
    model = torch.nn.parallel.DistributedDataParallel(model)
    # CHECK: [[@LINE-1]]:13 torch.nn.parallel.DistributedDataParallel torch_api semantic
    # CHECK: [[@LINE-2]]:13 npu-no-mixed-precision hazard semantic
    # ADVICE ascend: [[@LINE-3]]:13 npu-no-mixed-precision
    train = DataLoader(dataset, batch_size=8, sampler=sampler)
    # CHECK: [[@LINE-1]]:13 torch.utils.data.DataLoader torch_api semantic
    # CHECK: [[@LINE-2]]:13 npu-partial-last-batch hazard semantic
    # ADVICE ascend: [[@LINE-3]]:13 npu-partial-last-batch
    fixed = DataLoader(dataset, batch_size=8, drop_last=True)
    # CHECK: [[@LINE-1]]:13 torch.utils.data.DataLoader torch_api semantic
    single = DataLoader(dataset)
    # CHECK: [[@LINE-1]]:14 torch.utils.data.DataLoader torch_api semantic
    positional = DataLoader(dataset, 8)
    # CHECK: [[@LINE-1]]:18 torch.utils.data.DataLoader torch_api semantic
    # CHECK: [[@LINE-2]]:18 npu-partial-last-batch hazard semantic
    # ADVICE ascend: [[@LINE-3]]:18 npu-partial-last-batch
    by_sampler = DataLoader(dataset, batch_sampler=sampler)
    # CHECK: [[@LINE-1]]:18 torch.utils.data.DataLoader torch_api semantic
    forwarded = DataLoader(dataset, batch_size=8, **{"drop_last": True})
    # CHECK: [[@LINE-1]]:17 torch.utils.data.DataLoader torch_api semantic
    return model, train, fixed, single, positional, by_sampler, forwarded, cpu_group


def train_step(model, batch, optimizer):
    loss = model(batch).sum()
    optimizer.zero_grad()
    loss.backward()
    # CHECK: [[@LINE-1]]:10 npu-no-mixed-precision hazard semantic
    # ADVICE ascend: [[@LINE-2]]:10 npu-no-mixed-precision
    optimizer.step()


class RandomResize:
    def __init__(self, sizes, max_size=None):
        self.sizes = sizes
        self.max_size = max_size

    def __call__(self, img):
        size = random.choice(self.sizes)
        return resize(img, size, self.max_size)
        # CHECK: [[@LINE-1]]:16 npu-variable-input-size hazard semantic
        # ADVICE ascend: [[@LINE-2]]:16 npu-variable-input-size


def resize(img, size, max_size=None):
    return img


def transforms_for(split):
    if split == "train":
        return [RandomResize([480, 512, 544], max_size=1333), RandomResize([800])]
        # CHECK: [[@LINE-1]]:17 npu-variable-input-size hazard semantic
        # ADVICE ascend: [[@LINE-2]]:17 npu-variable-input-size
    return [resize(None, 800), RandomResizedCrop(224)]


def RandomResizedCrop(size):  # torchvision's crops to a fixed size: not a varying input
    return size


def resume(path, options):
    checkpoint = torch.load(path)
    # CHECK: [[@LINE-1]]:18 torch.load torch_api semantic
    # CHECK: [[@LINE-2]]:18 npu-load-map-location hazard semantic
    # ADVICE ascend: [[@LINE-3]]:18 npu-load-map-location
    on_cpu = torch.load(path, map_location="cpu")
    # CHECK: [[@LINE-1]]:14 torch.load torch_api semantic
    positional = torch.load(path, "cpu")
    # CHECK: [[@LINE-1]]:18 torch.load torch_api semantic
    forwarded = torch.load(path, **options)
    # CHECK: [[@LINE-1]]:17 torch.load torch_api semantic
    return checkpoint, on_cpu, positional, forwarded
