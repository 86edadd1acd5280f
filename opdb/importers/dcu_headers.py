"""Hygon DCU answers for `#include`d CUDA and CUDA-library headers (opdb/dcu/cuda_headers.yaml).

One entry per header the DCU rewrite maps (the same table as rules/cuda/dcu_includes.yaml:
PyTorch's hipify include map, then HIPIFY's include table, beside the hand list of
rules/cuda/dcu.yaml), kind `header`, the HIP header as target, and whether HIP at opscope's
default level ships it:
  * a header under hip/ that the HIP 5.2 headers hold (hip/declarations.tsv names it)   -> mapped
  * a HIP header those headers lack, or a library header (hipBLAS, hipBLASLt, hipFFT, ...): the
    earliest HIP/ROCm version HIPIFY gives for any name of that library (hip_added): mapped at or
    before 5.2, else missing with an SDK range ("HIP >=5.5.0"), so --target dcu@hip-X re-decides
  * nccl.h -> rccl/rccl.h: RCCL declares NCCL's API (dcu/rccl_nccl_api_functions.tsv)    -> mapped
  * cudnn.h: MIOpen's API is another one (rules/cuda/dcu.yaml leaves cuDNN code as it is) -> partial
"""

import re

from common import entry, join_note
from dcu_hip_level import DEFAULT_HIP, vkey

# The HIP-side library of a header, by the prefix of its HIP header path, and the prefix the HIP
# names of that library carry in HIPIFY's table (hip_name).
LIBRARIES = [
    ("hipblaslt", "hipBLASLt", "hipblasLt"),
    ("hipblas", "hipBLAS", "hipblas"),
    ("hipfft", "hipFFT", "hipfft"),
    ("hiprand", "hipRAND", "hiprand"),
    ("rocrand", "rocRAND", "rocrand"),
    ("hipsparse", "hipSPARSE", "hipsparse"),
    ("hipsolver", "hipSOLVER", "hipsolver"),
    ("hipcub", "hipCUB", "hipcub::"),
    ("hiptensor", "hipTensor", "hiptensor"),
]
# HIP runtime headers HIP 5.2 lacks: the CUDA type whose HIPIFY row dates the HIP counterpart (the
# HIP header declares that type's HIP name).
TYPE_OF_HEADER = {"cuda_bf16.h": "__nv_bfloat16", "cuda_fp8.h": "__nv_fp8_e4m3", "cuda_fp4.h": "__nv_fp4_e2m1"}
HAND_RULE = re.compile(r"\{id: [^,]+, from: ([^,]+), to: ([^,]+), source: ([^}]+)\}")


def header_table(include_doc, hand_rules_text):
    """({CUDA header: (HIP header, how)}, the CUDA headers inferred, not read): the CUDA headers
    opscope answers (also the header list of npu_headers.py)."""
    table = {}
    for m in HAND_RULE.finditer(hand_rules_text):
        if re.search(r"\.(h|cuh|hpp)$", m.group(1).strip()):   # header rules, not guard macros
            table.setdefault(m.group(1).strip(), (m.group(2).strip(), "hand"))
    for h in include_doc["headers"]:
        table.setdefault(h["from"], (h["to"], h["source"]))
    # cuDNN's header is not in the rewrite's include table (the rewrite leaves cuDNN code, its
    # include too, to be ported to MIOpen by hand), but code includes it and it has an answer:
    # HIPIFY maps it to MIOpen's header (its ROC column; hipDNN is gone).
    table.setdefault("cudnn.h", ("miopen/miopen.h", "hipify"))
    # NVTX 3 ships the same C API under nvtx3/ (nvToolsExt.h there is NVTX 3's); PyTorch's hipify
    # maps the NVTX 2 path and nvtx3/nvtx3.hpp to roctx, so the NVTX 3 path is inferred from them.
    inferred = set()
    if "nvToolsExt.h" in table and "nvtx3/nvToolsExt.h" not in table:
        table["nvtx3/nvToolsExt.h"] = table["nvToolsExt.h"]
        inferred.add("nvtx3/nvToolsExt.h")
    return table, inferred


def library_of(cuda):
    """The CUDA library a CUDA header belongs to (the `library:` of a header entry)."""
    return _library(cuda)


def _earliest(rows, pred):
    versions = [r["hip_added"] for r in rows if r["hip_added"] and pred(r)]
    return min(versions, key=vkey) if versions else None


def header_entries(universe, include_doc, hand_rules_text, headers, hipify_record, torch_record,
                   rccl_record, guide_record):
    """(entries, sources) for opdb/dcu/cuda_headers.yaml. include_doc: the generated
    dcu_includes.yaml document; hand_rules_text: rules/cuda/dcu.yaml's text (its headers win)."""
    table, inferred = header_table(include_doc, hand_rules_text)
    rows = universe.cuda.hipify_rows
    declared_headers = {r["header"] for rs in headers.by_name.values() for r in rs}
    out = []
    for cuda, (hip, how) in sorted(table.items()):
        src = {"hand": guide_record["id"], torch_record["id"]: torch_record["id"]}.get(how, hipify_record["id"])
        notes, sdk, status = [], None, "mapped"
        via = {"hand": "the HIP programming guide", torch_record["id"]: "PyTorch's hipify"}.get(how, "HIPIFY")
        notes.append(f"{via} maps <{cuda}> to <{hip}>")
        lib = next((x for x in LIBRARIES if hip.startswith(x[0])), None)
        if cuda == "cudnn.h":
            status = "partial"
            notes.append("MIOpen's functions take other arguments than cuDNN's, so the rewrite leaves "
                         "this include and the cuDNN calls to be ported to MIOpen by hand")
        elif cuda == "nccl.h":
            src = rccl_record["id"]
            notes.append("RCCL declares NCCL's API under the same names (RCCL's nccl.h.in); the DTK "
                         "ships RCCL, Debian's HIP 5.2 packages do not")
        elif cuda.startswith("nvtx") or cuda == "nvToolsExt.h":
            if cuda in inferred:
                notes[0] = (f"{via} maps <nvToolsExt.h> and <nvtx3/nvtx3.hpp> to <{hip}>; "
                            f"<{cuda}> is NVTX 3's path of the same C API")
            notes.append("PyTorch's hipify renames only NVTX's marker and range functions to roctx ones")
        elif hip.startswith("hip/"):
            if hip in declared_headers:
                src = headers.record["id"]
                notes.append(f"HIP {DEFAULT_HIP} ships {hip}")
            else:
                ctype = TYPE_OF_HEADER.get(cuda)
                added = _earliest(rows, lambda r: r["cuda_name"] == ctype) if ctype else None
                if added and vkey(added) > vkey(DEFAULT_HIP):
                    status, sdk, src = "missing", f"HIP >={added}", hipify_record["id"]
                    notes.insert(0, f"At HIP {DEFAULT_HIP} (opscope's default DCU level) {hip} is not "
                                    f"there yet: HIPIFY dates {ctype}'s HIP name to HIP {added} (pick "
                                    "the level with --target dcu@hip-X)")
                elif not added:
                    notes.append(f"the HIP {DEFAULT_HIP} headers have no {hip}; no public source "
                                 "dates it")
                    status = "partial"
        elif lib:
            added = _earliest(rows, lambda r: r["hip_name"].startswith(lib[2]))
            if added and vkey(added) > vkey(DEFAULT_HIP):
                status, sdk, src = "missing", f"HIP >={added}", hipify_record["id"]
                notes.insert(0, f"At HIP {DEFAULT_HIP} (opscope's default DCU level) {lib[1]} is not "
                                f"there yet: ROCm {added} adds it, by HIPIFY's dates of its names "
                                "(pick the level with --target dcu@hip-X)")
            else:
                notes.append(f"{lib[1]} is a ROCm library the DTK ships (Debian's HIP packages do "
                             "not)" + (f"; HIPIFY dates its names from ROCm {added}" if added else ""))
        e = entry(cuda, status, src, "inferred" if cuda in inferred else "derived", target=hip,
                  note=join_note(notes))
        if sdk:
            e["constraints"] = {"sdk": sdk}
        e["kind"], e["library"], e["category"] = "header", _library(cuda), "headers"
        out.append(e)
    return out, [hipify_record, torch_record, rccl_record, headers.record, guide_record]


def _library(cuda):
    for prefix, lib in [("cublasLt", "cublasLt"), ("cublas", "cublas"), ("cufft", "cufft"), ("curand", "curand"),
                        ("cusparse", "cusparse"), ("cusolver", "cusolver"), ("cudnn", "cudnn"), ("nccl", "nccl"),
                        ("nvrtc", "nvrtc"), ("cub/", "cub"), ("thrust/", "thrust"), ("cutensor", "cutensor"),
                        ("nvToolsExt", "nvtx"), ("nvtx", "nvtx"), ("cuda_bf16", "cuda_bf16"),
                        ("cuda_fp16", "cuda_fp16"), ("cooperative_groups", "cooperative_groups"),
                        ("cuda.h", "cuda_driver")]:
        if cuda.startswith(prefix):
            return lib
    return "cudart"
