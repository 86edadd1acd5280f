"""Cambricon MLU coverage of the CUDA runtime and of NCCL (CNRT, CNCL).

Reads cambricon/cuda_to_cnrt_pairs.tsv (DeepLink DIPU's and InfiniCore's CUDA and Cambricon
device and communicator layers, aligned by wrapper), cambricon/cnrt_api_names.txt and
cambricon/cnrt_error_codes.tsv (the functions and codes Cambricon's cnrt.h 6.14.1 declares),
cambricon/cambricon_api_names.tsv (CNCL names torch_mlu calls; CNCL has no public header)
and cambricon/SOURCES.md. Writes opdb/cambricon/cuda_runtime.yaml and cambricon/nccl.yaml.

  * a usable pair -> mapped, third-party (choice: opdb/importers/pairs.py; a candidate with the
    same name after the prefix wins, so ncclUint8 -> cnclUint8); a pair to cnclInvalid (DIPU's
    marker for an unsupported data type) -> missing
  * a pair that is a weaker approximation (a CNDev call, a synchronous call for an *Async name,
    a call without the flags the CUDA name takes) gives way to the counterpart cnrt.h declares
    -> mapped, inferred, the pair kept in the note
  * the counterpart cnrt.h 6.14.1 declares: the same name after the prefix (cuda* -> cnrt*),
    also after CNRT's own words for CUDA's nouns (Stream -> Queue, Event -> Notifier, Graph ->
    TaskTopo, GraphExec -> TaskTopoEntity, Launch -> Invoke, Malloc/Free -> MemAlloc/MemFree)
    -> mapped, inferred, cnrt.h cited (a Cambricon header: the copy's hosting repository could
    not be resolved, so the record cites Cambricon's developer site that distributes it)
  * ROLE_PAIRS, role correspondences whose target torch_mlu calls -> mapped, inferred
  * an nccl* name whose cncl* twin torch_mlu calls, and CNCL_ROLE_PAIRS -> mapped, inferred
  * other runtime and NCCL functions -> unknown, naming unresolved candidates
"""

import sys

from common import (coverage_doc, entry, generated_header, join_note, read_text, read_tsv, record,
                    require)
from library_role_table import VECTOR_TYPES
from pairs import PairTable, Project, pair_entries, role_pairs, vocabulary_twins

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
    "cudaError_t": ("cnrtRet_t", None),
    "dim3": ("cnrtDim3_t", "the x, y, z task dimensions of a BANG kernel launch (with a "
             "cnrtFunctionType_t: block or union task)"),
}
# CNRT's words for CUDA's nouns, applied in this order (a longer word first).
CNRT_VOCABULARY = [("GraphExec", "TaskTopoEntity"), ("Graph", "TaskTopo"), ("Stream", "Queue"),
                   ("Event", "Notifier"), ("Launch", "Invoke"), ("Malloc", "MemAlloc"),
                   ("Free", "MemFree")]
# NCCL name -> (CNCL name, facts). CNCL's own names for NCCL's roles; the target must be called
# by torch_mlu.
CNCL_ROLE_PAIRS = {
    "ncclCommCount": ("cnclGetCommCount", None),
    "ncclCommUserRank": ("cnclGetCommRank", None),
    "ncclGetErrorString": ("cnclGetErrorStr", None),
    "ncclGetVersion": ("cnclGetLibVersion", None),
}
# The cnrt.h copy the snapshot read: a Cambricon header distributed with CNToolkit.
CNRT_HEADER = {
    "id": "cnrt-h-6.14.1",
    "title": "Cambricon cnrt.h 6.14.1 (CNRT_MAJOR/MINOR/PATCH_VERSION 6/14/1, (C) 2023 "
             "Cambricon), distributed with Cambricon's CNToolkit; function names and cnrtRet_t "
             "values transcribed in shared/upstream/cambricon/cnrt_api_names.txt and "
             "cnrt_error_codes.tsv (the public copy read has no resolvable repository)",
    "url": "https://developer.cambricon.com/",
    "path": "include/cnrt.h",
    "date": "2026-11-22",
    "license": "MIT-style notice in the header",
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


def header_counterpart(name, header):
    """(cnrt name, substitutions) that cnrt.h 6.14.1 declares for a cuda* function, or None."""
    for target, subs in vocabulary_twins(name, "cuda", ["cnrt"], CNRT_VOCABULARY):
        if target in header.functions:
            return target, subs
    return None


def counterpart_note(target, subs):
    how = ("the same name after the prefix" if not subs else
           "the same name after the prefix in CNRT's words (" + ", ".join(subs) + ")")
    return f"cnrt.h 6.14.1 declares {target}, {how}; arguments not compared"


def weaker(sym, target, twin, header):
    """Why a third-party pair target is a weaker answer than the header's counterpart `twin`,
    or None."""
    name = sym["name"]
    if twin == target:
        return None
    if target not in header.functions and target not in header.codes:
        return f"{target} is not a CNRT function"
    if name.endswith("Async") and not target.endswith("Async"):
        return f"{target} is a synchronous call, not ordered on a queue"
    if twin.startswith(target):
        return f"{target} lacks what {twin[len(target):]} adds"
    return None


def outputs(universe, log=sys.stderr):
    up = universe.upstream
    md = up / "cambricon" / "SOURCES.md"
    table = PairTable(md, up / "cambricon" / "cuda_to_cnrt_pairs.tsv", PROJECTS, component_rank)
    header = CnrtHeader(up)
    cncl, cnrt = called_names(up, "cncl"), called_names(up, "cnrt")
    tm = record(md, "TM24", "torch-mlu", "Cambricon torch_mlu r2.4_develop: the CNRT and CNCL names "
                     "its C++ sources call (shared/upstream/cambricon/cambricon_api_names.tsv; "
                     "CNCL has no public header)", "torch_mlu/csrc/")
    universe_names = {s["name"] for s in universe.cuda.symbols["cuda_runtime"] +
                      universe.cuda.symbols["nccl"]}
    roles, dropped = role_pairs(ROLE_PAIRS, universe_names,
                                lambda n: n if n in cnrt else None, "torch_mlu's CNRT calls")
    more, dropped_more = role_pairs(CNCL_ROLE_PAIRS, universe_names,
                                    lambda n: n if n in cncl else None, "torch_mlu's CNCL calls")
    roles.update(more)
    for cuda, target, why in dropped + dropped_more:
        print(f"cambricon: dropped pair {cuda} -> {target}: {why}", file=log)

    def remarks(sym, best):
        parts = []
        declared = header.describe(best.target, sym["kind"])
        if declared:
            parts.append(declared)
        if sym["name"].endswith("Async") and "Async" not in best.target:
            parts.append(f"{best.target} is a synchronous call, not ordered on a queue")
        return parts

    def twin(name):
        if name.startswith("nccl"):
            return "cncl" + name[4:]
        found = header_counterpart(name, header) if name.startswith("cuda") else None
        return found[0] if found else None

    def prefer(sym, best, pair_parts):
        if sym["kind"] != "function" or not sym["name"].startswith("cuda"):
            return None
        found = header_counterpart(sym["name"], header)
        if not found:
            return None
        why = weaker(sym, best.target, found[0], header)
        if not why:
            return None
        return entry(sym["name"], "mapped", CNRT_HEADER["id"], "inferred", target=found[0],
                     note=join_note([counterpart_note(*found),
                                     "preferred to a third-party pair: " + pair_parts[0], why]))

    def fallback(sym, unresolved):
        name = sym["name"]
        if name in roles:
            target, facts, _ = roles[name]
            what = "CNCL" if name.startswith("nccl") else "CNRT"
            verb = "calls" if sym["kind"] == "function" else "uses"
            parts = [f"role correspondence; torch_mlu {verb} {target}"]
            if what == "CNRT":
                parts.append(header.describe(target, sym["kind"]))
            else:
                parts.append("CNCL has no public header, so the arguments were not compared")
            return entry(name, "mapped", tm["id"], "inferred", target=target,
                         note=join_note(parts + ([facts] if facts else [])))
        if name.startswith("nccl") and "cncl" + name[4:] in cncl:
            return entry(name, "mapped", tm["id"], "inferred", target="cncl" + name[4:],
                         note=join_note([f"name correspondence nccl*->cncl*: torch_mlu calls "
                                         f"cncl{name[4:]}; CNCL has no public header, so the "
                                         "arguments were not compared"]))
        if sym["kind"] != "function" or not name.startswith("cuda"):
            return None
        found = header_counterpart(name, header)
        if found:
            return entry(name, "mapped", CNRT_HEADER["id"], "inferred", target=found[0],
                         note=join_note([counterpart_note(*found)] +
                                        table.unresolved_notes(unresolved)))
        return None

    out = {}
    for stem, words in (("cuda_runtime", "a CNRT API"), ("nccl", "a CNCL API")):
        entries = pair_entries(
            table, universe.cuda.symbols[stem], invalid_targets={"cnclInvalid"},
            mapped_remarks=remarks, alt_remark=cnrt5_remark, fallback=fallback,
            unknown_scope=lambda s: s["kind"] == "function" and s["library"] in (
                "cudart", "nccl") and not VECTOR_TYPES.fullmatch(s["name"]),  # library_roles.py
            unknown_words=words, twin=twin, prefer=prefer)
        sources = list(table.records.values()) + [tm, CNRT_HEADER]
        snap = "; ".join(f"{r['repository'][19:]} {r['commit']}, {r['date']}" for r in sources
                         if "repository" in r)
        hdr = generated_header(SCRIPT, ["cambricon/cuda_to_cnrt_pairs.tsv",
                                        "cambricon/cnrt_api_names.txt",
                                        "cambricon/cnrt_error_codes.tsv",
                                        "cambricon/cambricon_api_names.tsv"],
                               snap + "; cnrt.h 6.14.1")
        out[f"cambricon/{stem}.yaml"] = (hdr, coverage_doc(PLATFORM, sources, entries))
    return out
