"""Hygon DCU coverage of ONNX operators from AMD MIGraphX (which DTK ships as its ONNX engine).

Reads dcu/migraphx_onnx_operators_support.tsv (MIGraphX's operator matrix, docs/dev/
onnx_operators.rst: supported yes/no, types, limitations), dcu/migraphx_onnx_parsers.tsv (the
op_type strings MIGraphX's ONNX front end registers), dcu/onnxruntime_migraphx_ep_supported_ops.txt
(cross-check only) and dcu/SOURCES.md. Writes opdb/dcu/onnx.yaml.

  * matrix `yes`                                                -> native
  * matrix `no`                                                 -> missing
A supported operator's limitations are per node: each becomes a node rule (constraints.node, see
migraphx_node_rules.py) under which a node is partial, naming the limitation; those no node
shows are named in the note. The matrix says MIGraphX supports operators up to opset 19:
constraints.opset.max = 19, so a node of a newer model opset is partial, and the note names the
newer versions. Supported types become constraints.dtypes. Confidence `derived` (AMD's documentation of MIGraphX,
applied to DTK's MIGraphX).
"""

import re

from common import coverage_doc, entry, generated_header, join_note, read_text, read_tsv, require
from migraphx_node_rules import node_rules

SCRIPT = "dcu_migraphx.py"
PLATFORM = "dcu"

DTYPES = {"FP8": "fp8e4m3fnuz", "FP16": "fp16", "FP32": "fp32", "FP64": "fp64", "BF16": "bf16",
          "BOOL": "bool", "INT8": "int8", "INT16": "int16", "INT32": "int32", "INT64": "int64",
          "UINT8": "uint8", "UINT16": "uint16", "UINT32": "uint32", "UINT64": "uint64"}


def migraphx_record(upstream):
    md = read_text(upstream / "dcu" / "SOURCES.md")
    m = re.search(r"\|\s*commit\s*\|\s*`([0-9a-f]{40})`, branch `develop`, (\d{4}-\d{2}-\d{2})", md)
    require(m, "dcu/SOURCES.md: no MIGraphX commit")
    return {
        "id": f"migraphx-{m.group(1)[:8]}",
        "title": "AMD MIGraphX ONNX operator support matrix and ONNX parser registrations "
                 "(shared/upstream/dcu/migraphx_onnx_operators_support.tsv, "
                 "migraphx_onnx_parsers.tsv)",
        "repository": "https://github.com/ROCm/AMDMIGraphX",
        "commit": m.group(1),
        "path": "docs/dev/onnx_operators.rst; src/onnx/parse_*.cpp",
        "date": m.group(2),
        "license": "MIT",
    }


def dtypes(cell, op):
    cell = cell.strip()
    if not cell or cell == "Any":
        return []
    out = []
    for tok in (t.strip() for t in cell.split(",")):
        require(tok in DTYPES, f"migraphx_onnx_operators_support.tsv: unknown type {tok!r} ({op})")
        out.append(DTYPES[tok])
    return out


def outputs(universe):
    up = universe.upstream
    onnx = universe.onnx
    rec = migraphx_record(up)
    rst = read_text(up / "dcu" / "migraphx_onnx_operators.rst")
    m = re.search(r"supports operators up to Opset (\d+)", rst)
    require(m, "migraphx_onnx_operators.rst: no 'up to Opset N' sentence")
    max_opset = int(m.group(1))
    parsers = {r["onnx_op"]: r for r in read_tsv(up / "dcu" / "migraphx_onnx_parsers.tsv")}
    ort = {line.strip() for line in
           read_text(up / "dcu" / "onnxruntime_migraphx_ep_supported_ops.txt").splitlines()
           if line.strip()}
    entries, dropped = [], []
    for r in read_tsv(up / "dcu" / "migraphx_onnx_operators_support.tsv"):
        op = re.sub(r"\s*\(deprecated\)$", "", r["operator"])
        since = onnx.ops.get(("ai.onnx", op))
        if since is None:
            dropped.append(op)
            continue
        parser = parsers.get(op)
        parts = []
        if r["supported"] == "no":
            parts.append("MIGraphX's operator matrix marks it unsupported")
            if parser:
                parts.append(f"a parser ({parser['parser_struct']}) registers it nonetheless")
            entries.append(entry(f"onnx::{op}", "missing", rec["id"], "derived",
                                 note=join_note(parts)))
            continue
        require(r["supported"] == "yes", f"migraphx matrix: bad supported value for {op}")
        newer = [v for v in since if v > max_opset]
        parts.append(f"MIGraphX supports it (operators up to opset {max_opset})")
        rules, unchecked = node_rules(op, r["limitations"], require)
        if r["limitations"]:
            parts.append("limitation: " + re.sub(r"`+", "", r["limitations"]))
        if unchecked:
            parts.append("not checked per node: " + unchecked)
        if newer:
            parts.append(f"{op}-" + f", {op}-".join(map(str, newer)) + f" is newer than opset "
                         f"{max_opset}")
        if r["supported_types"].strip().startswith("FP8") or "FP8" in r["supported_types"]:
            parts.append("FP8 means E4M3FNUZ only")
        if op not in ort and parser:
            parts.append("not in ONNX Runtime's static MIGraphX EP list (builds against ROCm 7.2 "
                         "or later ask MIGraphX instead)")
        target = (parser["migraphx_op"] or parser["parser_struct"]) if parser else None
        status = "native"
        e = entry(f"onnx::{op}", status, rec["id"], "derived", target=target,
                  note=join_note(parts))
        cons = {"opset": {"max": max_opset}}
        types = dtypes(r["supported_types"], op)
        if types:
            cons = {"dtypes": types, **cons}
        if rules:
            cons["node"] = rules
        e["constraints"] = cons
        entries.append(e)
    entries.sort(key=lambda e: e["symbol"])
    hdr = generated_header(SCRIPT, ["dcu/migraphx_onnx_operators_support.tsv",
                                    "dcu/migraphx_onnx_parsers.tsv",
                                    "dcu/onnxruntime_migraphx_ep_supported_ops.txt"],
                           f"ROCm/AMDMIGraphX {rec['commit']}, {rec['date']}")
    return {"dcu/onnx.yaml": (hdr, coverage_doc(PLATFORM, [rec], entries))}, dropped
