import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
# CHECK: [[@LINE-1]]:13 torch.nn.Module torch_api semantic
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        # CHECK: [[@LINE-1]]:21 torch.nn.Conv2d torch_api semantic
        self.register_buffer("mask", torch.zeros(8))
        # CHECK: [[@LINE-1]]:14 torch.nn.Module.register_buffer torch_api semantic
        # CHECK: [[@LINE-2]]:38 torch.zeros torch_api semantic

    def forward(self, x):
        h = torch.matmul(x, x)
        # CHECK: [[@LINE-1]]:13 torch.matmul torch_api semantic
        h = h.view(-1).float().sum()
        # CHECK: [[@LINE-1]]:15 torch.Tensor.view torch_api semantic
        # CHECK: [[@LINE-2]]:24 torch.Tensor.float torch_api semantic
        # CHECK: [[@LINE-3]]:32 torch.Tensor.sum torch_api semantic
        scores = self.conv(x).masked_fill(self.mask == 0, 0.0).softmax(-1)
        # CHECK: [[@LINE-1]]:31 torch.Tensor.masked_fill torch_api lexical
        # CHECK: [[@LINE-2]]:64 torch.Tensor.softmax torch_api lexical
        return F.relu(scores.unsqueeze(0).contiguous())
        # CHECK: [[@LINE-1]]:16 torch.nn.functional.relu torch_api semantic
        # CHECK: [[@LINE-2]]:30 torch.Tensor.unsqueeze torch_api lexical
        # CHECK: [[@LINE-3]]:43 torch.Tensor.contiguous torch_api lexical


def ambiguous(text, arr, t):
    parts = text.split(",")
    total = arr.sum()
    words = "a b".split()
    known = torch.randn(4).split(2)
    # CHECK: [[@LINE-1]]:13 torch.randn torch_api semantic
    # CHECK: [[@LINE-2]]:28 torch.Tensor.split torch_api semantic
    return parts, total, words, known, np.zeros(3).view()
