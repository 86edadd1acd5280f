import triton
import triton.language as tl
@triton.jit
def k(X, N: tl.constexpr):
    tl.store(X, tl.load(X))
import flash_attn
flash_attn.flash_attn_func(q,k,v)
ÿþ bad bytes
