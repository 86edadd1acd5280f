import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu

# AMP, graphs, streams and events, memory statistics, random, NVTX.
scaler = torch.cuda.amp.GradScaler()
# CHECK: [[@LINE-1]]:10 torch.cuda.amp.GradScaler torch_api semantic
# FIX ascend: [[@LINE-2]] scaler = torch.npu.amp.GradScaler()
# FIX cambricon: [[@LINE-3]] scaler = torch.mlu.amp.GradScaler()
# FIX enflame: [[@LINE-4]] scaler = torch.gcu.amp.GradScaler()
with torch.cuda.amp.autocast(enabled=True):
# CHECK: [[@LINE-1]]:6 torch.cuda.amp.autocast torch_api semantic
# FIX ascend: [[@LINE-2]] with torch.npu.amp.autocast(enabled=True):
# FIX cambricon: [[@LINE-3]] with torch.mlu.amp.autocast(enabled=True):
# FIX enflame: [[@LINE-4]] with torch.gcu.amp.autocast(enabled=True):
    pass
graph = torch.cuda.CUDAGraph()
# CHECK: [[@LINE-1]]:9 torch.cuda.CUDAGraph torch_api semantic
# FIX ascend: [[@LINE-2]] graph = torch.npu.NPUGraph()
# FIX cambricon: [[@LINE-3]] graph = torch.mlu.MLUGraph()
# FIX enflame: [[@LINE-4]] graph = torch.gcu.GCUGraph()
with torch.cuda.graph(graph):
# CHECK: [[@LINE-1]]:6 torch.cuda.graph torch_api semantic
# FIX ascend: [[@LINE-2]] with torch.npu.graph(graph):
# FIX cambricon: [[@LINE-3]] with torch.mlu.graph(graph):
# FIX enflame: [[@LINE-4]] with torch.gcu.graph(graph):
    pass
stream = torch.cuda.Stream()
# CHECK: [[@LINE-1]]:10 torch.cuda.Stream torch_api semantic
# FIX ascend: [[@LINE-2]] stream = torch.npu.Stream()
# FIX cambricon: [[@LINE-3]] stream = torch.mlu.Stream()
# FIX enflame: [[@LINE-4]] stream = torch.gcu.Stream()
with torch.cuda.stream(stream):
# CHECK: [[@LINE-1]]:6 torch.cuda.stream torch_api semantic
# FIX ascend: [[@LINE-2]] with torch.npu.stream(stream):
# FIX cambricon: [[@LINE-3]] with torch.mlu.stream(stream):
# FIX enflame: [[@LINE-4]] with torch.gcu.stream(stream):
    start = torch.cuda.Event(enable_timing=True)
    # CHECK: [[@LINE-1]]:13 torch.cuda.Event torch_api semantic
    # FIX ascend: [[@LINE-2]]     start = torch.npu.Event(enable_timing=True)
    # FIX cambricon: [[@LINE-3]]     start = torch.mlu.Event(enable_timing=True)
    # FIX enflame: [[@LINE-4]]     start = torch.gcu.Event(enable_timing=True)
    start.record()
    # CHECK: [[@LINE-1]]:11 torch.cuda.Event.record torch_api semantic
print(torch.cuda.max_memory_allocated() / 2**20, torch.cuda.memory_reserved())
# CHECK: [[@LINE-1]]:7 torch.cuda.max_memory_allocated torch_api semantic
# CHECK: [[@LINE-2]]:50 torch.cuda.memory_reserved torch_api semantic
# FIX ascend: [[@LINE-3]] print(torch.npu.max_memory_allocated() / 2**20, torch.npu.memory_reserved())
# FIX cambricon: [[@LINE-4]] print(torch.mlu.max_memory_allocated() / 2**20, torch.mlu.memory_reserved())
# FIX enflame: [[@LINE-5]] print(torch.gcu.max_memory_allocated() / 2**20, torch.gcu.memory_reserved())
torch.cuda.reset_peak_memory_stats()
# CHECK: [[@LINE-1]]:1 torch.cuda.reset_peak_memory_stats torch_api semantic
# FIX ascend: [[@LINE-2]] torch.npu.reset_peak_memory_stats()
# FIX cambricon: [[@LINE-3]] torch.mlu.reset_peak_memory_stats()
# FIX enflame: [[@LINE-4]] torch.gcu.reset_peak_memory_stats()
torch.cuda.manual_seed_all(0)
# CHECK: [[@LINE-1]]:1 torch.cuda.manual_seed_all torch_api semantic
# FIX ascend: [[@LINE-2]] torch.npu.manual_seed_all(0)
# FIX cambricon: [[@LINE-3]] torch.mlu.manual_seed_all(0)
# FIX enflame: [[@LINE-4]] torch.gcu.manual_seed_all(0)
state = torch.cuda.get_rng_state()
# CHECK: [[@LINE-1]]:9 torch.cuda.get_rng_state torch_api semantic
# FIX ascend: [[@LINE-2]] state = torch.npu.get_rng_state()
# FIX cambricon: [[@LINE-3]] state = torch.mlu.get_rng_state()
# FIX enflame: [[@LINE-4]] state = torch.gcu.get_rng_state()
torch.cuda.nvtx.range_push("step")
# CHECK: [[@LINE-1]]:1 torch.cuda.nvtx.range_push torch_api semantic
# FIX ascend: [[@LINE-2]] torch.npu.nvtx.range_push("step")
# FIX cambricon: [[@LINE-3]] torch.mlu.cnpx.range_push("step")
# FIX enflame: [[@LINE-4]] torch.gcu.topstx.range_push("step")
torch.cuda.nvtx.range_pop()
# CHECK: [[@LINE-1]]:1 torch.cuda.nvtx.range_pop torch_api semantic
# FIX ascend: [[@LINE-2]] torch.npu.nvtx.range_pop()
# FIX cambricon: [[@LINE-3]] torch.mlu.cnpx.range_pop()
# FIX enflame: [[@LINE-4]] torch.gcu.topstx.range_pop()

# A call split over several lines.
torch.cuda.set_device(
# CHECK: [[@LINE-1]]:1 torch.cuda.set_device torch_api semantic
# FIX ascend: [[@LINE-2]] torch.npu.set_device(
# FIX cambricon: [[@LINE-3]] torch.mlu.set_device(
# FIX enflame: [[@LINE-4]] torch.gcu.set_device(
    0
)
torch.cuda \
    .synchronize()
    # CHECK: [[@LINE-2]]:1 torch.cuda.synchronize torch_api semantic
# FIX ascend: [[@LINE-3]] torch.npu \
# FIX cambricon: [[@LINE-4]] torch.mlu \
# FIX enflame: [[@LINE-5]] torch.gcu \
available = (torch
# CHECK: [[@LINE-1]]:14 torch.cuda.is_available torch_api semantic
             .cuda
             # FIX ascend: [[@LINE-1]]              .npu
             # FIX cambricon: [[@LINE-2]]              .mlu
             # FIX enflame: [[@LINE-3]]              .gcu
             .is_available())
if torch.version.cuda:
# CHECK: [[@LINE-1]]:4 torch.version.cuda torch_api semantic
    pass
