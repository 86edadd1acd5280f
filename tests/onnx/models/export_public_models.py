#!/usr/bin/python3
"""Exports public model architectures to ONNX with Debian's python3-torch / python3-torchvision.

    /usr/bin/python3 tests/onnx/models/export_public_models.py OUTDIR [NAME ...]   (Debian's Python)

Writes OUTDIR/<name>.onnx for each architecture (all by default), with ONNX shape inference's
value_info added. Weights are randomly
initialised (no download): coverage and partitioning depend on the graph, not on the values.
The models are not committed; this script is. Architectures:

  resnet50, mobilenet_v3_large, efficientnet_b0   classification (torchvision)
  fasterrcnn_mobilenet                            detection with If subgraphs (torchvision)
  deeplabv3_mobilenet                             segmentation (torchvision)
  vit_b_16, swin_t                                vision transformers (torchvision)
  gpt_decoder_kv                                  GPT-2-style decoder with a KV cache (past_key_values
                                                  inputs, present outputs; dynamic sequence axes)
  lstm_lm                                         LSTM language model (torch.nn.LSTM)
  gru_tagger                                      bidirectional GRU tagger (torch.nn.GRU)
"""

import math
import sys
from pathlib import Path

import onnx
import onnx.shape_inference
import torch
import torchvision

OPSET = 17


class DecoderBlock(torch.nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.ln1 = torch.nn.LayerNorm(d)
        self.qkv = torch.nn.Linear(d, 3 * d)
        self.proj = torch.nn.Linear(d, d)
        self.ln2 = torch.nn.LayerNorm(d)
        self.mlp = torch.nn.Sequential(torch.nn.Linear(d, 4 * d), torch.nn.GELU(), torch.nn.Linear(4 * d, d))

    def forward(self, x, past_k, past_v):
        b, t, d = x.shape
        h = self.heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q = q.view(b, t, h, d // h).transpose(1, 2)
        k = torch.cat([past_k, k.view(b, t, h, d // h).transpose(1, 2)], dim=2)
        v = torch.cat([past_v, v.view(b, t, h, d // h).transpose(1, 2)], dim=2)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(d // h)
        total = k.shape[2]
        mask = torch.ones(t, total, dtype=torch.bool).tril(diagonal=total - t)
        att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(y)
        return x + self.mlp(self.ln2(x)), k, v


class GptDecoder(torch.nn.Module):
    """GPT-2's layout: token and position embeddings, pre-LN blocks, tied LM head."""

    def __init__(self, vocab=1000, d=128, heads=4, layers=2, positions=256):
        super().__init__()
        self.wte = torch.nn.Embedding(vocab, d)
        self.wpe = torch.nn.Embedding(positions, d)
        self.blocks = torch.nn.ModuleList(DecoderBlock(d, heads) for _ in range(layers))
        self.ln = torch.nn.LayerNorm(d)

    def forward(self, ids, past_k, past_v):
        past = past_k.shape[3]
        pos = torch.arange(past, past + ids.shape[1]).unsqueeze(0)
        x = self.wte(ids) + self.wpe(pos)
        ks, vs = [], []
        for i, blk in enumerate(self.blocks):
            x, k, v = blk(x, past_k[i], past_v[i])
            ks.append(k)
            vs.append(v)
        return self.ln(x) @ self.wte.weight.t(), torch.stack(ks), torch.stack(vs)


class LstmLm(torch.nn.Module):
    def __init__(self, vocab=1000, d=128):
        super().__init__()
        self.emb = torch.nn.Embedding(vocab, d)
        self.rnn = torch.nn.LSTM(d, d, num_layers=2, batch_first=True)
        self.out = torch.nn.Linear(d, vocab)

    def forward(self, ids, h, c):
        y, (h, c) = self.rnn(self.emb(ids), (h, c))
        return self.out(y), h, c


class GruTagger(torch.nn.Module):
    def __init__(self, vocab=1000, d=64, tags=9):
        super().__init__()
        self.emb = torch.nn.Embedding(vocab, d)
        self.rnn = torch.nn.GRU(d, d, batch_first=True, bidirectional=True)
        self.out = torch.nn.Linear(2 * d, tags)

    def forward(self, ids):
        y, _ = self.rnn(self.emb(ids))
        return self.out(y).log_softmax(-1)


def image(n=224):
    return torch.randn(1, 3, n, n)


def models():
    tv = torchvision.models
    yield "resnet50", tv.resnet50(), (image(),), {}
    yield "mobilenet_v3_large", tv.mobilenet_v3_large(), (image(),), {}
    yield "efficientnet_b0", tv.efficientnet_b0(), (image(),), {}
    det = tv.detection.fasterrcnn_mobilenet_v3_large_320_fpn(weights=None, weights_backbone=None)
    yield "fasterrcnn_mobilenet", det, ([torch.rand(3, 320, 320)],), {}
    seg = tv.segmentation.deeplabv3_mobilenet_v3_large(weights=None, weights_backbone=None, aux_loss=False)
    yield "deeplabv3_mobilenet", seg, (image(),), {}
    yield "vit_b_16", tv.vit_b_16(), (image(),), {}
    yield "swin_t", tv.swin_t(), (image(),), {}
    layers, heads, d = 2, 4, 128
    past = torch.zeros(layers, 1, heads, 8, d // heads)
    yield "gpt_decoder_kv", GptDecoder(d=d, heads=heads, layers=layers), \
        (torch.randint(0, 1000, (1, 4)), past, past.clone()), dict(
            input_names=["input_ids", "past_keys", "past_values"],
            output_names=["logits", "present_keys", "present_values"],
            dynamic_axes={"input_ids": {1: "sequence"}, "past_keys": {3: "past_sequence"},
                          "past_values": {3: "past_sequence"}, "logits": {1: "sequence"},
                          "present_keys": {3: "total_sequence"}, "present_values": {3: "total_sequence"}})
    state = torch.zeros(2, 1, 128)
    yield "lstm_lm", LstmLm(), (torch.randint(0, 1000, (1, 16)), state, state.clone()), dict(
        input_names=["input_ids", "h0", "c0"], output_names=["logits", "h", "c"])
    yield "gru_tagger", GruTagger(), (torch.randint(0, 1000, (1, 16)),), dict(
        input_names=["input_ids"], output_names=["tags"])


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(sys.argv[2:])
    torch.manual_seed(0)
    for name, model, args, kw in models():
        if wanted and name not in wanted:
            continue
        model.eval()
        path = out / f"{name}.onnx"
        # Not under torch.no_grad(): there nn.MultiheadAttention takes its fused fast path
        # (aten::_native_multi_head_attention), which torch.onnx cannot export.
        torch.onnx.export(model, args, str(path), opset_version=OPSET, do_constant_folding=True, **kw)
        # Declared shapes for every intermediate value, as converters infer them: torch.onnx writes
        # none, and a split of the model needs the shapes of the tensors it cuts.
        onnx.shape_inference.infer_shapes_path(str(path))
        print(f"{path}: {path.stat().st_size} bytes", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
