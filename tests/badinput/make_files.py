#!/usr/bin/env python3
"""Writes the committed bad-input files of tests/badinput/files/ (the small binary ones; the text
ones are written by hand). Deterministic: `make_files.py --check` fails when a committed file
differs from what this script makes. Large and deep inputs are not committed: run_case.py makes
them at test time."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field_len(num, payload):
    return varint((num << 3) | 2) + varint(len(payload)) + payload


def field_varint(num, value):
    return varint(num << 3) + varint(value)


def string(num, s):
    return field_len(num, s.encode())


def node(op, inputs, outputs, name="", attrs=()):
    out = b"".join(string(1, i) for i in inputs) + b"".join(string(2, o) for o in outputs)
    if name:
        out += string(3, name)
    out += string(4, op)
    out += b"".join(field_len(5, a) for a in attrs)
    return out


def graph_attr(name, graph):
    # AttributeProto: name (1), g (6), type (20) = GRAPH (5)
    return string(1, name) + field_len(6, graph) + field_varint(20, 5)


def model(graph):
    # ModelProto: ir_version (1), opset_import (8) {domain "" version 13}, graph (7)
    return field_varint(1, 8) + field_len(8, field_varint(2, 13)) + field_len(7, graph)


def small_model():
    g = string(2, "main") + field_len(1, node("Relu", ["x"], ["y"], "relu")) + field_len(1, node("MatMul", ["y", "w"], ["z"], "mm"))
    return model(g)


def deep_model(levels):
    """`levels` nested If nodes, each then_branch holding the next: built inside out."""
    g = field_len(1, node("Relu", ["x"], ["y"]))
    for _ in range(levels):
        g = field_len(1, node("If", ["c"], ["y"], attrs=[graph_attr("then_branch", g)]))
    return model(g)


def files():
    good = small_model()
    out = {}
    out["zero.onnx"] = b""
    out["truncated.onnx"] = good[: len(good) - 7]
    corrupted = bytearray(good)
    at = good.find(b"MatMul") - 2  # the op_type field's tag: make it wire type 7
    corrupted[at] = (4 << 3) | 7
    out["corrupted.onnx"] = bytes(corrupted)
    out["png-not-onnx.onnx"] = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
    # The graph field claims 2 TiB.
    out["terabyte-length.onnx"] = field_varint(1, 8) + varint((7 << 3) | 2) + varint(2 << 40) + b"\x0a\x01x"
    out["binary.py"] = bytes((i * 37 + 11) % 256 for i in range(4096))
    out["latin1.py"] = "import torch\n# caf\xe9 cr\xe8me\nname = 'd\xe9j\xe0'\ntorch.cuda.synchronize()\n".encode("latin-1")
    out["binary.cu"] = b"\x7fELF\x02\x01\x01\x00" + bytes((i * 91 + 3) % 256 for i in range(4096))
    return out


def main():
    check = "--check" in sys.argv
    bad = []
    for name, data in sorted(files().items()):
        path = os.path.join(FILES, name)
        if check:
            if not os.path.exists(path) or open(path, "rb").read() != data:
                bad.append(name)
        else:
            os.makedirs(FILES, exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    if bad:
        print("tests/badinput/files differ from make_files.py: " + ", ".join(bad) + " (run tests/badinput/make_files.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
