"""Huawei Ascend coverage of ONNX operators: the CANN ONNX parser registrations and msit's map.

Reads ascend/cann-ops/onnx_plugin_registrations.tsv (REGISTER_CUSTOM_OP(...).FrameworkType(ONNX)
.OriginOpType("ai.onnx::N::Op") in hicann/ops-nn, ops-math, ops-cv and ops-transformer),
ascend/msit/onnx_opset_to_ascend_ir.tsv (msit's ONNX -> Ascend IR map, opsets 1-18), and, as a
cross-check only, ascend/onnxruntime-cann/ort_cann_kernels.tsv and ort_cann_graph_ops.txt (ONNX
Runtime's CANN execution provider). Writes opdb/ascend/onnx.yaml.

For each operator either source names in the ai.onnx or npu domain, the supported model opsets are the union of the
opsets both register; `constraints.opset` is their range (gaps are named in the note), the
target is the Ascend IR op type registered for the newest opset. Status: `native` (ATC/the CANN
parser takes the ONNX operator as it is); a node of a model opset outside the range is partial
(the opset constraint decides it per node, and the note names the versions not registered).
Confidence `official`: both are Huawei's own code. Operators that only ONNX Runtime's CANN EP
hands to the CANN graph engine (its graph-mode list: Constant, ...) get `native` entries citing
that list, confidence `derived` (Huawei's code in ONNX Runtime, for the EP path), opset min 8
(the EP's condition). Operators none of them names get no entry (unknown). Op types that are
not ONNX standard operators (custom ops the parser registers in ai.onnx, such as NPUFastGelu,
and the npu domain) get entries that carry their own kind, library and category `onnx-custom`.
"""

import re

from common import (coverage_doc, entry, generated_header, join_note, read_text, read_tsv, record,
                    require)

SCRIPT = "ascend_onnx.py"
PLATFORM = "ascend"
REPO_KEY = {"hicann/ops-nn": "NN", "hicann/ops-math": "MATH", "hicann/ops-cv": "CV",
            "cannmirror/ops-transformer": "TRF"}
SUBGRAPH = "PartitionedCall"
# Domains the parser registers ops in -> symbol prefix (ai.onnx as in onnx_symbols.py; `npu`
# holds the Ascend custom ops torch_npu exports).
DOMAINS = {"ai.onnx": "onnx", "npu": "npu"}


def ranges(opsets):
    """'8-18' or '8-11, 13-18' for a sorted list of ints."""
    out, start, prev = [], None, None
    for v in opsets:
        if start is None:
            start = prev = v
        elif v == prev + 1:
            prev = v
        else:
            out.append((start, prev))
            start = prev = v
    if start is not None:
        out.append((start, prev))
    return ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in out)


def ort_cann(up):
    """{op: [(since, end or None)]} kernel registrations and the graph-mode op set."""
    d = up / "ascend" / "onnxruntime-cann"
    kernels = {}
    for r in read_tsv(d / "ort_cann_kernels.tsv"):
        if r["domain"] == "ai.onnx":
            kernels.setdefault(r["op_type"], set()).add(
                (int(r["since_version"]), int(r["end_version"]) if r["end_version"] else None))
    graph = {line.strip() for line in read_text(d / "ort_cann_graph_ops.txt").splitlines()
             if line.strip() and not line.startswith("#")}
    require(kernels and graph, "ascend/onnxruntime-cann: no kernels or graph ops")
    return kernels, graph


def ort_record(up):
    """ONNX Runtime's cann_graph.cc, as ascend/SOURCES.md records it (row ORT: the file's commit;
    the commit date is not recorded there, so the date is the day the snapshot was collected)."""
    md = read_text(up / "ascend" / "SOURCES.md")
    m = re.search(r"cann_graph\.cc @ ([0-9a-f]{40})", md)
    require(m, "ascend/SOURCES.md: no cann_graph.cc commit in row ORT")
    c = re.search(r"Collected (\d{4}-\d{2}-\d{2})", md)
    require(c, "ascend/SOURCES.md: no collection date")
    return {
        "id": f"ort-cann-graph-{m.group(1)[:8]}",
        "title": "ONNX Runtime CANN EP graph-mode op list, SupportONNXModel (shared/upstream/ascend/"
                 f"onnxruntime-cann/ort_cann_graph_ops.txt; read {c.group(1)}, commit date not recorded)",
        "repository": "https://github.com/microsoft/onnxruntime",
        "commit": m.group(1),
        "path": "onnxruntime/core/providers/cann/cann_graph.cc",
        "date": c.group(1),
        "license": "MIT",
    }


def outputs(universe):
    up = universe.upstream
    onnx = universe.onnx
    md = up / "ascend" / "SOURCES.md"
    records = {}
    for key, prefix, title in (
            ("MSIT", "msit", "msit model_evaluation map_conf_onnx.yaml: ONNX op@opset -> Ascend "
                             "IR op type (shared/upstream/ascend/msit/onnx_opset_to_ascend_ir.tsv)"),
            ("NN", "cann-ops-nn", "CANN ops-nn ONNX parser plugin registrations"),
            ("MATH", "cann-ops-math", "CANN ops-math ONNX parser plugin registrations"),
            ("CV", "cann-ops-cv", "CANN ops-cv ONNX parser plugin registrations"),
            ("TRF", "cann-ops-transformer", "CANN ops-transformer ONNX parser plugin "
                                            "registrations")):
        path = ("components/analyze/model_evaluation/data/map_conf/map_conf_onnx.yaml"
                if key == "MSIT" else "**/framework/*onnx_plugin.cpp")
        if key != "MSIT":
            title += " (shared/upstream/ascend/cann-ops/onnx_plugin_registrations.tsv)"
        rec = record(md, key, prefix, title, path)
        records[key] = rec

    plugin = {}  # (domain, op) -> {opset: {(ascend_op, repo key)}}
    for r in read_tsv(up / "ascend" / "cann-ops" / "onnx_plugin_registrations.tsv"):
        if r["origin_domain"] not in DOMAINS or not r["origin_opset"]:
            continue
        require(r["repo"] in REPO_KEY, f"onnx_plugin_registrations.tsv: unknown repo {r['repo']}")
        plugin.setdefault((r["origin_domain"], r["origin_op"]), {}).setdefault(
            int(r["origin_opset"]), set()).add((r["ascend_op_type"], REPO_KEY[r["repo"]]))
    msit = {}
    for r in read_tsv(up / "ascend" / "msit" / "onnx_opset_to_ascend_ir.tsv"):
        if r["domain"] in DOMAINS and r["opset"].isdigit():
            msit.setdefault((r["domain"], r["onnx_op"]), {})[int(r["opset"])] = r["ascend_ir_op"]
    kernels, graph = ort_cann(up)

    entries, dropped = [], []
    for domain, op in sorted(set(plugin) | set(msit)):
        since = onnx.ops.get((domain, op))
        custom = since is None
        if custom and domain == "ai.onnx" and op[0].islower():
            dropped.append(op)
            continue
        p_opsets, m_opsets = plugin.get((domain, op), {}), msit.get((domain, op), {})
        opsets = sorted(set(p_opsets) | set(m_opsets))
        since = since or [opsets[0]]
        newest = opsets[-1]
        targets = sorted(t for t, _ in p_opsets.get(newest, ())) or \
            ([m_opsets[newest]] if newest in m_opsets else [])
        concrete = [t for t in targets if t != SUBGRAPH]
        target = (concrete or targets)[0]
        others = sorted({t for s in p_opsets.values() for t, _ in s} |
                        set(m_opsets.values()) - {target})
        lo, hi = opsets[0], opsets[-1]
        uncovered = [v for v in since if v > hi]
        parts = []
        if p_opsets:
            repos = sorted({k for s in p_opsets.values() for _, k in s})
            src = records[repos[0]]["id"]
            parts.append(f"the CANN ONNX parser registers it for opsets {ranges(sorted(p_opsets))}"
                         + (f" ({', '.join(records[k]['repository'][19:] for k in repos)})"))
            if m_opsets:
                parts.append(f"msit maps it for opsets {ranges(sorted(m_opsets))}")
        else:
            src = records["MSIT"]["id"]
            parts.append(f"msit maps it for opsets {ranges(sorted(m_opsets))}; no open-source "
                         "CANN parser plugin registers it")
        if target == SUBGRAPH:
            parts.append("the parser expands it into a subgraph of Ascend IR ops (PartitionedCall)")
        elif SUBGRAPH in others:
            others.remove(SUBGRAPH)
            parts.append("some opsets are expanded into a subgraph (PartitionedCall)")
        if others:
            parts.append("other Ascend IR op types registered for older opsets: " + ", ".join(others))
        if len(opsets) != hi - lo + 1:
            parts.append(f"registered opsets have gaps: {ranges(opsets)}")
        if uncovered:
            parts.append(f"not registered for {op}-" + f", {op}-".join(map(str, uncovered)) +
                         f" (opset {uncovered[0]} and later)")
        ort = []
        if op in kernels:
            spans = sorted(kernels[op], key=lambda s: s[0])
            ort.append("ONNX Runtime's CANN EP has kernels for since_version " + ", ".join(
                f"{a}-{b}" if b else f"{a}+" for a, b in spans))
        if op in graph:
            ort.append("ONNX Runtime's CANN EP hands it to the CANN graph engine in graph mode")
        if ort:
            parts.append("; ".join(ort))
        if custom:
            parts.insert(0, f"not an ONNX standard operator: a custom op type the Ascend ONNX "
                            f"parser accepts in the {domain} domain")
        e = entry(f"{DOMAINS[domain]}::{op}", "native", src,
                  "official", target=target, note=join_note(parts))
        if custom:
            e = {"symbol": e["symbol"], "kind": "onnx_op", "library": domain,
                 "category": "onnx-custom", **{k: v for k, v in e.items() if k != "symbol"}}
        e["constraints"] = {"opset": {"min": lo, "max": hi}}
        entries.append(e)
    ort = ort_record(up)
    named = {(d, o) for d, o in set(plugin) | set(msit)}
    for op in sorted(graph):
        if ("ai.onnx", op) in named or ("ai.onnx", op) not in onnx.ops:
            continue
        e = entry(f"onnx::{op}", "native", ort["id"], "derived", note=join_note([
            "ONNX Runtime's CANN EP hands it to the CANN graph engine in graph mode (model opset 8 "
            "or later); no open-source CANN parser plugin or msit map names it",
            "a node whose inputs are all constant is folded before it reaches the EP"]))
        e["constraints"] = {"opset": {"min": 8}}
        entries.append(e)
    entries.sort(key=lambda e: e["symbol"])
    records["ORT"] = ort
    snap = "; ".join(f"{r['repository'][19:]} {r['commit']}, {r['date']}"
                     for r in records.values())
    hdr = generated_header(SCRIPT, ["ascend/cann-ops/onnx_plugin_registrations.tsv",
                                    "ascend/msit/onnx_opset_to_ascend_ir.tsv",
                                    "ascend/onnxruntime-cann/ort_cann_kernels.tsv",
                                    "ascend/onnxruntime-cann/ort_cann_graph_ops.txt"], snap)
    return {"ascend/onnx.yaml": (hdr, coverage_doc(PLATFORM, list(records.values()), entries))}, \
        dropped
