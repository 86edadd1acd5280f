"""Trains tinygpt on one node with DDP: `torchrun --nproc_per_node=8 train.py --data tokens.bin`."""
import argparse
import os
import time

import torch
import torch_npu
from torch.nn.parallel import DistributedDataParallel as DDP

from tinygpt import GPT, GPTConfig, TokenDataset, cleanup, make_loader, setup_distributed

torch.backends.cudnn.benchmark = True
torch.backends.cuda.matmul.allow_tf32 = True
torch.backends.cudnn.allow_tf32 = True


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", required=True)
    p.add_argument("--out", default="checkpoints")
    p.add_argument("--device", default="npu", choices=["npu", "cpu"])
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--steps", type=int, default=1000)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--compile", action="store_true")
    p.add_argument("--resume")
    return p.parse_args()


def save_checkpoint(path, model, optimizer, scaler, step):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "scaler": scaler.state_dict(), "step": step}, path)


def load_checkpoint(path, model, optimizer, scaler, local_rank):
    state = torch.load(path, map_location=f"npu:{local_rank}")
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    scaler.load_state_dict(state["scaler"])
    return state["step"]


def main():
    args = parse_args()
    device, rank, world = setup_distributed()
    torch.manual_seed(1234 + rank)
    torch.npu.manual_seed(1234 + rank)

    cfg = GPTConfig()
    model = GPT(cfg).to(device)
    if args.compile:
        model = torch.compile(model, mode="max-autotune")
    if world > 1:
        model = DDP(model, device_ids=[device.index], output_device=device.index)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, fused=True)
    scaler = torch.npu.amp.GradScaler()
    start = 0
    if args.resume:
        start = load_checkpoint(args.resume, model, optimizer, scaler, device.index or 0)

    loader = make_loader(TokenDataset(args.data, cfg.block_size), args.batch_size, world > 1)
    model.train()
    step_start = torch.npu.Event(enable_timing=True)
    step_end = torch.npu.Event(enable_timing=True)
    for step, (x, y) in enumerate(loader, start=start):
        if step >= args.steps:
            break
        x, y = x.npu(non_blocking=True), y.npu(non_blocking=True)
        step_start.record()
        with torch.npu.amp.autocast(dtype=torch.bfloat16):
            _, loss = model(x, y)
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        scaler.step(optimizer)
        scaler.update()
        optimizer.zero_grad(set_to_none=True)
        step_end.record()
        torch.npu.synchronize()
        if rank == 0 and step % 50 == 0:
            mem = torch.npu.max_memory_allocated() / 2**30
            print(f"step {step} loss {loss.item():.4f} {step_start.elapsed_time(step_end):.1f} ms {mem:.1f} GiB")
        if rank == 0 and step % 500 == 0:
            os.makedirs(args.out, exist_ok=True)
            save_checkpoint(os.path.join(args.out, f"step{step}.pt"), model, optimizer, scaler, step)
    torch.npu.empty_cache()
    cleanup()
    print("done in", time.strftime("%H:%M:%S"))


if __name__ == "__main__":
    main()
