"""Cambricon MLU coverage of the CUDA runtime and of NCCL (CNRT, CNCL).

Reads cambricon/cuda_to_cnrt_pairs.tsv (DeepLink DIPU's and InfiniCore's CUDA and Cambricon
device and communicator layers, aligned by wrapper), cambricon/cnrt_api_names.txt and
cambricon/cnrt_error_codes.tsv (to say whether a target is declared in the public cnrt.h 6.14.1
copy), cambricon/cambricon_api_names.tsv (CNCL names torch_mlu calls; CNCL has no public header)
and cambricon/SOURCES.md. Writes opdb/cambricon/cuda_runtime.yaml and cambricon/nccl.yaml.

  * a usable pair -> mapped, third-party (choice: opdb/importers/pairs.py); a pair to
    cnclInvalid (DIPU's marker for an unsupported data type) -> missing
  * ROLE_PAIRS, a small table of well-known role correspondences (Queue ~ stream, Notifier ~
    event, TaskTopo ~ graph), kept only when torch_mlu calls the target (the citable evidence
    that the name exists; cnrt.h 6.14.1 has no resolvable repository) -> mapped, inferred
  * an nccl* name whose cncl* twin torch_mlu calls -> mapped, inferred (name correspondence)
  * other runtime and NCCL functions -> unknown, naming unresolved candidates, any cnrt* twin
    declared in cnrt.h 6.14.1 and HEADER_ONLY role counterparts (not verified as equivalent)
"""

import sys

from common import (coverage_doc, entry, generated_header, join_note, read_text, read_tsv, record,
                    require)
from pairs import PairTable, Project, pair_entries, role_pairs

SCRIPT = "cambricon_pairs.py"
PLATFORM = "cambricon"

COMPONENT_RANK = {"cnrt_6.x device": 0, "cncl communicator": 0, "cnrt_5.x device": 2}

PROJECTS = [
    Project("DIPU", "deeplink.framework", "DeepLink DIPU", "dipu",
            "DeepLink DIPU vendor device and communicator layers, CUDA vs Cambricon (cnrt_6.x, "
            "cnrt_5.x, cncl), aligned by wrapper (shared/upstream/cambricon/cuda_to_cnrt_pairs.tsv)"),
    Project("INFINI", "InfiniCore", "InfiniCore", "infinicore",
            "InfiniCore infinirt/infiniccl, CUDA vs Cambricon bang backends, aligned by wrapper "
            "(shared/upstream/cambricon/cuda_to_cnrt_pairs.tsv)"),
]


_CAPTURE = "the capture builds a cnrtTaskTopo_t (CNRT's task topology, its CUDA-Graph analogue)"
_TOPO = "CNRT's task topology (cnrtTaskTopo_t) is its CUDA-Graph analogue"
# CUDA name -> (CNRT name, facts). Role correspondences; the target must be called by torch_mlu.
ROLE_PAIRS = {
    "cudaDeviceGetAttribute": ("cnrtDeviceGetAttribute", "attributes from cnrtDeviceAttr_t"),
    "cudaDeviceGetStreamPriorityRange": ("cnrtDeviceGetQueuePriorityRange", None),
    "cudaDeviceCanAccessPeer": ("cnrtGetPeerAccessibility", None),
    "cudaGetErrorString": ("cnrtGetErrorStr", None),
    "cudaMemGetInfo": ("cnrtMemGetInfo", None),
    "cudaStreamCreateWithPriority": ("cnrtQueueCreateWithPriority", None),
    "cudaStreamGetPriority": ("cnrtQueueGetPriority", None),
    "cudaStreamBeginCapture": ("cnrtQueueBeginCapture", _CAPTURE),
    "cudaStreamEndCapture": ("cnrtQueueEndCapture", _CAPTURE),
    "cudaStreamIsCapturing": ("cnrtQueueIsCapturing", None),
    "cudaStreamGetCaptureInfo": ("cnrtQueueGetCaptureInfo", None),
    "cudaThreadExchangeStreamCaptureMode": ("cnrtThreadExchangeQueueCaptureMode", None),
    "cudaIpcGetEventHandle": ("cnrtIpcGetNotifierHandle", None),
    "cudaIpcOpenEventHandle": ("cnrtIpcOpenNotifierHandle", None),
    "cudaProfilerStart": ("cnrtProfilerStart", None),
    "cudaProfilerStop": ("cnrtProfilerStop", None),
    "cudaGraphInstantiate": ("cnrtTaskTopoInstantiate", _TOPO),
    "cudaGraphDestroy": ("cnrtTaskTopoDestroy", _TOPO),
    "cudaGraphExecDestroy": ("cnrtTaskTopoEntityDestroy", _TOPO),
    "cudaGraphLaunch": ("cnrtTaskTopoEntityInvoke", _TOPO),
    "cudaGraphGetNodes": ("cnrtTaskTopoGetNodes", _TOPO),
    "cudaGraphDebugDotPrint": ("cnrtTaskTopoDebugDotPrint", _TOPO),
}
# Role counterparts declared in cnrt.h 6.14.1 that no citable source confirms: named in the note
# of the unknown entry only.
HEADER_ONLY = {
    "cudaLaunchKernel": "cnrtInvokeKernel", "cudaLaunchHostFunc": "cnrtInvokeHostFunc",
    "cudaGraphCreate": "cnrtTaskTopoCreate", "cudaGraphAddKernelNode": "cnrtTaskTopoAddKernelNode",
    "cudaGraphUpload": "cnrtTaskTopoUpload", "cudaGraphExecUpdate": "cnrtTaskTopoEntityUpdate",
    "cudaMemcpy2D": "cnrtMemcpy2D", "cudaMemcpy2DAsync": "cnrtMemcpy2DAsync",
    "cudaMemcpy3D": "cnrtMemcpy3D", "cudaMemcpy3DAsync": "cnrtMemcpy3DAsync",
    "cudaMemcpyToSymbol": "cnrtMemcpyToSymbol", "cudaMemcpyFromSymbol": "cnrtMemcpyFromSymbol",
    "cudaPeekAtLastError": "cnrtPeekAtLastError", "cudaGetErrorName": "cnrtGetErrorName",
    "cudaMallocFromPoolAsync": "cnrtMemAllocFromPoolAsync", "cudaMemPoolCreate": "cnrtMemPoolCreate",
}


def component_rank(component):
    return COMPONENT_RANK.get(component, 1)


def cnrt5_remark(row, target):
    return "the CNRT 5.x name" if row["component"] == "cnrt_5.x device" else ""


class CnrtHeader:
    """Names declared in the public cnrt.h 6.14.1 copy (functions and cnrtRet_t values)."""

    def __init__(self, upstream):
        self.functions = set()
        for line in read_text(upstream / "cambricon" / "cnrt_api_names.txt").splitlines():
            if line and not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) == 2:
                    self.functions.add(parts[1].strip())
        require(self.functions, "cambricon/cnrt_api_names.txt: no function names")
        self.codes = {r["name"]: r for r in
                      read_tsv(upstream / "cambricon" / "cnrt_error_codes.tsv")}

    def describe(self, name, kind):
        if name.startswith("cndev"):
            return (f"{name} is a CNDev (device management library) API, not CNRT: a semantic "
                    "approximation")
        if name in self.functions:
            return f"{name} is declared in cnrt.h 6.14.1"
        if name in self.codes:
            note = self.codes[name]["note"]
            return f"{name} is a cnrt.h 6.14.1 error code" + (f" ({note})" if note else "")
        if kind == "function" and name.startswith("cnrt"):
            return f"{name} is not among the cnrt.h 6.14.1 function names"
        return None


def called_names(upstream, library):
    """Names of one Cambricon library that torch_mlu calls (vendor API by the snapshot's
    heuristic)."""
    return {r["name"] for r in read_tsv(upstream / "cambricon" / "cambricon_api_names.tsv")
            if r["library"] == library and r["origin_guess"] == "vendor_api"}


def outputs(universe, log=sys.stderr):
    up = universe.upstream
    md = up / "cambricon" / "SOURCES.md"
    table = PairTable(md, up / "cambricon" / "cuda_to_cnrt_pairs.tsv", PROJECTS, component_rank)
    header = CnrtHeader(up)
    cncl, cnrt = called_names(up, "cncl"), called_names(up, "cnrt")
    tm = record(md, "TM24", "torch-mlu", "Cambricon torch_mlu r2.4_develop: the CNRT and CNCL names "
                     "its C++ sources call (shared/upstream/cambricon/cambricon_api_names.tsv; "
                     "CNCL has no public header)", "torch_mlu/csrc/")
    universe_names = {s["name"] for s in universe.cuda.symbols["cuda_runtime"]}
    roles, dropped = role_pairs(ROLE_PAIRS, universe_names,
                                lambda n: n if n in cnrt else None, "torch_mlu's CNRT calls")
    for cuda, target, why in dropped:
        print(f"cambricon: dropped pair {cuda} -> {target}: {why}", file=log)

    def remarks(sym, best):
        parts = []
        declared = header.describe(best.target, sym["kind"])
        if declared:
            parts.append(declared)
        if sym["name"].endswith("Async") and "Async" not in best.target:
            parts.append(f"{best.target} is a synchronous call, not ordered on a queue")
        return parts

    def fallback(sym, unresolved):
        name = sym["name"]
        if name in roles:
            target, facts, _ = roles[name]
            parts = ["role correspondence; torch_mlu calls " + target,
                     header.describe(target, "function")]
            return entry(name, "mapped", tm["id"], "inferred", target=target,
                         note=join_note(parts + ([facts] if facts else [])))
        if name.startswith("nccl") and "cncl" + name[4:] in cncl:
            return entry(name, "mapped", tm["id"], "inferred", target="cncl" + name[4:],
                         note=join_note([f"name correspondence nccl*->cncl*: torch_mlu calls "
                                         f"cncl{name[4:]}; CNCL has no public header, so the "
                                         "arguments were not compared"]))
        if unresolved or sym["kind"] != "function" or not name.startswith("cuda"):
            return None
        guess = "cnrt" + name[4:]
        hints = []
        if guess in header.functions:
            hints.append(f"cnrt.h 6.14.1 declares {guess} (same name after the prefix; not "
                         "verified as equivalent)")
        if name in HEADER_ONLY and HEADER_ONLY[name] in header.functions:
            hints.append(f"cnrt.h 6.14.1 declares {HEADER_ONLY[name]}, its role counterpart; the "
                         "header copy's repository could not be resolved, so no answer rests on it")
        if hints:
            return entry(name, "unknown", table.records["DIPU"]["id"], "third-party",
                         note=join_note(["no public source pairs this symbol with a CNRT API"]
                                        + hints))
        return None

    out = {}
    for stem, words in (("cuda_runtime", "a CNRT API"), ("nccl", "a CNCL API")):
        entries = pair_entries(
            table, universe.cuda.symbols[stem], invalid_targets={"cnclInvalid"},
            mapped_remarks=remarks, alt_remark=cnrt5_remark, fallback=fallback,
            unknown_scope=lambda s: s["kind"] == "function" and s["library"] in ("cudart",
                                                                                "nccl"),
            unknown_words=words)
        sources = list(table.records.values()) + [tm]
        snap = "; ".join(f"{r['repository'][19:]} {r['commit']}, {r['date']}" for r in sources)
        hdr = generated_header(SCRIPT, ["cambricon/cuda_to_cnrt_pairs.tsv",
                                        "cambricon/cnrt_api_names.txt",
                                        "cambricon/cnrt_error_codes.tsv",
                                        "cambricon/cambricon_api_names.tsv"],
                               snap + "; cnrt.h 6.14.1")
        out[f"cambricon/{stem}.yaml"] = (hdr, coverage_doc(PLATFORM, sources, entries))
    return out
