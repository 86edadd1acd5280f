"""Operator hazards on NPUs: dynamic shapes, advanced indexing, host syncs, dtypes, vendor ops."""
import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torchvision.ops import nms, roi_align


def select(x, boxes, scores, targets, indices):
    keep = x[x > 0.5]
    # CHECK: [[@LINE-1]]:12 npu-dynamic-shape hazard semantic
    # ADVICE ascend: [[@LINE-2]]:12 npu-dynamic-shape
    pos = x[(x > 0) & (x < 1)]
    # CHECK: [[@LINE-1]]:11 npu-dynamic-shape hazard semantic
    # ADVICE ascend: [[@LINE-2]]:11 npu-dynamic-shape
    neg = x[~torch.isfinite(x)]
    # CHECK: [[@LINE-1]]:11 npu-dynamic-shape hazard semantic
    # CHECK: [[@LINE-2]]:14 torch.isfinite torch_api semantic
    # ADVICE ascend: [[@LINE-3]]:11 npu-dynamic-shape
    x[x < 0] = 0  # an assignment through a mask keeps the shape
    rows = torch.nonzero(x)
    # CHECK: [[@LINE-1]]:12 npu-dynamic-shape hazard semantic
    # CHECK: [[@LINE-2]]:12 torch.nonzero torch_api semantic
    # ADVICE ascend: [[@LINE-3]]:12 npu-dynamic-shape
    picked = x.masked_select(x > 0)
    # CHECK: [[@LINE-1]]:16 npu-dynamic-shape hazard lexical
    # CHECK: [[@LINE-2]]:16 torch.Tensor.masked_select torch_api lexical
    # ADVICE ascend: [[@LINE-3]]:16 npu-dynamic-shape
    labels = torch.cat([t["labels"][J] for t, (_, J) in zip(targets, indices)])
    # CHECK: [[@LINE-1]]:14 torch.cat torch_api semantic
    # CHECK: [[@LINE-2]]:25 npu-advanced-index hazard semantic
    # CHECK: [[@LINE-3]]:14 npu-dynamic-shape hazard semantic
    # ADVICE ascend: [[@LINE-4]]:25 npu-advanced-index
    # ADVICE ascend: [[@LINE-5]]:14 npu-dynamic-shape
    fixed = torch.stack([keep, pos])
    # CHECK: [[@LINE-1]]:13 torch.stack torch_api semantic
    names = ["a", "b"]
    first = names[0]
    kept = nms(boxes, scores, 0.5)
    # CHECK: [[@LINE-1]]:12 npu-nms hazard semantic
    # CHECK: [[@LINE-2]]:12 torchvision.ops.nms torch_api semantic
    # ADVICE ascend: [[@LINE-3]]:12 npu-nms
    pooled = roi_align(x, boxes, 7)
    # CHECK: [[@LINE-1]]:14 npu-roi-align hazard semantic
    # CHECK: [[@LINE-2]]:14 torchvision.ops.roi_align torch_api semantic
    # ADVICE ascend: [[@LINE-3]]:14 npu-roi-align
    return keep, pos, neg, rows, picked, labels, first, kept, pooled


def train(model, loader, steps):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    # CHECK: [[@LINE-1]]:17 npu-fused-sgd hazard semantic
    # CHECK: [[@LINE-2]]:17 torch.optim.SGD torch_api semantic
    # ADVICE ascend: [[@LINE-3]]:17 npu-fused-sgd
    loss_fn = torch.nn.CrossEntropyLoss()
    # CHECK: [[@LINE-1]]:15 npu-fused-cross-entropy hazard semantic
    # CHECK: [[@LINE-2]]:15 torch.nn.CrossEntropyLoss torch_api semantic
    # ADVICE ascend: [[@LINE-3]]:15 npu-fused-cross-entropy
    total = 0.0
    for images, labels in loader:
        loss = loss_fn(model(images), labels)
        total += loss.item()
        # CHECK: [[@LINE-1]]:23 npu-host-sync-in-loop hazard semantic
        # ADVICE ascend: [[@LINE-2]]:23 npu-host-sync-in-loop
        scores = model(images).cpu()
        # CHECK: [[@LINE-1]]:32 npu-host-sync-in-loop hazard semantic
        # ADVICE ascend: [[@LINE-2]]:32 npu-host-sync-in-loop
        hosted = model(images).to("cpu")
        # CHECK: [[@LINE-1]]:32 npu-host-sync-in-loop hazard semantic
        # ADVICE ascend: [[@LINE-2]]:32 npu-host-sync-in-loop
        moved = model(images).to("npu")

        def later(t):
            return t.item()  # defined in the loop, runs outside it
    best = [s.tolist() for s in steps]
    # CHECK: [[@LINE-1]]:15 npu-host-sync-in-loop hazard semantic
    # ADVICE ascend: [[@LINE-2]]:15 npu-host-sync-in-loop
    once = total.item() if hasattr(total, "item") else total
    dist.destroy_process_group()
    # CHECK: [[@LINE-1]]:5 npu-destroy-process-group hazard semantic
    # CHECK: [[@LINE-2]]:5 torch.distributed.destroy_process_group torch_api semantic
    # ADVICE ascend: [[@LINE-3]]:5 npu-destroy-process-group
    return best, once, later, optimizer, scores, hosted, moved


def dtypes(x):
    a = x.double()
    # CHECK: [[@LINE-1]]:11 npu-float64 hazard semantic
    # ADVICE ascend: [[@LINE-2]]:11 npu-float64
    b = torch.zeros(3, dtype=torch.float64)
    # CHECK: [[@LINE-1]]:9 torch.zeros torch_api semantic
    # CHECK: [[@LINE-2]]:30 npu-float64 hazard semantic
    # ADVICE ascend: [[@LINE-3]]:30 npu-float64
    c = torch.zeros(3, dtype=torch.complex64)
    # CHECK: [[@LINE-1]]:9 torch.zeros torch_api semantic
    # CHECK: [[@LINE-2]]:30 npu-complex hazard semantic
    # ADVICE ascend: [[@LINE-3]]:30 npu-complex
    d = torch.zeros(3, dtype=torch.uint64)
    # CHECK: [[@LINE-1]]:9 torch.zeros torch_api semantic
    # CHECK: [[@LINE-2]]:30 npu-uint64 hazard semantic
    # ADVICE ascend: [[@LINE-3]]:30 npu-uint64
    e = x.half()
    # CHECK: [[@LINE-1]]:11 npu-fp16-numerics hazard semantic
    # ADVICE ascend: [[@LINE-2]]:11 npu-fp16-numerics
    f = torch.from_numpy(np.zeros(3)).float()
    # CHECK: [[@LINE-1]]:9 torch.from_numpy torch_api semantic
    # CHECK: [[@LINE-2]]:39 torch.Tensor.float torch_api semantic
    g = torch.from_numpy(np.random.rand(3))
    # CHECK: [[@LINE-1]]:9 torch.from_numpy torch_api semantic
    # CHECK: [[@LINE-2]]:9 npu-float64 hazard semantic
    # ADVICE ascend: [[@LINE-3]]:9 npu-float64
    h = torch.from_numpy(np.zeros(3, dtype=np.float32))
    # CHECK: [[@LINE-1]]:9 torch.from_numpy torch_api semantic
    return a, b, c, d, e, f, g, h, fixed
