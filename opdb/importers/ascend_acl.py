"""Huawei Ascend coverage of the CUDA runtime core: a small, explicit CUDA->ACL correspondence.

No CUDA->ACL pair table exists upstream, so the pairs below are written here by hand: the
well-known role correspondences of the runtime core. A pair is emitted only if its target is
declared in the CANN runtime/GE headers (ascend/cann-api/acl_runtime_api.tsv); dropped pairs
are reported on stderr. Product limits come from ascend/cann-api/acl_runtime_api_product_support.tsv.
Writes opdb/ascend/<file>.yaml, one entry for every source-side symbol (unknown where no pair).

Every pair is `inferred`: a role correspondence whose target is verified to exist.
"""

import sys

from common import coverage_doc, entry, generated_header, join_note, read_tsv, repo_record, short

SCRIPT = "ascend_acl.py"
PLATFORM = "ascend"

_CTX = ("the stream belongs to the current ACL context: call aclInit and aclrtSetDevice (which "
        "creates the default context) or aclrtCreateContext/aclrtSetCurrentContext first")
_EV_CTX = ("the event belongs to the current ACL context: call aclInit and aclrtSetDevice first")
_MALLOC = ("aclrtMalloc takes an aclrtMemMallocPolicy argument (such as ACL_MEM_MALLOC_HUGE_FIRST "
           "or ACL_MEM_MALLOC_NORMAL_ONLY): aclrtMalloc(devPtr, size, policy)")
_DESTMAX = "takes destMax, the destination buffer size, before src"
_POOL = "memory pool API of acl_rt_memory_soma.h"

# CUDA name -> (ACL name, facts about differences). Only pairs whose roles are well known.
PAIRS = {
    # device
    "cudaSetDevice": ("aclrtSetDevice", "call aclInit once per process before it"),
    "cudaGetDevice": ("aclrtGetDevice", None),
    "cudaGetDeviceCount": ("aclrtGetDeviceCount", "the count is a uint32_t"),
    "cudaDeviceSynchronize": ("aclrtSynchronizeDevice", None),
    "cudaDeviceReset": ("aclrtResetDevice", "aclrtResetDevice takes the device id to reset"),
    "cudaDeviceGetAttribute": ("aclrtGetDeviceInfo",
                               "aclrtGetDeviceInfo(deviceId, attr, value): device id first, "
                               "attributes from aclrtDevAttr, a 64-bit result"),
    "cudaDeviceGetStreamPriorityRange": ("aclrtDeviceGetStreamPriorityRange", None),
    # memory
    "cudaMalloc": ("aclrtMalloc", _MALLOC),
    "cudaFree": ("aclrtFree", None),
    "cudaMallocHost": ("aclrtMallocHost",
                       "aclrtMallocHost takes no flags; free its memory with aclrtFreeHost. Do not "
                       "assume cudaMallocHost's pinned-memory behaviour without checking the "
                       "CANN documentation for the product; existing host memory is registered "
                       "with aclrtHostRegister"),
    "cudaFreeHost": ("aclrtFreeHost", None),
    "cudaMemcpy": ("aclrtMemcpy", _DESTMAX + ": aclrtMemcpy(dst, destMax, src, count, kind)"),
    "cudaMemcpyAsync": ("aclrtMemcpyAsync",
                        _DESTMAX + ": aclrtMemcpyAsync(dst, destMax, src, count, kind, stream)"),
    "cudaMemcpy2D": ("aclrtMemcpy2d", None),
    "cudaMemcpy2DAsync": ("aclrtMemcpy2dAsync", None),
    "cudaMemset": ("aclrtMemset",
                   "takes maxCount, the destination buffer size: aclrtMemset(devPtr, maxCount, "
                   "value, count)"),
    "cudaMemsetAsync": ("aclrtMemsetAsync",
                        "takes maxCount, the destination buffer size: aclrtMemsetAsync(devPtr, "
                        "maxCount, value, count, stream)"),
    "cudaMemGetInfo": ("aclrtGetMemInfo",
                       "takes an aclrtMemAttr selecting the memory kind first: "
                       "aclrtGetMemInfo(attr, free, total)"),
    "cudaHostRegister": ("aclrtHostRegister",
                         "aclrtHostRegister(ptr, size, type, devPtr) returns the device pointer "
                         "directly"),
    "cudaHostUnregister": ("aclrtHostUnregister", None),
    "cudaPointerGetAttributes": ("aclrtPointerGetAttributes",
                                 "fills an aclrtPtrAttributes"),
    # stream
    "cudaStreamCreate": ("aclrtCreateStream", _CTX),
    "cudaStreamCreateWithPriority": ("aclrtCreateStreamWithConfig",
                                     "aclrtCreateStreamWithConfig(stream, priority, flag); "
                                     + _CTX),
    "cudaStreamDestroy": ("aclrtDestroyStream", None),
    "cudaStreamSynchronize": ("aclrtSynchronizeStream", None),
    "cudaStreamQuery": ("aclrtStreamQuery",
                        "returns the state in an aclrtStreamStatus out-parameter, not as the "
                        "return code"),
    "cudaStreamWaitEvent": ("aclrtStreamWaitEvent", "takes no flags argument"),
    "cudaStreamGetPriority": ("aclrtStreamGetPriority", "the priority is a uint32_t"),
    "cudaStreamGetFlags": ("aclrtStreamGetFlags", None),
    "cudaStreamBeginCapture": ("aclmdlRICaptureBegin",
                               "capture mode from aclmdlRICaptureMode; the capture ends in an "
                               "aclmdlRI model-runtime instance, not a cudaGraph_t"),
    "cudaStreamEndCapture": ("aclmdlRICaptureEnd",
                             "returns an aclmdlRI model-runtime instance, not a cudaGraph_t"),
    # launch
    "cudaLaunchHostFunc": ("aclrtLaunchHostFunc", None),
    # event
    "cudaEventCreate": ("aclrtCreateEvent", _EV_CTX),
    "cudaEventCreateWithFlags": ("aclrtCreateEventWithFlag",
                                 "flags are ACL event flags, not cudaEvent* flags. " + _EV_CTX),
    "cudaEventRecord": ("aclrtRecordEvent", None),
    "cudaEventSynchronize": ("aclrtSynchronizeEvent", None),
    "cudaEventElapsedTime": ("aclrtEventElapsedTime", None),
    "cudaEventDestroy": ("aclrtDestroyEvent", None),
    "cudaEventQuery": ("aclrtQueryEventStatus",
                       "returns the state in an aclrtEventRecordedStatus out-parameter, not as "
                       "cudaErrorNotReady"),
    # error
    "cudaGetLastError": ("aclrtGetLastError",
                         "takes an aclrtLastErrLevel argument; aclGetRecentErrMsg returns the "
                         "text of the most recent error"),
    "cudaPeekAtLastError": ("aclrtPeekAtLastError", "takes an aclrtLastErrLevel argument"),
    # peer
    "cudaDeviceCanAccessPeer": ("aclrtDeviceCanAccessPeer", None),
    "cudaDeviceEnablePeerAccess": ("aclrtDeviceEnablePeerAccess", None),
    "cudaDeviceDisablePeerAccess": ("aclrtDeviceDisablePeerAccess", None),
    # stream-ordered memory pools
    "cudaMemPoolCreate": ("aclrtMemPoolCreate", _POOL),
    "cudaMemPoolDestroy": ("aclrtMemPoolDestroy", _POOL),
    "cudaMemPoolSetAttribute": ("aclrtMemPoolSetAttr", _POOL),
    "cudaMemPoolGetAttribute": ("aclrtMemPoolGetAttr", _POOL),
    "cudaMemPoolTrimTo": ("aclrtMemPoolTrimTo", _POOL),
    "cudaMallocFromPoolAsync": ("aclrtMemPoolMallocAsync", _POOL),
    "cudaFreeAsync": ("aclrtMemPoolFreeAsync", _POOL + "; frees memory taken from a pool"),
    # types and values
    "cudaStream_t": ("aclrtStream", None),
    "cudaEvent_t": ("aclrtEvent", None),
    "cudaError_t": ("aclError", "aclError is an int; ACL_SUCCESS is 0"),
    "cudaSuccess": ("ACL_SUCCESS", None),
    "cudaErrorMemoryAllocation": ("ACL_ERROR_RT_MEMORY_ALLOCATION", None),
    "cudaMemcpyKind": ("aclrtMemcpyKind", None),
    "cudaMemcpyHostToHost": ("ACL_MEMCPY_HOST_TO_HOST", None),
    "cudaMemcpyHostToDevice": ("ACL_MEMCPY_HOST_TO_DEVICE", None),
    "cudaMemcpyDeviceToHost": ("ACL_MEMCPY_DEVICE_TO_HOST", None),
    "cudaMemcpyDeviceToDevice": ("ACL_MEMCPY_DEVICE_TO_DEVICE", None),
    "cudaMemcpyDefault": ("ACL_MEMCPY_DEFAULT", None),
    "cudaMemPool_t": ("aclrtMemPool", _POOL),
    "cudaDeviceAttr": ("aclrtDevAttr", "the attribute set differs"),
    "cudaPointerAttributes": ("aclrtPtrAttributes", None),
    "cudaHostFn_t": ("aclrtHostFunc", None),
}

PRODUCTS = [
    ("ascend950pr", "Ascend 950PR"), ("ascend950dt", "Ascend 950DT"), ("atlas_a3", "Atlas A3"),
    ("atlas_a2", "Atlas A2"), ("atlas_200i_500_a2", "Atlas 200I/500 A2"),
    ("atlas_inference_310p", "Atlas inference series (310P)"),
    ("atlas_training_910", "Atlas training series (910)"), ("ipv350", "IPV350"),
]

# Preferred declaration kinds: the C declaration over the C++ inline overloads.
KIND_ORDER = ["function", "typedef", "typedef_funcptr", "enum", "struct", "union", "enumerator",
              "constant", "macro", "macro_function", "inline_function"]


def repo_key(repo):
    return {"hicann/runtime": "RT", "hicann/ge": "GE"}[repo]


def outputs(universe, log=sys.stderr):
    up = universe.upstream
    d = up / "ascend" / "cann-api"
    md = up / "ascend" / "SOURCES.md"
    decls = {}
    for r in read_tsv(d / "acl_runtime_api.tsv"):
        decls.setdefault(r["name"], []).append(r)
    support = {}
    for r in read_tsv(d / "acl_runtime_api_product_support.tsv"):
        # the C API row wins over a C++ template overload of the same name
        if r["api"] not in support or support[r["api"]]["signature"].startswith("template"):
            support[r["api"]] = r

    universe_names = {s["name"] for syms in universe.files.values() for s in syms}
    dropped, pairs = [], {}
    for cuda, (acl, facts) in sorted(PAIRS.items()):
        if cuda not in universe_names:
            dropped.append((cuda, acl, "CUDA name not in the source-side files"))
        elif acl not in decls:
            dropped.append((cuda, acl, "target not declared in acl_runtime_api.tsv"))
        else:
            best = min(decls[acl], key=lambda r: (KIND_ORDER.index(r["kind"])
                                                  if r["kind"] in KIND_ORDER else 99,
                                                  r["header"]))
            pairs[cuda] = (acl, facts, best)
    for cuda, acl, why in dropped:
        print(f"ascend: dropped pair {cuda} -> {acl}: {why}", file=log)

    paths = {"RT": set(), "GE": set()}
    for acl, facts, decl in pairs.values():
        paths[repo_key(decl["repo"])].add(decl["header"])
        if acl in support:
            paths["RT"].add("docs/zh/api_ref/" + support[acl]["doc_file"])
    records = {}
    titles = {
        "RT": "CANN runtime (ACL) headers include/external/acl/*.h and the runtime API "
              "reference docs/zh/api_ref (shared/upstream/ascend/cann-api/acl_runtime_api*.tsv)",
        "GE": "CANN GE headers inc/external/acl/*.h "
              "(shared/upstream/ascend/cann-api/acl_runtime_api.tsv)",
    }
    for key, prefix in (("RT", "cann-runtime"), ("GE", "cann-ge")):
        rec = repo_record(md, key, "", titles[key], "; ".join(sorted(paths[key])) or
                          "include/external/acl/")
        rec["id"] = f"{prefix}-{short(rec['commit'])}"
        records[key] = rec

    out = {}
    for stem, symbols in universe.files.items():
        entries = []
        for sym in symbols:
            name = sym["name"]
            if name not in pairs:
                entries.append(entry(
                    name, "unknown", records["RT"]["id"], "inferred",
                    note=join_note(["no public CUDA->ACL table exists; the importer's "
                                    "correspondence table has no pair for this symbol"])))
                continue
            acl, facts, decl = pairs[name]
            parts = [f"role correspondence; target declared in CANN "
                     f"{'runtime' if repo_key(decl['repo']) == 'RT' else 'GE'} header "
                     f"{decl['header']}"]
            if decl["deprecated"] == "1":
                parts.append(f"{acl} is marked deprecated in the header")
            if facts:
                parts.extend(facts.split(". "))
            row = support.get(acl)
            if row:
                no = [label for col, label in PRODUCTS if row.get(col) == "N"]
                if no:
                    parts.append("the CANN runtime API reference marks it unsupported on "
                                 + ", ".join(no))
            entries.append(entry(name, "mapped", records[repo_key(decl["repo"])]["id"],
                                 "inferred", target=acl, note=join_note(parts)))
        used = [r for r in records.values() if any(e["source"] == r["id"] for e in entries)]
        snap = "; ".join(f"{r['repository'][len('https://github.com/'):]} {r['commit']}, "
                         f"{r['date']}" for r in used)
        hdr = generated_header(SCRIPT, ["ascend/cann-api/acl_runtime_api.tsv",
                                        "ascend/cann-api/acl_runtime_api_product_support.tsv"],
                               snap)
        out[f"ascend/{stem}.yaml"] = (hdr, coverage_doc(PLATFORM, list(records.values()),
                                                        entries))
    return out, dropped
