# -*- coding: latin-1 -*-
import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu

label = "café"
device = "cuda"
# CHECK: [[@LINE-1]]:10 device:cuda torch_api semantic
# CHECK-INPUT: semantic not UTF-8 at latin1.py:7:13
# FIX ascend: [[@LINE-3]] device = "npu"
# FIX cambricon: [[@LINE-4]] device = "mlu"
# FIX enflame: [[@LINE-5]] device = "gcu"
