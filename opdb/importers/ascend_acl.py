"""Huawei Ascend coverage of the CUDA runtime and of NCCL: explicit CUDA->ACL and NCCL->HCCL
role correspondences.

No CUDA->ACL or NCCL->HCCL pair table exists upstream, so the pairs below are written here by
hand: the well-known role correspondences of the runtime core and of the collectives. A pair is
emitted only if its target is declared in the CANN runtime/GE headers
(ascend/cann-api/acl_runtime_api.tsv) or the HCCL/HCOMM headers (ascend/cann-api/hccl_api.tsv);
dropped pairs are reported on stderr. Product limits come from
ascend/cann-api/acl_runtime_api_product_support.tsv. Writes opdb/ascend/cuda_runtime.yaml and
opdb/ascend/nccl.yaml: a mapped entry per pair, an unknown entry for every other runtime or NCCL
function.

Every pair is `inferred`: a role correspondence whose target is verified to exist. A runtime or
NCCL function with no pair whose counterpart the headers declare under the same name after the
prefix (cuda* -> aclrt*/acl*, nccl* -> Hccl*; ACL's model runtime instance aclmdlRI stands for
CUDA's graph and executable graph) is mapped too, `inferred`, the declaring header cited.
"""

import re
import sys

from common import (coverage_doc, entry, generated_header, join_note, read_text, read_tsv,
                    record, require, short)
from library_role_table import VECTOR_TYPES
from pairs import role_pairs, vocabulary_twins

SCRIPT = "ascend_acl.py"
PLATFORM = "ascend"

_CTX = ("the stream belongs to the current ACL context: call aclInit and aclrtSetDevice (which "
        "creates the default context) or aclrtCreateContext/aclrtSetCurrentContext first")
_EV_CTX = ("the event belongs to the current ACL context: call aclInit and aclrtSetDevice first")
_MALLOC = ("aclrtMalloc takes an aclrtMemMallocPolicy argument (such as ACL_MEM_MALLOC_HUGE_FIRST "
           "or ACL_MEM_MALLOC_NORMAL_ONLY): aclrtMalloc(devPtr, size, policy)")
_DESTMAX = "takes destMax, the destination buffer size, before src"
_POOL = "memory pool API of acl_rt_memory_soma.h"
_RI = ("ACL's capture builds an aclmdlRI model-runtime instance, which stands for both the "
       "cudaGraph_t and the cudaGraphExec_t")
_IPC = ("ACL shares memory between processes by key: the exporter gets a key for the allocation "
        "(aclrtIpcMemGetExportKey), the importer opens it (aclrtIpcMemImportByKey), and "
        "aclrtIpcMemSetImportPid names the processes allowed to import")
# Facts about same-named counterparts whose arguments differ in kind (from the declarations).
TWIN_FACTS = {
    "cudaLaunchKernel": "aclrtLaunchKernel(funcHandle, numBlocks, argsData, argsSize, stream) "
                        "takes an aclrtFuncHandle and a packed argument buffer, not a host "
                        "function pointer and an argument array",
    "cudaGraphExecUpdate": "aclmdlRIUpdate(modelRI) takes only the instance to update",
}
# ACL's words for CUDA's nouns, used to find a same-named counterpart (the longer word first).
ACL_VOCABULARY = [("GraphExec", "mdlRI"), ("Graph", "mdlRI")]

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
    "cudaStreamGetCaptureInfo": ("aclmdlRICaptureGetInfo", _RI),
    "cudaThreadExchangeStreamCaptureMode": ("aclmdlRICaptureThreadExchangeMode", None),
    "cudaGraphLaunch": ("aclmdlRIExecuteAsync", "aclmdlRIExecuteAsync(modelRI, stream); " + _RI),
    "cudaGraphDebugDotPrint": ("aclmdlRIDebugPrint",
                               "aclmdlRIDebugPrint(modelRI) takes no file path or flags; " + _RI),
    "cudaStreamSetAttribute": ("aclrtSetStreamAttribute", "attributes from aclrtStreamAttr"),
    "cudaStreamGetAttribute": ("aclrtGetStreamAttribute", "attributes from aclrtStreamAttr"),
    # IPC memory: ACL exports a key for an allocation instead of an opaque handle
    "cudaIpcGetMemHandle": ("aclrtIpcMemGetExportKey", _IPC),
    "cudaIpcOpenMemHandle": ("aclrtIpcMemImportByKey", _IPC),
    "cudaIpcCloseMemHandle": ("aclrtIpcMemClose", _IPC),
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
    "cudaGetDeviceProperties": ("aclrtGetDeviceInfo",
                                "one attribute per call (aclrtGetDeviceInfo(deviceId, attr, "
                                "value) with an aclrtDevAttr), not a filled cudaDeviceProp; the "
                                "attribute set differs"),
    "cudaGetErrorString": ("aclGetRecentErrMsg",
                           "returns the text of the most recent error of the thread, not the "
                           "text of an error code passed in"),
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


_COMM = ("HCCL communicators are created from an HcclRootInfo (HcclGetRootInfo on rank 0, "
         "shared with the others) or a cluster-info file (HcclCommInitClusterInfo)")
_STREAM = "takes an aclrtStream where NCCL takes a cudaStream_t"

# NCCL name -> (HCCL name, facts about differences). Only pairs whose roles are well known.
HCCL_PAIRS = {
    "ncclGetUniqueId": ("HcclGetRootInfo", "fills an HcclRootInfo, the HCCL analogue of "
                        "ncclUniqueId"),
    "ncclCommInitRank": ("HcclCommInitRootInfo",
                         "HcclCommInitRootInfo(nRanks, rootInfo, rank, comm): the argument order "
                         "differs. " + _COMM),
    "ncclCommInitRankConfig": ("HcclCommInitRootInfoConfig", "takes an HcclCommConfig. " + _COMM),
    "ncclCommInitAll": ("HcclCommInitAll", None),
    "ncclCommSplit": ("HcclCreateSubCommConfig",
                      "HcclCreateSubCommConfig takes the global rank list of the new "
                      "communicator, a sub-communicator id and an HcclCommConfig (7 parameters) "
                      "where ncclCommSplit takes a color and a key"),
    "ncclCommDestroy": ("HcclCommDestroy", None),
    "ncclCommCount": ("HcclGetRankSize", None),
    "ncclCommUserRank": ("HcclGetRankId", None),
    "ncclCommGetAsyncError": ("HcclGetCommAsyncError", None),
    "ncclGetErrorString": ("HcclGetErrorString", None),
    "ncclGroupStart": ("HcclGroupStart", None),
    "ncclGroupEnd": ("HcclGroupEnd", None),
    "ncclAllReduce": ("HcclAllReduce", _STREAM),
    "ncclBroadcast": ("HcclBroadcast", "broadcasts in place (one buffer, no separate "
                      "send/receive buffers); " + _STREAM),
    "ncclBcast": ("HcclBroadcast", _STREAM),
    "ncclReduce": ("HcclReduce", _STREAM),
    "ncclAllGather": ("HcclAllGather", _STREAM),
    "ncclReduceScatter": ("HcclReduceScatter", _STREAM),
    "ncclAlltoAll": ("HcclAlltoAll", "takes separate send and receive counts and types; "
                     + _STREAM),
    "ncclScatter": ("HcclScatter", _STREAM),
    "ncclSend": ("HcclSend", _STREAM),
    "ncclRecv": ("HcclRecv", _STREAM),
    "ncclComm_t": ("HcclComm", None),
    "ncclUniqueId": ("HcclRootInfo", None),
    "ncclResult_t": ("HcclResult", None),
    "ncclDataType_t": ("HcclDataType", None),
    "ncclRedOp_t": ("HcclReduceOp", None),
    "ncclConfig_t": ("HcclCommConfig", None),
    "ncclSuccess": ("HCCL_SUCCESS", None),
    "ncclSum": ("HCCL_REDUCE_SUM", None),
    "ncclProd": ("HCCL_REDUCE_PROD", None),
    "ncclMax": ("HCCL_REDUCE_MAX", None),
    "ncclMin": ("HCCL_REDUCE_MIN", None),
    "ncclInt8": ("HCCL_DATA_TYPE_INT8", None),
    "ncclUint8": ("HCCL_DATA_TYPE_UINT8", None),
    "ncclInt32": ("HCCL_DATA_TYPE_INT32", None),
    "ncclUint32": ("HCCL_DATA_TYPE_UINT32", None),
    "ncclInt64": ("HCCL_DATA_TYPE_INT64", None),
    "ncclUint64": ("HCCL_DATA_TYPE_UINT64", None),
    "ncclFloat16": ("HCCL_DATA_TYPE_FP16", None),
    "ncclHalf": ("HCCL_DATA_TYPE_FP16", None),
    "ncclFloat32": ("HCCL_DATA_TYPE_FP32", None),
    "ncclFloat": ("HCCL_DATA_TYPE_FP32", None),
    "ncclFloat64": ("HCCL_DATA_TYPE_FP64", None),
    "ncclDouble": ("HCCL_DATA_TYPE_FP64", None),
    "ncclBfloat16": ("HCCL_DATA_TYPE_BFP16", None),
    "ncclFloat8e4m3": ("HCCL_DATA_TYPE_FP8E4M3", None),
    "ncclFloat8e5m2": ("HCCL_DATA_TYPE_FP8E5M2", None),
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

REPO_KEY = {"hicann/runtime": "RT", "hicann/ge": "GE", "hicann/hccl": "HCCL",
            "hicann/hcomm": "HCOMM"}
HEADER_WORDS = {"RT": "CANN runtime", "GE": "CANN GE", "HCCL": "HCCL", "HCOMM": "HCOMM"}
TITLES = {
    "RT": "CANN runtime (ACL) headers include/external/acl/*.h and the runtime API reference "
          "docs/zh/api_ref (shared/upstream/ascend/cann-api/acl_runtime_api*.tsv)",
    "GE": "CANN GE headers inc/external/acl/*.h "
          "(shared/upstream/ascend/cann-api/acl_runtime_api.tsv)",
    "HCCL": "HCCL collective API headers include/hccl.h, include/hccl_mc2.h "
            "(shared/upstream/ascend/cann-api/hccl_api.tsv)",
    "HCOMM": "HCOMM communicator headers include/hccl/hccl_comm.h, include/hccl/hccl_types.h, "
             "read from the public repository file (shared/upstream/ascend/cann-api/hccl_api.tsv)",
}
ID_PREFIX = {"RT": "cann-runtime", "GE": "cann-ge", "HCCL": "hccl", "HCOMM": "hcomm"}


def hcomm_record(md):
    """ascend/SOURCES.md gives HCOMM a file version and no date (no git snapshot was available);
    the date is the day the snapshot was collected ("Collected 2026-11-22")."""
    text = read_text(md)
    m = re.search(r"\| HCOMM \| github\.com/hicann/hcomm .*?file version ([0-9a-f]{40})", text)
    require(m, f"{md}: no HCOMM file version")
    collected = re.search(r"Collected (\d{4}-\d{2}-\d{2})", text)
    require(collected, f"{md}: no collection date")
    return {"id": "", "title": TITLES["HCOMM"], "repository": "https://github.com/hicann/hcomm",
            "commit": m.group(1), "path": "include/hccl/hccl_comm.h; include/hccl/hccl_types.h",
            "date": collected.group(1),
            "license": "CANN Open Software License Agreement v2.0 (per file headers)"}


def best_declaration(rows):
    """The C declaration over the C++ inline overloads of one name."""
    return min(rows, key=lambda r: (KIND_ORDER.index(r["kind"]) if r["kind"] in KIND_ORDER
                                    else 99, r["header"]))


def outputs(universe, log=sys.stderr):
    up = universe.upstream
    d = up / "ascend" / "cann-api"
    md = up / "ascend" / "SOURCES.md"
    decls = {}
    for f in ("acl_runtime_api.tsv", "hccl_api.tsv"):
        for r in read_tsv(d / f):
            require(r["repo"] in REPO_KEY, f"{f}: unknown repo {r['repo']}")
            decls.setdefault(r["name"], []).append(r)
    support = {}
    for r in read_tsv(d / "acl_runtime_api_product_support.tsv"):
        # the C API row wins over a C++ template overload of the same name
        if r["api"] not in support or support[r["api"]]["signature"].startswith("template"):
            support[r["api"]] = r

    universe_names = {s["name"] for s in universe.cuda.symbols["cuda_runtime"] +
                      universe.cuda.symbols["nccl"]}
    def lookup(name):
        return best_declaration(decls[name]) if name in decls else None

    where = "acl_runtime_api.tsv or hccl_api.tsv"
    pairs, dropped = role_pairs(PAIRS, universe_names, lookup, where)
    more, dropped_more = role_pairs(HCCL_PAIRS, universe_names, lookup, where)
    pairs.update(more)
    dropped += dropped_more
    for cuda, acl, why in dropped:
        print(f"ascend: dropped pair {cuda} -> {acl}: {why}", file=log)
    twins = {}
    for stem, src, prefixes in (("cuda_runtime", "cuda", ["aclrt", "acl"]),
                                ("nccl", "nccl", ["Hccl"])):
        for sym in universe.cuda.symbols[stem]:
            if sym["name"] in pairs or sym["kind"] != "function":
                continue
            for target, subs in vocabulary_twins(sym["name"], src, prefixes, ACL_VOCABULARY):
                if lookup(target) is not None and lookup(target)["kind"] == "function":
                    twins[sym["name"]] = (target, subs, lookup(target))
                    break

    paths = {k: set() for k in REPO_KEY.values()}
    for acl, facts, decl in list(pairs.values()) + list(twins.values()):
        paths[REPO_KEY[decl["repo"]]].add(decl["header"])
        if acl in support:
            paths["RT"].add("docs/zh/api_ref/" + support[acl]["doc_file"])
    records = {}
    for key in ("RT", "GE", "HCCL", "HCOMM"):
        rec = hcomm_record(md) if key == "HCOMM" else \
            record(md, key, ID_PREFIX[key], TITLES[key], "")
        rec["path"] = "; ".join(sorted(paths[key])) or rec["path"] or "include/"
        rec["id"] = f"{ID_PREFIX[key]}-{short(rec['commit'])}"
        records[key] = rec

    def product_limits(acl):
        row = support.get(acl)
        no = [label for col, label in PRODUCTS if row and row.get(col) == "N"]
        return (["the CANN runtime API reference marks it unsupported on " + ", ".join(no)]
                if no else [])

    out = {}
    for stem, unknown_words, unknown_src in (
            ("cuda_runtime", "no public CUDA->ACL table exists", "RT"),
            ("nccl", "no public NCCL->HCCL table exists", "HCCL")):
        entries = []
        for sym in universe.cuda.symbols[stem]:
            name = sym["name"]
            if name in twins:
                acl, subs, decl = twins[name]
                key = REPO_KEY[decl["repo"]]
                how = ("the same name after the prefix" if not subs else
                       "the same name after the prefix in ACL's words (" + ", ".join(subs) + ")")
                parts = [f"{HEADER_WORDS[key]} header {decl['header']} declares {acl}, {how} "
                         f"({decl['param_count']} parameter{'' if decl['param_count'] == '1' else 's'}); "
                         "arguments not compared"]
                if name in TWIN_FACTS:
                    parts.append(TWIN_FACTS[name])
                if decl["deprecated"] == "1":
                    parts.append(f"{acl} is marked deprecated in the header")
                parts += product_limits(acl)
                entries.append(entry(name, "mapped", records[key]["id"], "inferred", target=acl,
                                     note=join_note(parts)))
                continue
            if name not in pairs:
                if sym["kind"] == "function" and sym["library"] in ("cudart", "nccl") and \
                        not VECTOR_TYPES.fullmatch(name):  # library_roles.py answers those
                    entries.append(entry(
                        name, "unknown", records[unknown_src]["id"], "inferred",
                        note=join_note([f"{unknown_words}; the importer's correspondence table "
                                        "has no pair for this symbol"])))
                continue
            acl, facts, decl = pairs[name]
            key = REPO_KEY[decl["repo"]]
            parts = [f"role correspondence; target declared in {HEADER_WORDS[key]} header "
                     f"{decl['header']}"]
            if decl["deprecated"] == "1":
                parts.append(f"{acl} is marked deprecated in the header")
            if facts:
                parts.extend(facts.split(". "))
            parts += product_limits(acl)
            entries.append(entry(name, "mapped", records[key]["id"], "inferred", target=acl,
                                 note=join_note(parts)))
        used = [r for r in records.values() if any(e["source"] == r["id"] for e in entries)]
        snap = "; ".join(f"{r['repository'][19:]} {r['commit']}, {r['date']}" for r in used)
        hdr = generated_header(SCRIPT, ["ascend/cann-api/acl_runtime_api.tsv",
                                        "ascend/cann-api/acl_runtime_api_product_support.tsv",
                                        "ascend/cann-api/hccl_api.tsv"], snap)
        out[f"ascend/{stem}.yaml"] = (hdr, coverage_doc(PLATFORM, list(records.values()),
                                                        entries))
    return out, dropped
