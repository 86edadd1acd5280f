"""Ascend, Cambricon and Enflame answers for `#include`d CUDA and CUDA-library headers
(opdb/<platform>/cuda_headers.yaml, entries of kind `header`).

The headers are the ones opdb/dcu/cuda_headers.yaml answers (dcu_headers.header_table, same
spelling). None of these vendor SDKs ships CUDA's headers, so every such include is replaced.
What each answer says, by the header's CUDA library:
  * the platform has a counterpart library whose header a snapshot file names -> partial, target
    that header ("replace the include; the library's calls are answered one by one"), the file
    naming the header cited
  * the platform has a counterpart library but no public file names its header (CNCL, ECCL,
    TopsATen) -> partial without a target, the file naming the library's functions cited
  * no public counterpart library is known -> missing, with what to do instead, inferred
A target header is only ever one a cited snapshot file names (COUNTERPARTS' `header` check).
"""

from cambricon_pairs import CNRT_HEADER
from common import UpstreamError, coverage_doc, entry, generated_header, join_note, read_text, record
from dcu_headers import header_table, library_of
from library_roles import AscendNames, CambriconNames, EnflameNames
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent.parent

SCRIPT = "npu_headers.py"
PLATFORMS = ("ascend", "cambricon", "enflame")
REPLACE = "replace the include; the library's calls are answered one by one"


def _runtime_rows(platform, header, key, runtime, prefix, declared_in, runtime_declared_in=None,
                  driver_part="the driver API"):
    """The COUNTERPARTS rows of CUDA's runtime and driver APIs: the platform's one runtime
    library (`runtime`, whose names start with `prefix`) stands for both."""
    return {(platform, "cudart"): (header, key, f"{runtime} ({prefix}*), declared in "
                                                f"{runtime_declared_in or declared_in}"),
            (platform, "cuda_driver"): (header, key, f"{runtime} ({prefix}*, which also stands for "
                                                     f"{driver_part}), declared in {declared_in}")}


_CNNL_NOT_PUBLIC = "cnnl.h has no public copy, only its name and the names its users call"

# (platform, CUDA library) -> (target header or None, evidence key, what the counterpart is).
# The evidence key names a source record (see _evidence) and the snapshot file whose text must
# hold the target header's file name.
COUNTERPARTS = {
    **_runtime_rows("ascend", "acl/acl_rt.h", "RT", "the ACL runtime", "aclrt",
                    "include/external/acl/acl_rt.h",
                    runtime_declared_in="CANN runtime's include/external/acl/acl_rt.h"),
    ("ascend", "nccl"): ("hccl.h", "HCCL", "HCCL (Hccl*), declared in hicann/hccl's include/hccl.h"),
    ("ascend", "cublas"): ("acl/ops/acl_cblas.h", "GE", "ACL's BLAS (aclblas*, "
                           "inc/external/acl/ops/acl_cblas.h) and the aclnn matmul operators"),
    ("ascend", "cudnn"): ("aclnn_convolution.h", "NN", "the aclnn operator APIs, one header per "
                          "operator (aclnn_convolution.h, aclnn_batch_norm.h, ...; the op list "
                          "cann-ops/aclnn_api.tsv); include the header of each operator used"),
    ("ascend", "cuda_fp16"): ("acl/acl_base_rt.h", "RT", "aclFloat16 and its host conversions "
                              "(aclFloatToFloat16, aclFloat16ToFloat) in include/external/acl/"
                              "acl_base_rt.h; device code has its own half type"),
    ("ascend", "nvtx"): ("acl/acl_prof.h", "RT", "the ACL profiling markers (aclprofMark, "
                         "aclprofPush/aclprofPop, aclprofRangeStart/Stop) in include/external/"
                         "acl/acl_prof.h"),
    **_runtime_rows("cambricon", "cnrt.h", "CNRT", "CNRT", "cnrt", "cnrt.h",
                    driver_part="the driver API's device, memory and queue calls"),
    ("cambricon", "nccl"): (None, "TM24", "CNCL (cncl*), which torch_mlu calls; no public file "
                            "names CNCL's header"),
    ("cambricon", "cublas"): ("cnnl.h", "CNNL", f"CNNL's matmul operators (cnnlMatMul, "
                              f"cnnlBatchMatMul; {_CNNL_NOT_PUBLIC})"),
    ("cambricon", "cublasLt"): ("cnnl.h", "CNNL", f"CNNL's matmul operators ({_CNNL_NOT_PUBLIC})"),
    ("cambricon", "cudnn"): ("cnnl.h", "CNNL", f"CNNL, Cambricon's neural-network operator "
                             f"library ({_CNNL_NOT_PUBLIC})"),
    ("cambricon", "curand"): ("cnnl.h", "CNNL", "CNNL's random generators (cnnlRandCreateGenerator, "
                              "cnnlRandGenerateUniform, cnnlRandGenerateNormal; host API only)"),
    **_runtime_rows("enflame", "tops/tops_runtime_api.h", "HDR", "the TOPS runtime", "tops",
                    "include/tops/tops_runtime_api.h"),
    ("enflame", "nccl"): (None, "ECCL", "ECCL (eccl*), which torch_gcu and vllm-gcu call; ECCL has "
                          "no public header"),
    ("enflame", "cublas"): (None, "TGCU", "TopsATen's matmul operators (topsatenMatmul, "
                            "topsatenBmm, ...), which torch_gcu calls; no public file names "
                            "TopsATen's header"),
    ("enflame", "cudnn"): (None, "TGCU", "TopsATen's operators, which torch_gcu calls; no public "
                           "file names TopsATen's header"),
}
# cuBLASLt's counterpart is cuBLAS's where the platform has one BLAS for both.
COUNTERPARTS.update({(p, "cublasLt"): COUNTERPARTS[(p, "cublas")] for p in ("ascend", "enflame")})
# The file whose text must name each target header (checked at import time).
NAMED_IN = {"RT": "ascend/cann-api/acl_runtime_api.tsv", "GE": "ascend/cann-api/acl_runtime_api.tsv",
            "HCCL": "ascend/cann-api/hccl_api.tsv", "NN": "ascend/cann-ops/aclnn_api.tsv",
            "CNRT": "cambricon/SOURCES.md", "CNNL": "cambricon/cnnl_api_names.txt",
            "HDR": "enflame/tops_runtime_api_functions.tsv"}

# What to do where no counterpart library is known, by CUDA library.
NO_LIBRARY = {
    "curand": "generate random numbers with the framework's generators (torch.rand*/aten random "
              "ops) or on the host",
    "cufft": "use the framework's FFT operators (torch.fft on the device where its ops are "
             "registered) or a host FFT library",
    "cusolver": "use the framework's linear-algebra operators (torch.linalg) or a host LAPACK",
    "cusparse": "use the framework's sparse operators or a host sparse library",
    "cutensor": "express the contraction as framework matmul/einsum operators",
    "nvrtc": "compile kernels ahead of time with the vendor kernel compiler",
    "cub": "CUB's algorithms are answered call by call (opdb/<platform>/cub.yaml); write them with "
           "the vendor kernel language or framework operators",
    "thrust": "write the algorithms with framework operators or the vendor kernel language",
    "cooperative_groups": "the vendor kernel language has its own synchronisation builtins; "
                          "kernels are ported by hand",
    "cuda_fp16": "use the vendor kernel language's half type in device code",
    "cuda_bf16": "use the vendor kernel language's bfloat16 type in device code",
    "nvtx": "use the vendor profiler's markers",
}


def _evidence(up):
    """{key: (source record, path of the file naming the library)}."""
    asc, camb, enf = AscendNames(up), CambriconNames(up), EnflameNames(up)
    md_a, md_c, md_e = (up / p / "SOURCES.md" for p in PLATFORMS)
    ev = {
        "RT": asc.records["RT"], "GE": asc.records["GE"], "NN": asc.records["NN"],
        "HCCL": record(md_a, "HCCL", "cann-hccl", "CANN HCCL headers include/hccl.h, "
                       "include/hccl/*.h (shared/upstream/ascend/cann-api/hccl_api.tsv)",
                       "include/hccl.h"),
        "CNRT": dict(CNRT_HEADER),
        "CNNL": camb.records["CNNLEX"],
        "TM24": record(md_c, "TM24", "torch-mlu", "Cambricon torch_mlu r2.4_develop: the CNRT and "
                       "CNCL names its C++ sources call (shared/upstream/cambricon/"
                       "cambricon_api_names.tsv; CNCL has no public header)", "torch_mlu/csrc/"),
        "HDR": enf.records["HDR"],
        "ECCL": record(md_e, "TGCU", "tgcu", "torch_gcu v2.10.0 (public copy): the ECCL and "
                       "TopsATen names it calls (shared/upstream/enflame/eccl_api_names.txt, "
                       "topsaten_names.txt; ECCL and TopsATen have no public header)",
                       "torch_gcu/"),
    }
    ev["TGCU"] = ev["ECCL"]
    ev["CNNL"] = dict(ev["CNNL"], title="Cambricon CNNL: the cnnl.h name and the CNNL names its "
                      "users call (cnnl-example include/cnnl_core.h, official, 2021; shared/"
                      "upstream/cambricon/cnnl_api_names.txt; no public full cnnl.h)",
                      path="include/cnnl_core.h")
    return ev


def _check_named(up):
    for (platform, lib), (target, key, _) in COUNTERPARTS.items():
        if target is None:
            continue
        name = target.rsplit("/", 1)[-1]
        if name not in read_text(up / NAMED_IN[key]):
            raise UpstreamError(f"{NAMED_IN[key]}: does not name {name} ({platform} {lib}); "
                                "npu_headers.py cites it as the counterpart header")


def header_entries(platform, headers, ev):
    out = []
    for cuda in headers:
        lib = library_of(cuda)
        spec = COUNTERPARTS.get((platform, lib))
        if spec:
            target, key, what = spec
            notes = [f"{platform.capitalize()}'s SDK does not ship CUDA's <{cuda}>; its "
                     f"counterpart for {lib} is {what}", REPLACE]
            e = entry(cuda, "partial", ev[key]["id"], "derived" if target else "inferred",
                      target=target, note=join_note(notes))
        else:
            todo = NO_LIBRARY.get(lib, "the include is removed and the runtime calls it served are "
                                       "answered one by one")
            todo = todo.replace("<platform>", platform)
            notes = [f"{platform.capitalize()}'s SDK does not ship CUDA's <{cuda}> and no public "
                     f"counterpart library for {lib} is known", todo]
            cite = {"ascend": "RT", "cambricon": "CNRT", "enflame": "HDR"}[platform]
            e = entry(cuda, "missing", ev[cite]["id"], "inferred", note=join_note(notes))
        e["kind"], e["library"], e["category"] = "header", lib, "headers"
        out.append(e)
    return out


def outputs(universe, parts):
    """{path: (header lines, doc)} for opdb/<platform>/cuda_headers.yaml of every NPU platform.
    parts: the files generated so far (the DCU include rules give the header list)."""
    up = universe.upstream
    _check_named(up)
    include_doc = parts["../rules/cuda/dcu_includes.yaml"][1]
    table, _ = header_table(include_doc, read_text(PROJECT / "rules" / "cuda" / "dcu.yaml"))
    headers = sorted(table)
    ev = _evidence(up)
    recs = list({id(r): r for r in ev.values()}.values())
    files = {"ascend": ["ascend/cann-api/acl_runtime_api.tsv", "ascend/cann-api/hccl_api.tsv",
                        "ascend/cann-ops/aclnn_api.tsv"],
             "cambricon": ["cambricon/cnrt_api_names.txt", "cambricon/cnnl_api_names.txt",
                           "cambricon/cambricon_api_names.tsv"],
             "enflame": ["enflame/tops_runtime_api_functions.tsv", "enflame/eccl_api_names.txt",
                         "enflame/topsaten_names.txt"]}
    out = {}
    for platform in PLATFORMS:
        entries = header_entries(platform, headers, ev)
        used = {e["source"] for e in entries}
        snap = "; ".join(f"{r['repository'][19:]} {r['commit']}, {r['date']}" if "repository" in r
                         else f"{r['url']}, read {r['date']}" for r in recs if r["id"] in used)
        hdr = generated_header(SCRIPT, files[platform], snap) + [
            "The #include of each CUDA header (kind header), the same headers as "
            "opdb/dcu/cuda_headers.yaml: the platform's counterpart header, or why there is none."]
        out[f"{platform}/cuda_headers.yaml"] = (hdr, coverage_doc(platform, recs, entries))
    return out
