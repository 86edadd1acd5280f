import apex
import bitsandbytes as bnb
import deepspeed
import torch
import triton
import triton.language as tl
import xformers.ops as xops
from apex.optimizers import FusedAdam
from deepspeed.ops.adam import DeepSpeedCPUAdam
from flash_attn import flash_attn_func


@triton.jit
# CHECK: [[@LINE-1]]:2 triton.jit function semantic
# ADVICE ascend: [[@LINE-2]]:2 ascend-triton
# ADVICE dcu: [[@LINE-3]]:2 dcu-triton
def add_kernel(x_ptr, y_ptr, n, BLOCK: tl.constexpr):
# CHECK: [[@LINE-1]]:5 add_kernel kernel semantic
# CHECK: [[@LINE-2]]:40 triton.language.constexpr function semantic
    offsets = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    # CHECK: [[@LINE-1]]:15 triton.language.program_id function semantic
    # CHECK: [[@LINE-2]]:42 triton.language.arange function semantic
    tl.store(y_ptr + offsets, tl.load(x_ptr + offsets), mask=offsets < n)
    # CHECK: [[@LINE-1]]:5 triton.language.store function semantic
    # CHECK: [[@LINE-2]]:31 triton.language.load function semantic


def build(model, q, k, v):
    opt = FusedAdam(model.parameters())
    # CHECK: [[@LINE-1]]:11 apex.optimizers.FusedAdam function semantic
    # ADVICE dcu: [[@LINE-2]]:11 dcu-apex
    model, opt = apex.amp.initialize(model, opt, opt_level="O1")
    # CHECK: [[@LINE-1]]:18 apex.amp.initialize function semantic
    out = flash_attn_func(q, k, v, causal=True)
    # CHECK: [[@LINE-1]]:11 flash_attn.flash_attn_func function semantic
    # ADVICE ascend: [[@LINE-2]]:11 ascend-flash-attn
    # ADVICE cambricon: [[@LINE-3]]:11 cambricon-flash-attn
    # ADVICE dcu: [[@LINE-4]]:11 dcu-flash-attn
    # ADVICE enflame: [[@LINE-5]]:11 enflame-flash-attn
    out = xops.memory_efficient_attention(q, k, v)
    # CHECK: [[@LINE-1]]:11 xformers.ops.memory_efficient_attention function semantic
    # ADVICE dcu: [[@LINE-2]]:11 dcu-xformers
    lin = bnb.nn.Linear8bitLt(4, 4)
    # CHECK: [[@LINE-1]]:11 bitsandbytes.nn.Linear8bitLt function semantic
    # ADVICE dcu: [[@LINE-2]]:11 dcu-bitsandbytes
    adam = bnb.optim.Adam8bit(model.parameters())
    # CHECK: [[@LINE-1]]:12 bitsandbytes.optim.Adam8bit function semantic
    cpu_adam = DeepSpeedCPUAdam(model.parameters())
    # CHECK: [[@LINE-1]]:16 deepspeed.ops.adam.DeepSpeedCPUAdam function semantic
    engine, _, _, _ = deepspeed.initialize(model=model)
    return out, lin, adam, cpu_adam, engine


compiled = torch.compile(build)
# CHECK: [[@LINE-1]]:12 compile_backend:inductor torch_api semantic
# CHECK: [[@LINE-2]]:12 torch.compile torch_api semantic
fast = torch.compile(build, backend="cudagraphs", mode="reduce-overhead")
# CHECK: [[@LINE-1]]:8 torch.compile torch_api semantic
# CHECK: [[@LINE-2]]:37 compile_backend:cudagraphs torch_api semantic


@torch.compile
# CHECK: [[@LINE-1]]:2 compile_backend:inductor torch_api semantic
# CHECK: [[@LINE-2]]:2 torch.compile torch_api semantic
def step(x):
    return x
