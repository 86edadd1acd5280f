#!/usr/bin/env python3
"""Writes tiny_decoder.onnx: a two-layer decoder-only language model with a KV cache, the shape
of what teams export from Hugging Face for inference, at a size small enough to commit (hidden
size 64, vocabulary 512, fp16 weights, about 300 KB).

It carries what opscope's ONNX reader has to handle in real exports: past_key_values inputs with
symbolic batch/sequence dimensions (the KV-cache sizing reads them), LayerNormalization
(opset 17), a com.microsoft custom-domain operator (FastGelu, as ONNX Runtime's transformer
optimizer writes), an If node with two subgraph bodies, and fp16 initializers.

Run with Debian's python3-onnx: `python3 samples/models/make_tiny_decoder.py` (deterministic:
the weights come from a fixed-seed generator, so the file is the same every time).
"""
import os
import random
import struct

import onnx
from onnx import TensorProto, helper

HIDDEN, HEADS, LAYERS, VOCAB, FFN = 64, 4, 2, 512, 256
HEAD_DIM = HIDDEN // HEADS
rng = random.Random(20261122)


def fp16_tensor(name, dims):
    n = 1
    for d in dims:
        n *= d
    raw = b"".join(struct.pack("<e", rng.uniform(-0.05, 0.05)) for _ in range(n))
    return helper.make_tensor(name, TensorProto.FLOAT16, dims, raw, raw=True)


def int64_tensor(name, values):
    return helper.make_tensor(name, TensorProto.INT64, [len(values)], values)


nodes, inits = [], []
inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"])]
outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT16, ["batch", "seq", VOCAB])]

inits += [fp16_tensor("embed.weight", [VOCAB, HIDDEN]),
          int64_tensor("heads_shape", [0, 0, HEADS, HEAD_DIM]),
          int64_tensor("merge_shape", [0, 0, HIDDEN])]
nodes.append(helper.make_node("Gather", ["embed.weight", "input_ids"], ["h0"], name="embed"))

h = "h0"
for i in range(LAYERS):
    p = f"layer{i}"
    for kv in ("key", "value"):
        name = f"past_key_values.{i}.{kv}"
        inputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT16, ["batch", HEADS, "past_seq", HEAD_DIM]))
        outputs.append(helper.make_tensor_value_info(f"present.{i}.{kv}", TensorProto.FLOAT16,
                                                     ["batch", HEADS, "total_seq", HEAD_DIM]))
    inits += [fp16_tensor(f"{p}.ln1.weight", [HIDDEN]), fp16_tensor(f"{p}.ln1.bias", [HIDDEN]),
              fp16_tensor(f"{p}.ln2.weight", [HIDDEN]), fp16_tensor(f"{p}.ln2.bias", [HIDDEN])]
    for w in ("q", "k", "v", "o"):
        inits.append(fp16_tensor(f"{p}.attn.{w}.weight", [HIDDEN, HIDDEN]))
    inits += [fp16_tensor(f"{p}.mlp.up.weight", [HIDDEN, FFN]), fp16_tensor(f"{p}.mlp.up.bias", [FFN]),
              fp16_tensor(f"{p}.mlp.down.weight", [FFN, HIDDEN])]
    nodes.append(helper.make_node("LayerNormalization", [h, f"{p}.ln1.weight", f"{p}.ln1.bias"], [f"{p}.x"],
                                  name=f"{p}/ln1", axis=-1, epsilon=1e-5))
    for w in ("q", "k", "v"):
        nodes.append(helper.make_node("MatMul", [f"{p}.x", f"{p}.attn.{w}.weight"], [f"{p}.{w}2d"], name=f"{p}/attn/{w}"))
        nodes.append(helper.make_node("Reshape", [f"{p}.{w}2d", "heads_shape"], [f"{p}.{w}4d"], name=f"{p}/attn/{w}_split"))
        nodes.append(helper.make_node("Transpose", [f"{p}.{w}4d"], [f"{p}.{w}"], name=f"{p}/attn/{w}_heads",
                                      perm=[0, 2, 1, 3]))
    nodes.append(helper.make_node("Concat", [f"past_key_values.{i}.key", f"{p}.k"], [f"present.{i}.key"],
                                  name=f"{p}/attn/cat_k", axis=2))
    nodes.append(helper.make_node("Concat", [f"past_key_values.{i}.value", f"{p}.v"], [f"present.{i}.value"],
                                  name=f"{p}/attn/cat_v", axis=2))
    nodes.append(helper.make_node("Transpose", [f"present.{i}.key"], [f"{p}.kT"], name=f"{p}/attn/kT", perm=[0, 1, 3, 2]))
    nodes.append(helper.make_node("MatMul", [f"{p}.q", f"{p}.kT"], [f"{p}.scores"], name=f"{p}/attn/scores"))
    nodes.append(helper.make_node("Softmax", [f"{p}.scores"], [f"{p}.probs"], name=f"{p}/attn/softmax", axis=-1))
    nodes.append(helper.make_node("MatMul", [f"{p}.probs", f"present.{i}.value"], [f"{p}.ctx4d"], name=f"{p}/attn/ctx"))
    nodes.append(helper.make_node("Transpose", [f"{p}.ctx4d"], [f"{p}.ctxT"], name=f"{p}/attn/ctx_t", perm=[0, 2, 1, 3]))
    nodes.append(helper.make_node("Reshape", [f"{p}.ctxT", "merge_shape"], [f"{p}.ctx"], name=f"{p}/attn/merge"))
    nodes.append(helper.make_node("MatMul", [f"{p}.ctx", f"{p}.attn.o.weight"], [f"{p}.attn_out"], name=f"{p}/attn/o"))
    nodes.append(helper.make_node("Add", [h, f"{p}.attn_out"], [f"{p}.h1"], name=f"{p}/residual1"))
    nodes.append(helper.make_node("LayerNormalization", [f"{p}.h1", f"{p}.ln2.weight", f"{p}.ln2.bias"], [f"{p}.y"],
                                  name=f"{p}/ln2", axis=-1, epsilon=1e-5))
    nodes.append(helper.make_node("MatMul", [f"{p}.y", f"{p}.mlp.up.weight"], [f"{p}.up"], name=f"{p}/mlp/up"))
    nodes.append(helper.make_node("FastGelu", [f"{p}.up", f"{p}.mlp.up.bias"], [f"{p}.act"], name=f"{p}/mlp/gelu",
                                  domain="com.microsoft"))
    nodes.append(helper.make_node("MatMul", [f"{p}.act", f"{p}.mlp.down.weight"], [f"{p}.down"], name=f"{p}/mlp/down"))
    nodes.append(helper.make_node("Add", [f"{p}.h1", f"{p}.down"], [f"{p}.out"], name=f"{p}/residual2"))
    h = f"{p}.out"

# Logits in fp16, or upcast through fp32 when the exporter asked for it: an If with two bodies.
inits.append(helper.make_tensor("upcast_logits", TensorProto.BOOL, [], [False]))
nodes.append(helper.make_node("MatMul", [h, "embed_t"], ["logits16"], name="lm_head"))
nodes.append(helper.make_node("Transpose", ["embed.weight"], ["embed_t"], name="tie_embeddings", perm=[1, 0]))
then_body = helper.make_graph(
    [helper.make_node("Cast", ["logits16"], ["l32"], name="to_fp32", to=TensorProto.FLOAT),
     helper.make_node("Softmax", ["l32"], ["p32"], name="softmax32", axis=-1),
     helper.make_node("Cast", ["p32"], ["then_out"], name="to_fp16", to=TensorProto.FLOAT16)],
    "upcast", [], [helper.make_tensor_value_info("then_out", TensorProto.FLOAT16, None)])
else_body = helper.make_graph(
    [helper.make_node("Identity", ["logits16"], ["else_out"], name="keep")],
    "keep_fp16", [], [helper.make_tensor_value_info("else_out", TensorProto.FLOAT16, None)])
nodes.append(helper.make_node("If", ["upcast_logits"], ["logits"], name="maybe_upcast",
                              then_branch=then_body, else_branch=else_body))

# Nodes in topological order, as exporters write them: the transpose feeding lm_head first.
lm = next(k for k, n in enumerate(nodes) if n.name == "lm_head")
tie = next(k for k, n in enumerate(nodes) if n.name == "tie_embeddings")
nodes.insert(lm, nodes.pop(tie))

graph = helper.make_graph(nodes, "tiny_decoder", inputs, outputs, inits)
model = helper.make_model(graph, producer_name="opscope-samples", producer_version="1",
                          opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)])
model.ir_version = 8
onnx.checker.check_model(model)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny_decoder.onnx")
with open(out, "wb") as f:
    f.write(model.SerializeToString())
print(f"wrote {out}: {len(graph.node)} nodes, {os.path.getsize(out)} bytes")
