"""Hygon DCU coverage of the CUDA universe from HIPIFY's CUDA->HIP table, and of NCCL from RCCL.

Reads hipify/cuda2hip.tsv (through the CUDA universe), dcu/rccl_nccl_api_functions.tsv,
dcu/SOURCES.md and pytorch/hipify_torch_cuda_to_hip_mappings.tsv (its <nccl.h> row). Writes
opdb/dcu/<stem>.yaml for every CUDA stem, one entry for every CUDA symbol (HIPIFY is the table
for the whole CUDA surface, so "no row" is itself an answer: unknown).

Hygon DCU's DTK is HIP-compatible, so HIPIFY's answers hold for it; confidence `derived`:
  * UNSUPPORTED, or HIP_UNSUPPORTED with no supported roc* name   -> missing
  * HIP_EXPERIMENTAL                                               -> partial
  * a supported HIP name (native if it is the CUDA name)           -> mapped / native
  * HIP unsupported but a supported roc*/MIOpen name               -> mapped to the roc* name
  * cuDNN: MIOpen (the roc column) is the target; hipDNN is gone from HIPIFY
  * no HIPIFY row                                                  -> unknown
Library targets are the hipBLAS/hipFFT/hipRAND/hipSPARSE/hipSOLVER names; the roc* name is in
the note. NCCL host functions: RCCL's nccl.h (native when declared there, missing otherwise);
NCCL's device API (nccl_device.h) is not in RCCL: missing.
"""

import re
from pathlib import Path

from common import coverage_doc, entry, generated_header, join_note, read_text, read_tsv, require
from cuda_symbols import FILES, hipify_library
from dcu_headers import header_entries
from dcu_hip_level import HipHeaders, at_level, extra_names, same_spelled, vkey

SCRIPT = "dcu_hipify.py"
PROJECT = Path(__file__).resolve().parent.parent.parent
# Libraries whose whole HIP counterpart is in the HIP headers read (hip/declarations.tsv): a name
# of theirs the headers lack is absent from that HIP. Library counterparts (hipBLAS, hipFFT, ...)
# were not read, so absence says nothing there.
HIP_CORE_LIBRARIES = {"cudart", "cuda_driver", "device_intrinsics", "wmma", "cuda_fp16",
                      "cuda_bf16", "cuda_fp8", "cuda_fp6", "cuda_fp4"}
PLATFORM = "dcu"

ROC_LIBRARY = {"API_BLAS": "rocBLAS", "API_SPARSE": "rocSPARSE", "API_SOLVER": "rocSOLVER",
               "API_RAND": "rocRAND", "API_DNN": "MIOpen", "API_FFT": "rocFFT",
               "API_TENSOR": "hipTensor", "API_CUB": "rocPRIM", "API_COMPLEX": "rocm"}
HIP_LIBRARY = {"API_BLAS": "hipBLAS", "API_SPARSE": "hipSPARSE", "API_SOLVER": "hipSOLVER",
               "API_RAND": "hipRAND", "API_FFT": "hipFFT", "API_TENSOR": "hipTensor",
               "API_CUB": "hipCUB", "API_RTC": "hipRTC"}


def _flags(row):
    return set(row["support_flags"].split("|"))


def _version_notes(row, hip):
    flags, notes = _flags(row), []
    if "HIP_SUPPORTED_V2_ONLY" in flags:
        notes.append("HIPIFY converts only the cuBLAS v2 form of this name")
    if flags & {"CUDA_DEPRECATED", "DEPRECATED"} or row["cuda_deprecated"]:
        v = row["cuda_deprecated"]
        notes.append("CUDA deprecated it" + (f" in {v}" if v else ""))
    if flags & {"CUDA_REMOVED", "REMOVED"} or row["cuda_removed"]:
        v = row["cuda_removed"]
        notes.append("CUDA removed it" + (f" in {v}" if v else ""))
    if hip and (flags & {"HIP_DEPRECATED", "DEPRECATED"} or row["hip_deprecated"]):
        v = row["hip_deprecated"]
        notes.append(f"HIP deprecated {hip}" + (f" in {v}" if v else ""))
    if hip and (flags & {"HIP_REMOVED", "REMOVED"} or row["hip_removed"]):
        v = row["hip_removed"]
        notes.append(f"HIP removed {hip}" + (f" in {v}" if v else ""))
    return notes


def hipify_answer(sym, row):
    """(status, target, note sentences) for one CUDA symbol and its HIPIFY row."""
    if row is None:
        return "unknown", None, ["HIPIFY (CUDA up to 12.9, HIP up to 7.0) has no row for this "
                                 "name"]
    flags, api = _flags(row), row["api_type"]
    hip, roc = row["hip_name"], row["roc_name"]
    hip_ok = bool(hip) and not flags & {"HIP_UNSUPPORTED", "UNSUPPORTED"}
    roc_ok = bool(roc) and not flags & {"ROC_UNSUPPORTED", "UNSUPPORTED"}
    roc_lib = ROC_LIBRARY.get(api, "ROCm")
    notes = []
    if api == "API_DNN":
        if roc_ok:
            status, target = "mapped", roc
            notes.append("MIOpen equivalent per HIPIFY's cuDNN table")
            if row["roc_added"]:
                notes.append(f"{roc} is in MIOpen since {row['roc_added']}")
        else:
            status, target = "missing", None
            notes.append("HIPIFY marks this unsupported by MIOpen (hipDNN is no longer a "
                         "HIPIFY target)")
        return status, target, notes + _version_notes(row, None)
    if hip_ok:
        target = hip
        if "HIP_EXPERIMENTAL" in flags:
            status = "partial"
            since = row["hip_experimental"]
            notes.append(f"HIP marks {hip} experimental" + (f" since HIP {since}" if since
                                                            else ""))
        else:
            status = "native" if hip == sym["name"] else "mapped"
            lib = HIP_LIBRARY.get(api, "HIP")
            if row["hip_added"]:
                notes.append(f"{hip} is in {lib} since {row['hip_added']}")
        if roc and api in ROC_LIBRARY and api not in ("API_TENSOR", "API_COMPLEX"):
            notes.append(f"{roc_lib}: {roc}" if roc_ok else
                         f"HIPIFY names no supported {roc_lib} equivalent")
    elif roc_ok:
        status, target = "mapped", roc
        notes.append(f"HIPIFY marks the {HIP_LIBRARY.get(api, 'HIP')} name {hip or '(none)'} "
                     f"unsupported; {roc_lib} has {roc}")
    elif not hip and not roc:
        status, target = "unknown", None
        notes.append("HIPIFY has a row for this name but names no HIP equivalent")
    else:
        status, target = "missing", None
        notes.append("HIPIFY marks this unsupported in HIP" +
                     (f" and {roc_lib}" if roc else ""))
    return status, target, notes + _version_notes(row, hip if status != "missing" else None)


def rccl_record(upstream):
    """Provenance of dcu/rccl_nccl_api_functions.tsv: the newest RCCL header (file version)."""
    md = read_text(upstream / "dcu" / "SOURCES.md")
    import re
    m = re.search(r"`in_rccl_newest` \| ROCm/rocm-systems `projects/rccl/src/nccl\.h\.in`.*?"
                  r"file version `([0-9a-f]{40})`", md)
    require(m, "dcu/SOURCES.md: no file version for the newest RCCL nccl.h.in")
    m24 = re.search(r"`in_rccl_2024` \| ROCm/rccl `src/nccl\.h\.in`.*?`([0-9a-f]{40})`, branch "
                    r"develop, (\d{4}-\d{2}-\d{2})", md)
    require(m24, "dcu/SOURCES.md: no commit for RCCL 2024")
    return ({
        "id": f"rccl-{m.group(1)[:8]}",
        "title": "RCCL public API (ROCm/rocm-systems projects/rccl/src/nccl.h.in, newest file "
                 "version) compared with NCCL 2.21.5/2.28.9/2.30.7 "
                 "(shared/upstream/dcu/rccl_nccl_api_functions.tsv)",
        "repository": "https://github.com/ROCm/rocm-systems",
        "commit": m.group(1),
        "path": "projects/rccl/src/nccl.h.in",
        # dcu/SOURCES.md records no date for this file version; it is newer than the 2025-08-09
        # rocm-systems snapshot, and this is the day the snapshot was read.
        "date": "2026-11-22",
        "license": "BSD-3-Clause (NVIDIA) and MIT (AMD, Microsoft)",
    }, {
        "id": f"rccl-{m24.group(1)[:8]}",
        "title": "RCCL public API at the 2024 develop snapshot (NCCL 2.21.5 base) "
                 "(shared/upstream/dcu/rccl_nccl_api_functions.tsv, column in_rccl_2024)",
        "repository": "https://github.com/ROCm/rccl",
        "commit": m24.group(1),
        "path": "src/nccl.h.in",
        "date": m24.group(2),
        "license": "BSD-3-Clause (NVIDIA) and MIT (AMD, Microsoft)",
    })


def nccl_entries(symbols, upstream, torch_hipify):
    rows = {r["name"]: r for r in read_tsv(upstream / "dcu" / "rccl_nccl_api_functions.tsv")}
    require(rows, "dcu/rccl_nccl_api_functions.tsv is empty")
    newest, r2024 = rccl_record(upstream)
    entries = []
    for sym in symbols:
        name = sym["name"]
        if sym["library"] == "nccl_device":
            entries.append(entry(name, "missing", newest["id"], "derived", note=join_note([
                "NCCL's device-side API (nccl_device.h) is not declared in RCCL's nccl.h.in"])))
            continue
        if sym["kind"] != "function":
            entries.append(entry(name, "native", torch_hipify["id"], "inferred", note=join_note([
                "PyTorch's hipify maps <nccl.h> to <rccl/rccl.h> and renames no nccl* name, and "
                "RCCL's nccl.h.in declares NCCL's API names at the NCCL 2.28 level",
                "this type or constant itself was not checked against RCCL's header"])))
            continue
        row = rows.get(name)
        if name.startswith("pnccl"):
            entries.append(entry(name, "unknown", newest["id"], "derived", note=join_note([
                "NCCL's profiling alias; the RCCL comparison leaves the pnccl* names out"])))
        elif row is None:
            entries.append(entry(name, "unknown", newest["id"], "derived", note=join_note([
                "not among the functions compared in dcu/rccl_nccl_api_functions.tsv"])))
        elif row["in_rccl_newest"] == "yes":
            parts = ["declared in RCCL's nccl.h.in under the same name"]
            src = newest["id"]
            if row["in_rccl_2024"] == "yes":
                src = r2024["id"]
                parts = ["declared in RCCL's nccl.h.in under the same name (already in the 2024 "
                         "RCCL, NCCL 2.21.5 base)"]
            else:
                parts.append("only in the newest RCCL (not in the 2024 RCCL): check the RCCL "
                             "version DTK ships")
            if row["note"]:
                parts.append(row["note"])
            entries.append(entry(name, "native", src, "derived", note=join_note(parts)))
        else:
            entries.append(entry(name, "missing", newest["id"], "derived", note=join_note(
                ["NCCL declares it but RCCL's newest nccl.h.in does not"] +
                ([row["note"]] if row["note"] else []))))
    return entries, [newest, r2024, torch_hipify]


TORCH_IDENTIFIER_MAPS = ("CUDA_IDENTIFIER_MAP", "CUDA_TYPE_NAME_MAP")


def torch_renames(upstream):
    """{CUDA name: HIP name} of PyTorch's hipify (hipify_torch) identifier and type maps,
    supported rows only."""
    out = {}
    for r in read_tsv(upstream / "pytorch" / "hipify_torch_cuda_to_hip_mappings.tsv"):
        if r["map"] in TORCH_IDENTIFIER_MAPS and r["hip_name"] and not r["unsupported"]:
            out.setdefault(r["cuda_name"], r["hip_name"])
    return out


def _leveled_entry(sym, row, record, headers, fallback=None):
    """One CUDA symbol's DCU entry: HIPIFY's answer at the default HIP level; where HIPIFY names
    no HIP equivalent, the HIP headers' same-spelled declaration, else PyTorch's hipify rename
    (fallback: (record, {cuda: hip})), else, for the HIP runtime and device names, the headers'
    verified absence at HIP 5.2."""
    status, target, notes = hipify_answer(sym, row)
    source, sdk = record["id"], None
    if status == "unknown":
        same = same_spelled(sym, headers)
        torch_record, renames = fallback or (None, {})
        if same:
            status, target, notes = same
            source = headers.record["id"]
        elif sym["name"] in renames:
            status, target = "mapped", renames[sym["name"]]
            notes = [f"PyTorch's hipify (hipify_torch) renames it to {target}; HIPIFY has no HIP "
                     "name for it"]
            source = torch_record["id"]
        elif sym["library"] in HIP_CORE_LIBRARIES:
            status, target = "missing", None
            notes = [f"the HIP {headers.version} headers (hip/hip_runtime.h and what it includes, "
                     f"Clang's HIP wrappers) declare no {sym['name']}, and HIPIFY names no HIP "
                     "equivalent; a newer HIP may add one"]
            source = headers.record["id"]
    else:
        status, target, notes, sdk = at_level(sym, row, status, target, notes, headers,
                                              row["api_type"] if row else "")
    e = entry(sym["name"], status, source, "derived", target=target, note=join_note(notes))
    if sdk:
        e["constraints"] = {"sdk": sdk}
    return e


def _row_kind(row):
    library = hipify_library(row) or ""
    name = row["cuda_name"]
    if row["kind"] == "function":
        return ("intrinsic" if library == "device_intrinsics" else "function"), library
    if re.fullmatch(r"[A-Z0-9_]+", name):
        return "enum_value", library
    return "type", library


def hipify_row_entries(universe, record, headers, known):
    """Entries for the HIPIFY rows with a HIP or ROC name whose CUDA name the CUDA universe does
    not hold (versioned driver entry points such as cuMemGetAddressRange_v2, the math constants
    CUDART_*, legacy cuDNN descriptor structs, Caffe2's helpers): each carries its own kind and
    library, taken from HIPIFY's map."""
    out, seen = [], set()
    for row in universe.cuda.hipify_rows:
        name = row["cuda_name"]
        if not (row["hip_name"] or row["roc_name"]) or name in known or name in seen:
            continue
        seen.add(name)
        kind, library = _row_kind(row)
        library = library or ("caffe2" if "CAFFE2" in row["map"] else "cub")
        sym = {"name": name, "kind": kind, "library": library}
        e = _leveled_entry(sym, row, record, headers)
        e["kind"], e["library"] = kind, library
        e["category"] = f"hipify-only/{library}"
        out.append(e)
    out.sort(key=lambda e: e["symbol"])
    return out


# HIPIFY maps the CUDA samples' own helper headers too; they are project files whose
# definitions the code needs (checkCudaErrors, operator+ on float3), not toolkit headers.
SAMPLE_HELPERS = {"helper_cuda.h", "helper_math.h"}
# rules/cuda/dcu.yaml leaves cuDNN code to be ported to MIOpen by hand (other arguments), so its
# header stays too: HIPIFY's hipDNN.h is gone and miopen/miopen.h alone would not build it.
CUDNN_HEADERS = {"cudnn.h"}


# Libraries the CUDA 13.0 inventory does not list (they ship in wheels of their own), whose names
# opscope's shims declare (analyzer/cuda/shims/core): (library as findings name it, shim, prefixes).
SHIM_ONLY_LIBRARIES = [
    ("nvvm", "nvvm.h", ("nvvm", "NVVM_")),
    ("nvjpeg", "nvjpeg.h", ("nvjpeg", "NVJPEG")),
    ("nvjitlink", "nvjitlink.h", ("nvJitLink", "NVJITLINK_")),
]
SHIM_ONLY_ROLES = {
    "nvvm": "libNVVM (NVVM IR to PTX, NVIDIA's compiler library)",
    "nvjpeg": "nvJPEG (GPU JPEG decoding and encoding) at this level",
    "nvjitlink": "nvJitLink (linking PTX and cubin at run time)",
}


def shim_names(text, prefixes):
    """{name: kind} for the names a shim header declares with one of `prefixes`: functions
    (followed by '('), types (the name a typedef ends with), enum values (NAME = ...), macros."""
    body = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    pre = "|".join(re.escape(p) for p in prefixes)
    out = {}
    for m in re.finditer(rf"#define\s+((?:{pre})\w*)", body):
        out[m.group(1)] = "macro"
    for m in re.finditer(rf"\b((?:{pre})\w*)\s*=", body):
        out.setdefault(m.group(1), "enum_value")
    for m in re.finditer(rf"(?:\}}|typedef\b[^;{{}}]*?)\s*\b((?:{pre})\w*)\s*;", body):
        out.setdefault(m.group(1), "type")
    for m in re.finditer(rf"\b((?:{pre})\w*)\s*\(", body):
        out.setdefault(m.group(1), "function")
    return out


def include_rules(universe, torch_hipify):
    """rules/cuda/dcu_includes.yaml: the rewrite's header table for DCU. PyTorch's hipify include
    map first (it has ROCm's current layout, hipsolver/hipsolver.h, and nccl.h and nvtx3, which
    HIPIFY lacks), then HIPIFY's whole include table (hipify/cuda2hip_includes.tsv; supported
    rows with a HIP header, else the ROC one), without SAMPLE_HELPERS and CUDNN_HEADERS.
    The hand-written rules/cuda/dcu.yaml is read first and wins where both name a header."""
    upstream = universe.upstream
    hip = dict(universe.cuda.hipify)
    hip["title"] = "HIPIFY include table (shared/upstream/hipify/cuda2hip_includes.tsv)"
    hip["path"] = "src/CUDA2HIP.cpp"
    headers, seen = [], set()

    def add(cuda, to, source):
        header_name = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./+-]*")
        if cuda in seen or not to or cuda in SAMPLE_HELPERS or \
                not (header_name.fullmatch(cuda) and header_name.fullmatch(to)):
            return   # also the hipify_torch rows that match whole `include "x.h"` lines
        seen.add(cuda)
        rid = "dcu-inc-" + re.sub(r"[^a-z0-9]+", "-", cuda.lower()).strip("-")
        headers.append({"id": rid, "from": cuda, "to": to, "source": source})

    for r in read_tsv(upstream / "pytorch" / "hipify_torch_cuda_to_hip_mappings.tsv"):
        if r["map"] == "CUDA_INCLUDE_MAP" and not r["unsupported"] and \
                not r["cuda_name"].startswith(("caffe2", "THC", "ATen", "c10")):
            add(r["cuda_name"].strip("<>\""), r["hip_name"].strip("<>\""), torch_hipify["id"])
    for r in read_tsv(upstream / "hipify" / "cuda2hip_includes.tsv"):
        flags = set(r["support_flags"].split("|"))
        if r["cuda_header"].startswith("caffe2/") or "UNSUPPORTED" in flags:
            continue
        if r["cuda_header"] in CUDNN_HEADERS:
            continue
        to = r["hip_header"] if "HIP_UNSUPPORTED" not in flags else ""
        add(r["cuda_header"], to or r["roc_header"], hip["id"])
    used = {h["source"] for h in headers}
    doc = {"opscope-rules": 1, "kind": "rewrites", "platform": PLATFORM,
           "sources": [x for x in (hip, torch_hipify) if x["id"] in used],
           "headers": sorted(headers, key=lambda h: h["from"])}
    header = generated_header(SCRIPT, ["hipify/cuda2hip_includes.tsv",
                                       "pytorch/hipify_torch_cuda_to_hip_mappings.tsv"],
                              f"ROCm/HIPIFY {hip['commit']}, {hip['date']}") + [
        "C/C++/CUDA rewrite rules for Hygon DCU (rules/README.md): header names, merged with "
        "rules/cuda/dcu.yaml (read first, wins)."]
    return {"../rules/cuda/dcu_includes.yaml": (header, doc)}


def outputs(universe, torch_hipify):
    """torch_hipify: the provenance record of ROCm/hipify_torch (its <nccl.h> mapping)."""
    cuda = universe.cuda
    hip = cuda.hipify
    headers = HipHeaders(universe.upstream)
    fallback = (torch_hipify, torch_renames(universe.upstream))
    header = generated_header(SCRIPT, ["hipify/cuda2hip.tsv", "dcu/rccl_nccl_api_functions.tsv",
                                       "hip/declarations.tsv"],
                              f"ROCm/HIPIFY {hip['commit']}, {hip['date']}; HIP {headers.version} "
                              "headers (Debian libamdhip64-dev)")
    out = {}
    known = set()
    for stem in FILES:
        symbols = cuda.symbols[stem]
        known.update(s["name"] for s in symbols)
        if stem == "nccl":
            entries, sources = nccl_entries(symbols, universe.upstream, torch_hipify)
        else:
            record = dict(hip)
            record["title"] = ("HIPIFY CUDA->HIP/ROC mapping tables with support flags; Hygon "
                               "DCU's DTK is HIP-compatible (shared/upstream/hipify/cuda2hip.tsv)")
            record["path"] = "; ".join("src/" + f for f in sorted(cuda.hip_files.get(stem, ()))) \
                or "src/CUDA2HIP_*.cpp"
            entries = [_leveled_entry(sym, cuda.hipify_row(sym), record, headers, fallback)
                       for sym in symbols]
            sources = [record, headers.record, torch_hipify]
        out[f"dcu/{stem}.yaml"] = (header, coverage_doc(PLATFORM, sources, entries))
    record = dict(hip)
    record["title"] = ("HIPIFY CUDA->HIP/ROC mapping tables, rows whose CUDA name the CUDA 13.0 "
                       "inventory does not list (shared/upstream/hipify/cuda2hip.tsv)")
    record["path"] = "src/CUDA2HIP_*.cpp"
    rows = hipify_row_entries(universe, record, headers, known)
    extra = []
    for name, status, kind, library, notes in extra_names(
            headers, known | {e["symbol"] for e in rows}, PROJECT):
        e = entry(name, status, headers.record["id"], "derived",
                  target=name if status == "native" else None, note=join_note(notes))
        e["kind"], e["library"], e["category"] = kind, library, f"device-intrinsics/{library}"
        extra.append(e)
    listed = known | {e["symbol"] for e in rows + extra}
    for name, hip_name in sorted(fallback[1].items()):
        if name.startswith("nvtx") and name not in listed:   # NVTX: no CUDA universe library
            e = entry(name, "mapped", torch_hipify["id"], "derived", target=hip_name,
                      note=join_note([f"PyTorch's hipify (hipify_torch) renames it to {hip_name} "
                                      "(ROCm's roctx); HIPIFY has no NVTX table"]))
            e["kind"], e["library"], e["category"] = "function", "nvtx", "profiler/nvtx"
            extra.append(e)
    if not any(headers.by_name.get(n) for n in headers.by_name if n.startswith("cuda::")):
        e = entry("cuda::*", "missing", headers.record["id"], "derived", note=join_note([
            f"the HIP {headers.version} headers declare nothing in namespace cuda (libcu++, "
            "CUDA's C++ standard library), and HIPIFY names no HIP equivalent; a newer ROCm "
            "may offer one"]))
        e["kind"], e["library"], e["category"] = "function", "libcudacxx", "libcudacxx"
        extra.append(e)
    if not any(n.startswith("nvcuda::") for n in headers.by_name):
        e = entry("nvcuda::wmma::*", "missing", headers.record["id"], "derived", note=join_note([
            f"the HIP {headers.version} headers declare nothing in namespace nvcuda::wmma, and "
            "HIPIFY names no HIP equivalent for the WMMA names it does not list one by one"]))
        e["kind"], e["library"], e["category"] = "intrinsic", "wmma", "device-intrinsics/wmma"
        extra.append(e)
    backend = [r for r in universe.cuda.hipify_rows
               if r["cuda_name"].startswith("cudnnBackend") and r["kind"] == "function" and r["roc_name"]]
    if backend:
        added = min((r["roc_added"] for r in backend if r["roc_added"]), key=vkey, default="")
        e = entry("cudnn_frontend::*", "missing", record["id"], "inferred", note=join_note([
            "cudnn_frontend is NVIDIA's header-only C++ layer over cuDNN's backend API "
            "(cudnnBackend*); HIPIFY names no HIP or MIOpen counterpart of cudnn_frontend itself, "
            "and maps the backend API to MIOpen's miopenBackend* "
            + (f"only from ROCm {added}" if added else "") + ", so at HIP " + headers.version +
            " there is nothing for it to build on: port the graphs to MIOpen's own API or keep "
            "the project's non-cuDNN path"]))
        e["kind"], e["library"], e["category"] = "type", "cudnn_frontend", "cudnn_frontend"
        extra.append(e)
    listed |= {e["symbol"] for e in extra}
    for library, core, prefixes in SHIM_ONLY_LIBRARIES:
        if any(r["cuda_name"].startswith(prefixes) for r in universe.cuda.hipify_rows):
            continue  # HIPIFY speaks for this library: its rows decide
        declared = shim_names(read_text(PROJECT / "analyzer" / "cuda" / "shims" / "core" / core), prefixes)
        for name, kind in sorted(declared.items()):
            if name in listed or headers.by_name.get(name):
                continue
            e = entry(name, "missing", headers.record["id"], "derived", note=join_note([
                f"HIPIFY's whole CUDA->HIP table has no row for {library} (no name starting with "
                f"{' or '.join(prefixes)}) and the HIP {headers.version} headers declare no {name}: "
                f"HIP has no counterpart of {SHIM_ONLY_ROLES[library]}"]))
            e["kind"], e["library"], e["category"] = kind, library, library
            extra.append(e)
    thrust_rows = [(c, h) for c, h in sorted(fallback[1].items()) if c.startswith("thrust::")]
    if thrust_rows:
        renamed = ", ".join(f"{c} -> {h}" for c, h in thrust_rows)
        e = entry("thrust::*", "native", torch_hipify["id"], "inferred", note=join_note([
            f"PyTorch's hipify renames only {renamed} (and the thrust/system/cuda includes), so "
            "every other Thrust name is the same under ROCm's rocThrust"]))
        e["kind"], e["library"], e["category"] = "function", "thrust", "thrust"
        extra.append(e)
        for cuda_name, hip_name in thrust_rows:
            e = entry(cuda_name + "::*", "mapped", torch_hipify["id"], "derived",
                      target=hip_name, note=join_note([
                          f"PyTorch's hipify renames {cuda_name} to {hip_name} (rocThrust)"]))
            e["kind"], e["library"], e["category"] = "function", "thrust", "thrust"
            extra.append(e)
    includes = include_rules(universe, torch_hipify)
    out.update(includes)
    guide = {"id": "hip-guide", "title": "HIP programming guide: the HIP headers that stand for CUDA's "
             "(rules/cuda/dcu.yaml's hand-written header list)",
             "url": "https://rocm.docs.amd.com/projects/HIP/en/latest/", "date": "2026-11-22",
             "license": "MIT"}
    rccl, _ = rccl_record(universe.upstream)
    header_rows, header_sources = header_entries(
        universe, includes["../rules/cuda/dcu_includes.yaml"][1],
        read_text(PROJECT / "rules" / "cuda" / "dcu.yaml"), headers, hip, torch_hipify, rccl, guide)
    out["dcu/cuda_headers.yaml"] = (header + [
        "The #include of each CUDA header the DCU rewrite maps (kind header): its HIP header and "
        "the HIP level that ships it."], coverage_doc(PLATFORM, header_sources, header_rows))
    out["dcu/cuda_hipify_rows.yaml"] = (header, coverage_doc(PLATFORM, [record, headers.record,
                                                                        torch_hipify],
                                                             rows + extra))
    return out
