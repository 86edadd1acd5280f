"""Ascend, Cambricon and Enflame role maps for cuBLAS, cuBLASLt and cuDNN.

No upstream table maps these libraries to the vendors' operator libraries, so the roles below
are written here, once, by what each CUDA call does: create a handle, bind a stream, describe a
tensor, run a GEMM (plain, strided-batched, pointer-array batched), convolve, normalise, apply
softmax, an activation, pooling, attention. Every target must be declared or used in the
snapshot, or the pair is dropped and printed:

  * Ascend: ascend/cann-api/acl_runtime_api.tsv (GE's ops/acl_cblas.h: aclblas*, aclTransType,
    aclComputeType; acl_base_rt.h: aclDataType, aclFormat) and ascend/cann-ops/aclnn_api.tsv
    (the aclnn operator APIs of ops-nn, ops-math, ops-cv, ops-transformer)
  * Cambricon: cambricon/cnnl_api_names.txt and the cnnl names of cambricon_api_names.tsv (CNNL
    names declared in cnnl_core.h or called by torch_mlu, DIOPI impl/camb, mlu-ops; no public
    cnnl.h exists)
  * Enflame: enflame/topsaten_names.txt (TopsATen names called in public code) and the TopsOp
    names of enflame_other_api_names.tsv (DIOPI impl/topsrider); no public header exists

Status: `mapped` where the call has the same role and shape of arguments; `partial` where the
argument, layout or workspace conventions differ (the note says how), including roles that
have no object of their own on the platform (an aclnn call takes no library handle).
Confidence `inferred` throughout: the role is a correspondence, the target's existence is
checked. Writes opdb/<platform>/cublas.yaml and cudnn.yaml (cuDNN, and the cudnn_frontend names
the CUDA scanner reports).
"""

import re
import sys

from cambricon_pairs import CNRT_HEADER
from common import coverage_doc, entry, generated_header, join_note, read_text, read_tsv, record
from library_role_table import (BANG_BUILTINS, BANG_NOTE, ENFLAME_NO_OBJECT, FRONTEND_NAMES, LANGUAGE_NAMES, RUNTIME_NAMES,
                                VECTOR_NOTE, VECTOR_TYPES, KERNEL_LANGUAGES, KERNEL_NOTES, KERNEL_ROLES,
                                ROLES, RULES, TOPS_HEADER_ABSENT, TOPS_HEADER_FACTS, CUB_NAMES)

SCRIPT = "library_roles.py"
PLATFORMS = ("ascend", "cambricon", "enflame")


class AscendNames:
    """Declared ACL names (runtime/GE headers) and aclnn APIs, with the record citing each."""

    def __init__(self, up):
        md = up / "ascend" / "SOURCES.md"
        self.decl = {}
        for r in read_tsv(up / "ascend" / "cann-api" / "acl_runtime_api.tsv"):
            self.decl.setdefault(r["name"], r)
        self.aclnn = {}
        for r in read_tsv(up / "ascend" / "cann-ops" / "aclnn_api.tsv"):
            if r["in_header"] == "Y" or r["in_doc"] == "Y":
                self.aclnn.setdefault(r["op_name"], r)
        keys = {"hicann/ops-nn": "NN", "hicann/ops-math": "MATH", "hicann/ops-cv": "CV",
                "cannmirror/ops-transformer": "TRF"}
        self.repo_key = keys
        self.records = {}
        for repo, key in keys.items():
            self.records[key] = record(md, key, "cann-" + repo.split("/")[1], f"CANN {repo} aclnn "
                                       "operator APIs (headers, per-op docs) and op list "
                                       "(shared/upstream/ascend/cann-ops/aclnn_api.tsv)", "")
        self.records["GE"] = record(md, "GE", "cann-ge", "CANN GE headers inc/external/acl/*.h: "
                                    "ops/acl_cblas.h (shared/upstream/ascend/cann-api/"
                                    "acl_runtime_api.tsv)", "inc/external/acl/ops/acl_cblas.h")
        self.records["RT"] = record(md, "RT", "cann-runtime", "CANN runtime (ACL) headers "
                                    "include/external/acl/*.h (shared/upstream/ascend/cann-api/"
                                    "acl_runtime_api.tsv)", "include/external/acl/acl_base_rt.h")
        self.paths = {k: set() for k in self.records}

    def evidence(self, name):
        """(record key, words) or None."""
        if name in self.aclnn:
            r = self.aclnn[name]
            key = self.repo_key.get(r["repo"])
            path = r["header_path"] or r["doc_path"]
            self.paths[key].add(path)
            return key, f"declared by {r['repo']}: {name}GetWorkspaceSize and {name} ({path})"
        if name in self.decl:
            r = self.decl[name]
            key = "GE" if r["repo"] == "hicann/ge" else "RT"
            return key, f"declared in {r['header']}"
        return None

    def default(self):
        return "NN"


class CambriconNames:
    """CNNL names the snapshot holds, with where they were seen."""

    SEEN = [("torch_mlu", "TM24"), ("DIOPI", "DIOPI"), ("mlu-ops", "MLUOPS"),
            ("cnnl_core.h", "CNNLEX")]
    TITLES = {"TM24": "Cambricon torch_mlu r2.4_develop: the CNNL names and BANG C builtins its "
                      "sources call",
              "DIOPI": "DeepLink DIOPI impl/camb: the CNNL names its Cambricon kernels call",
              "MLUOPS": "Cambricon mlu-ops: the CNNL names its kernels call, and its op list of "
                        "BANG C source operators",
              "CNNLEX": "Cambricon cnnl-example include/cnnl_core.h (official, 2021)"}

    def __init__(self, up):
        md = up / "cambricon" / "SOURCES.md"
        self.seen = {}
        for line in read_text(up / "cambricon" / "cnnl_api_names.txt").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                name, where = line.split("\t", 1)
                self.seen[name.strip()] = where.strip()
        for r in read_tsv(up / "cambricon" / "cambricon_api_names.tsv"):
            if r["library"] in ("cnnl", "bang_intrinsic") and r["origin_guess"] == "vendor_api":
                self.seen.setdefault(r["name"], "torch_mlu(r2.4_develop)")
        self.records = {k: record(md, k, k.lower(), t + " (shared/upstream/cambricon/"
                                  "cnnl_api_names.txt; no public cnnl.h exists)", "")
                        for k, t in self.TITLES.items()}
        self.records["CNRT"] = dict(CNRT_HEADER)
        self.paths = {k: set() for k in self.records}
        self.cnrt = {line.split("\t")[1].strip() for line in
                     read_text(up / "cambricon" / "cnrt_api_names.txt").splitlines()
                     if line and not line.startswith("#") and "\t" in line}

    def evidence(self, name):
        if name in self.cnrt:
            return "CNRT", f"{name} is declared in cnrt.h 6.14.1"
        where = self.seen.get(name)
        if where is None:
            return None
        key = next(k for word, k in self.SEEN if word in where)
        if name.startswith("__bang_"):
            return key, f"{name} is called in {where}'s BANG C kernels (arguments not compared)"
        return key, f"{name} is seen in {where} (no public cnnl.h; arguments not compared)"

    def default(self):
        return "TM24"


class EnflameNames:
    """TopsATen names called in public code and DIOPI's TopsOp names."""

    REPOS = [("sunnygui-L/torch-gcu", "TGCU"), ("EnflameTechnology/vllm-gcu", "VLLM"),
             ("EnflameTechnology/Ubridge", "UBR")]

    def __init__(self, up):
        md = up / "enflame" / "SOURCES.md"
        self.seen = {}
        for line in read_text(up / "enflame" / "topsaten_names.txt").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 6 or not cols[5].startswith("vendor_api"):
                continue
            key = next((k for repo, k in self.REPOS if repo in cols[4]), None)
            if key:
                self.seen[cols[0]] = (key, f"{cols[0]} is called in {cols[4]} (no public "
                                      "TopsATen header; arguments not compared)")
        for r in read_tsv(up / "enflame" / "enflame_other_api_names.tsv"):
            if r["family"] == "topsop_diopi_impl":
                self.seen.setdefault(r["name"], ("DIOPI", f"{r['name']} is the TopsOp kernel "
                                                 "DIOPI impl/topsrider calls (no public header; "
                                                 "arguments not compared)"))
        titles = {"TGCU": "torch_gcu v2.10.0 (public copy): TopsATen names it calls, and its user "
                          "guide (custom topscc kernels)",
                  "VLLM": "Enflame vllm-gcu: TopsATen/topsvllm names it calls",
                  "UBR": "Enflame Ubridge: TopsATen names it calls",
                  "DIOPI": "DeepLink DIOPI impl/topsrider: the TopsOp kernels it calls"}
        self.records = {k: record(md, k, k.lower() + "-ops", t + " (shared/upstream/enflame/"
                                  "topsaten_names.txt, enflame_other_api_names.tsv)", "")
                        for k, t in titles.items()}
        self.records["HDR"] = record(md, "HDR", "tops-headers", "Enflame official TOPS runtime "
                                     "headers (tops-codec-headers): declared functions, types and "
                                     "enumerators (shared/upstream/enflame/tops_runtime_*.tsv)",
                                     "include/tops/")
        self.paths = {k: set() for k in self.records}
        # The launch API the header facts speak of must be in the snapshot's declarations.
        self.launch_api = {r["function"] for r in read_tsv(up / "enflame" /
                                                             "tops_runtime_api_functions.tsv")}

    def evidence(self, name):
        if name in TOPS_HEADER_FACTS and "topsConfigureCall" in self.launch_api:
            header, line, what = TOPS_HEADER_FACTS[name]
            self.paths["HDR"].add(f"include/tops/{header}")
            return "HDR", f"the official TOPS header {header} (line {line}) declares {what}"
        return self.seen.get(name)

    def default(self):
        return "VLLM"


def role_of(name):
    for pattern, role in RULES:
        if pattern.fullmatch(name):
            return role
    return None


def kernel_entries(platform, evidence, dropped):
    """`cuda-kernel` (rewrite in the kernel language) and `cuda-kernel:<computation>` (the
    operator that computes it) for one platform. The names are no identifiers, so no scanner
    reports them as findings."""
    language, note, key, path = KERNEL_LANGUAGES[platform]
    evidence.paths[key].update(path.split("; "))
    out = [{"symbol": "cuda-kernel", "status": "missing", "target": language,
            "source": evidence.records[key]["id"], "confidence": "inferred", "note": join_note(
                [note, "opscope sizes each kernel and classes the effort from its lines and "
                 "hazards"]), "kind": "kernel", "library": "user"}]
    for what, targets in sorted(KERNEL_ROLES.items()):
        target = targets.get(platform)
        if target is None:
            continue
        ev = evidence.evidence(target)
        if ev is None:
            dropped.add((platform, "kernel " + what, target))
            continue
        k, words = ev
        parts = [_op_sentence(what, target), words, KERNEL_NOTES.get(what, {}).get(platform),
                 "check what the kernel fuses beyond it, its layouts and data types"]
        out.append({"symbol": f"cuda-kernel:{what}", "status": "partial", "target": target,
                    "source": evidence.records[k]["id"], "confidence": "inferred",
                    "note": join_note(parts), "kind": "kernel", "library": "user"})
    return out


def language_entries(universe, evidence):
    """CUDA names that are plain C/C++ (vector types, predefined identifiers): answered from the
    CUDA headers themselves, the same on every platform."""
    rec = universe.cuda.header_record("cuda_runtime")
    evidence.records["CUDA"] = rec
    evidence.paths["CUDA"] = set()
    out = []
    for sym in universe.cuda.symbols["cuda_runtime"]:
        if VECTOR_TYPES.fullmatch(sym["name"]):
            out.append(entry(sym["name"], "emulated", rec["id"], "inferred",
                             note=join_note([VECTOR_NOTE])))
    for sym in universe.cuda.symbols["cuda_device"]:
        if sym["name"] in LANGUAGE_NAMES:
            out.append(entry(sym["name"], "native", rec["id"], "inferred",
                             note=join_note([LANGUAGE_NAMES[sym["name"]]])))
    return out


def _op_sentence(what, target):
    return (f"a kernel whose name says it computes {what} can call {target}, which computes "
            f"{what} as a library operator")


def outputs(universe, log=sys.stderr):
    up = universe.upstream
    names = {"ascend": AscendNames(up), "cambricon": CambriconNames(up),
             "enflame": EnflameNames(up)}
    runtime = [s for s in universe.cuda.symbols["cuda_runtime"] + universe.cuda.symbols["cuda_device"]
               if RUNTIME_NAMES.fullmatch(s["name"])]
    symbols = {"cublas": list(universe.cuda.symbols["cublas"]) + runtime,
               "cudnn": list(universe.cuda.symbols["cudnn"]),
               "cub": [{"name": n, "kind": k, "library": "cub", "role": role}
                       for n, k, role in CUB_NAMES]}
    known = {s["name"] for s in symbols["cudnn"]}
    for name, kind, role in FRONTEND_NAMES:
        if name not in known:
            symbols["cudnn"].append({"name": name, "kind": kind, "library": "cudnn",
                                     "role": role})
    dropped = set()
    made = {}
    for platform in PLATFORMS:
        evidence = names[platform]
        for stem, syms in symbols.items():
            entries = []
            for sym in syms:
                role = sym.get("role") or role_of(sym["name"])
                spec = ROLES.get(role, {}).get(platform) if role else None
                if spec is None and platform == "enflame" and role:
                    # No object of this kind on Ascend means none on Enflame either: TopsATen
                    # operators, like aclnn ones, take tensors and the stream.
                    ascend = ROLES.get(role, {}).get("ascend")
                    if ascend and ascend[1] is None:
                        spec = ("partial", None, ENFLAME_NO_OBJECT)
                if spec is None:
                    continue
                status, target, note = spec
                if target:
                    ev = evidence.evidence(target)
                    if ev is None:
                        dropped.add((platform, role, target))
                        continue
                    key, words = ev
                    parts = [f"role correspondence ({role}); {words}"]
                elif status == "missing" and platform == "enflame" and role in TOPS_HEADER_ABSENT:
                    key = "HDR"
                    evidence.paths[key].add("include/tops/")
                    parts = [f"role ({role}): no counterpart"]
                else:
                    key = evidence.default()
                    parts = [f"role correspondence ({role}); no object of this kind on the "
                             "platform"]
                e = entry(sym["name"], status, evidence.records[key]["id"], "inferred",
                          target=target, note=join_note(parts + ([note] if note else [])))
                if "role" in sym:  # outside the universe: the entry names its kind and library
                    e["kind"], e["library"] = sym["kind"], sym["library"]
                entries.append(e)
            if entries:
                made[(platform, stem)] = entries
        made[(platform, "kernels")] = kernel_entries(platform, evidence, dropped) + \
            language_entries(universe, evidence)
    bang = []
    for sym in universe.cuda.symbols["cuda_device"]:
        target = BANG_BUILTINS.get(sym["name"])
        ev = names["cambricon"].evidence(target) if target else None
        if ev:
            bang.append(entry(sym["name"], "partial", names["cambricon"].records[ev[0]]["id"],
                              "inferred", target=target, note=join_note([ev[1], BANG_NOTE])))
        elif target:
            dropped.add(("cambricon", "BANG builtin", target))
    if bang:
        made[("cambricon", "cuda_device")] = bang
    out = {}
    files = {"ascend": ["ascend/cann-api/acl_runtime_api.tsv", "ascend/cann-ops/aclnn_api.tsv"],
             "cambricon": ["cambricon/cnnl_api_names.txt", "cambricon/cambricon_api_names.tsv"],
             "enflame": ["enflame/topsaten_names.txt", "enflame/enflame_other_api_names.tsv"]}
    for (platform, stem), entries in made.items():
        evidence = names[platform]
        for key, rec in evidence.records.items():
            rec["path"] = "; ".join(sorted(evidence.paths[key]))[:800] or rec["path"] or \
                "(whole repository)"
        recs = list(evidence.records.values())
        used = {e["source"] for e in entries}
        snap = "; ".join(f"{r['repository'][19:]} {r['commit']}, {r['date']}" if "repository" in r
                         else f"{r['url']}, read {r['date']}" for r in recs if r["id"] in used)
        hdr = generated_header(SCRIPT, files[platform] + (["cuda/api_names.tsv"] if any(
            e["source"] == evidence.records.get("CUDA", {}).get("id") for e in entries) else []), snap)
        out[f"{platform}/{stem}.yaml"] = (hdr, coverage_doc(platform, recs, entries))
    hip = dict(universe.hipify, title="HIPIFY: CUDA kernels and their device code translate to "
               "HIP, which Hygon DCU's DTK compiles (shared/upstream/hipify/cuda2hip.tsv)")
    out["dcu/kernels.yaml"] = (
        generated_header(SCRIPT, ["hipify/cuda2hip.tsv"], f"ROCm/HIPIFY {hip['commit']}, "
                         f"{hip['date']}"),
        coverage_doc("dcu", [hip], [{
            "symbol": "cuda-kernel", "status": "mapped", "target": "HIP kernel",
            "source": hip["id"], "confidence": "inferred", "note": join_note([
                "hipify translates a CUDA kernel to a HIP kernel (the same __global__ syntax and "
                "launch), which DTK compiles; the device calls inside keep their own HIPIFY "
                "answers, listed with the kernel"]), "kind": "kernel", "library": "user"}]))
    for platform, role, target in sorted(dropped):
        print(f"{platform}: dropped role {role} -> {target}: not in the snapshot's names",
              file=log)
    return out
