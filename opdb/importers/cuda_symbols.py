"""The source-side universe of the walking skeleton: the CUDA runtime core and a cuBLAS seed.

Reads cuda/api_names.tsv and cuda/versions.tsv (the CUDA 13.0 header inventory) and
hipify/cuda2hip.tsv (HIPIFY's section names and CUDA added/deprecated/removed versions).
Writes opdb/source/cuda_runtime_core.yaml and opdb/source/cublas_seed.yaml.

The runtime functions are the rows of HIPIFY's CUDA_RUNTIME_FUNCTION_MAP in the sections below
(including their "[DEPRECATED]"/"[REMOVED]" variants) whose name is a cudart `function` in the
CUDA 13.0 inventory, plus the rows HIPIFY marks CUDA_REMOVED (kept with their removed version).
The types, enum values and flag macros are a fixed list of the ones a typical program uses.
"""

import re

from common import UpstreamError, generated_header, read_text, read_tsv, require

SCRIPT = "cuda_symbols.py"

# HIPIFY section (without its " [DEPRECATED]"/" [REMOVED]" suffix) -> opdb category.
RUNTIME_SECTIONS = {
    "Device Management": "cuda-runtime/device",
    "Memory Management": "cuda-runtime/memory",
    "Stream Management": "cuda-runtime/stream",
    "Event Management": "cuda-runtime/event",
    "Execution Control": "cuda-runtime/launch",
    "Occupancy": "cuda-runtime/launch",
    "Error Handling": "cuda-runtime/error",
    "Version Management": "cuda-runtime/version",
    "Peer Device Memory Access": "cuda-runtime/peer",
    "Stream Ordered Memory Allocator": "cuda-runtime/memory-pool",
    # cudaPointerGetAttributes: a question about memory, reported with it.
    "Unified Addressing": "cuda-runtime/memory",
}

# The core runtime types, enum values and flag macros a typical program uses (category
# cuda-runtime/types). Kinds and headers come from cuda/api_names.tsv.
RUNTIME_TYPES = [
    # handles, status and descriptors
    "cudaError_t", "cudaStream_t", "cudaEvent_t", "cudaMemPool_t", "cudaDeviceProp", "dim3",
    "cudaDeviceAttr", "cudaPointerAttributes", "cudaFuncAttributes", "cudaLimit",
    "cudaFuncCache", "cudaMemoryType", "cudaMemcpyKind", "cudaIpcMemHandle_t",
    "cudaIpcEventHandle_t", "cudaHostFn_t", "cudaStreamCallback_t", "cudaExtent",
    "cudaPitchedPtr", "cudaPos", "cudaArray_t", "cudaChannelFormatDesc",
    # error codes
    "cudaSuccess", "cudaErrorInvalidValue", "cudaErrorMemoryAllocation", "cudaErrorNotReady",
    "cudaErrorInvalidDevice", "cudaErrorNoDevice",
    # cudaMemcpyKind
    "cudaMemcpyHostToHost", "cudaMemcpyHostToDevice", "cudaMemcpyDeviceToHost",
    "cudaMemcpyDeviceToDevice", "cudaMemcpyDefault",
    # cudaDeviceAttr, cudaMemoryType, cudaLimit, cudaFuncCache
    "cudaDevAttrMultiProcessorCount", "cudaDevAttrMaxThreadsPerBlock",
    "cudaDevAttrComputeCapabilityMajor", "cudaDevAttrComputeCapabilityMinor",
    "cudaMemoryTypeHost", "cudaMemoryTypeDevice", "cudaMemoryTypeManaged",
    "cudaMemoryTypeUnregistered", "cudaLimitStackSize", "cudaLimitMallocHeapSize",
    "cudaLimitPrintfFifoSize", "cudaFuncCachePreferNone", "cudaFuncCachePreferShared",
    "cudaFuncCachePreferL1", "cudaFuncCachePreferEqual",
    # flag macros
    "cudaStreamDefault", "cudaStreamNonBlocking", "cudaStreamLegacy", "cudaStreamPerThread",
    "cudaEventDefault", "cudaEventBlockingSync", "cudaEventDisableTiming",
    "cudaEventInterprocess", "cudaHostAllocDefault", "cudaHostAllocPortable",
    "cudaHostAllocMapped", "cudaHostAllocWriteCombined", "cudaHostRegisterDefault",
    "cudaHostRegisterPortable", "cudaHostRegisterMapped", "cudaMemAttachGlobal",
    "cudaMemAttachHost", "cudaDeviceScheduleAuto", "cudaDeviceScheduleSpin",
    "cudaDeviceScheduleYield", "cudaDeviceScheduleBlockingSync", "cudaDeviceMapHost",
    "cudaIpcMemLazyEnablePeerAccess",
]

# cuBLAS handle/GEMM basics: name -> the api_names.tsv kind to use. cublasSgemm is both a legacy
# cublas.h function and the cublas_v2.h macro; the v2 macro is what current code calls.
CUBLAS_SEED = {
    "cublasCreate_v2": "function", "cublasDestroy_v2": "function",
    "cublasSetStream_v2": "function", "cublasSgemm_v2": "function", "cublasHgemm": "function",
    "cublasGemmEx": "function", "cublasSgemmStridedBatched": "function",
    "cublasCreate": "macro", "cublasDestroy": "macro", "cublasSgemm": "macro",
    "cublasSetStream": "macro",
    "cublasHandle_t": "type", "cublasStatus_t": "type",
    "CUBLAS_STATUS_SUCCESS": "enum", "CUBLAS_OP_N": "enum", "CUBLAS_OP_T": "enum",
}

OPDB_KIND = {"function": "function", "type": "type", "enum": "enum_value", "macro": "macro"}

HEADER_PREFERENCE = ["cuda_runtime_api.h", "driver_types.h", "vector_types.h", "cublas_api.h",
                     "cublas_v2.h"]

# cuda/SOURCES.md names no date for the header snapshot; this is the day the snapshot was read
# (the same collection as ascend/SOURCES.md, "Collected 2026-11-22").
CUDA_HEADERS_READ = "2026-11-22"

# HIPIFY map that holds each (library, opdb kind) pair; used to pick the right row of a name.
HIPIFY_MAP = {
    ("cudart", "function"): "CUDA_RUNTIME_FUNCTION_MAP",
    ("cudart", "type"): "CUDA_RUNTIME_TYPE_NAME_MAP",
    ("cudart", "enum_value"): "CUDA_RUNTIME_TYPE_NAME_MAP",
    ("cudart", "macro"): "CUDA_RUNTIME_TYPE_NAME_MAP",
    ("cublas", "function"): "CUDA_BLAS_FUNCTION_MAP",
    ("cublas", "macro"): "CUDA_BLAS_FUNCTION_MAP",
    ("cublas", "type"): "CUDA_BLAS_TYPE_NAME_MAP",
    ("cublas", "enum_value"): "CUDA_BLAS_TYPE_NAME_MAP",
}

FILES = ["cuda_runtime_core", "cublas_seed"]


def flags_of(row):
    return set(row["support_flags"].split("|")) if row else set()


def cuda_removed(row):
    return bool(flags_of(row) & {"CUDA_REMOVED", "REMOVED"})


class Universe:
    """The source-side symbols per file, and the inputs the platform importers share."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.hipify_rows = read_tsv(upstream / "hipify" / "cuda2hip.tsv")
        self.hipify_by_name = {}
        for row in self.hipify_rows:
            self.hipify_by_name.setdefault(row["cuda_name"], []).append(row)
        self.hipify = hipify_record(upstream)
        self.api = {}
        for row in read_tsv(upstream / "cuda" / "api_names.tsv"):
            self.api.setdefault((row["library"], row["name"]), {})[row["kind"]] = row
        self.versions = {r["component"]: r["version"] for r in
                         read_tsv(upstream / "cuda" / "versions.tsv")}
        self.files = {}      # file stem -> [symbol dict]
        self.sources = {}    # file stem -> [source record]
        self.hip_source_files = {}  # file stem -> set of HIPIFY source file basenames
        self._build_runtime()
        self._build_cublas()

    # -- HIPIFY rows ----------------------------------------------------------------------
    def hipify_row(self, sym):
        """HIPIFY's row for a symbol: the row in the map for its library and kind, else any."""
        rows = self.hipify_by_name.get(sym["name"], [])
        want = HIPIFY_MAP.get((sym["library"], sym["kind"]))
        for row in rows:
            if row["map"] == want:
                return row
        return rows[0] if rows else None

    # -- building -------------------------------------------------------------------------
    def _symbol(self, name, kind, library, category, source, header, row):
        s = {"name": name, "kind": kind, "library": library, "category": category,
             "source": source}
        if header:
            s["header"] = header
        if row:
            for key in ("added", "deprecated", "removed"):
                v = row["cuda_" + key]
                if v:
                    s[key] = v
        return s

    def _header(self, api_row):
        headers = api_row["headers"].split(";")
        for h in HEADER_PREFERENCE:
            if h in headers:
                return h
        return headers[0]

    def _build_runtime(self):
        cudart = self._cuda_record("cudart")
        symbols, hip_files = [], set()
        cudart_functions = {name for (lib, name), kinds in self.api.items()
                            if lib == "cudart" and "function" in kinds}
        seen = set()
        for row in self.hipify_rows:
            if row["map"] != "CUDA_RUNTIME_FUNCTION_MAP":
                continue
            base = re.sub(r"\s*\[[A-Z]+\]$", "", row["section"])
            category = RUNTIME_SECTIONS.get(base)
            name = row["cuda_name"]
            if category is None or name in seen:
                continue
            in_cuda13 = name in cudart_functions
            if not in_cuda13 and not cuda_removed(row):
                continue
            seen.add(name)
            hip_files.add(row["source"])
            if in_cuda13:
                api_row = self.api[("cudart", name)]["function"]
                symbols.append(self._symbol(name, "function", "cudart", category, cudart["id"],
                                            self._header(api_row), row))
            else:  # removed before CUDA 13.0: only HIPIFY knows it
                symbols.append(self._symbol(name, "function", "cudart", category,
                                            self.hipify["id"], None, row))
        for name in RUNTIME_TYPES:
            kinds = self.api.get(("cudart", name))
            require(kinds, f"cuda/api_names.tsv has no cudart name {name}")
            kind = next(k for k in ("type", "enum", "macro") if k in kinds)
            sym = self._symbol(name, OPDB_KIND[kind], "cudart", "cuda-runtime/types",
                               cudart["id"], self._header(kinds[kind]), None)
            row = self.hipify_row(sym)
            if row:
                hip_files.add(row["source"])
                for key in ("added", "deprecated", "removed"):
                    if row["cuda_" + key]:
                        sym[key] = row["cuda_" + key]
            symbols.append(sym)
        symbols.sort(key=lambda s: (s["category"], s["name"]))
        self.files["cuda_runtime_core"] = symbols
        srcs = [cudart, self._hipify_versions_record(hip_files)]
        self.sources["cuda_runtime_core"] = srcs
        self.hip_source_files["cuda_runtime_core"] = hip_files

    def _build_cublas(self):
        cublas = self._cuda_record("cublas")
        symbols, hip_files = [], set()
        for name, kind in CUBLAS_SEED.items():
            kinds = self.api.get(("cublas", name), {})
            require(kind in kinds, f"cuda/api_names.tsv has no cublas {kind} {name}")
            sym = self._symbol(name, OPDB_KIND[kind], "cublas", "cublas", cublas["id"],
                               self._header(kinds[kind]), None)
            row = self.hipify_row(sym)
            if row:
                hip_files.add(row["source"])
                for key in ("added", "deprecated", "removed"):
                    if row["cuda_" + key]:
                        sym[key] = row["cuda_" + key]
            symbols.append(sym)
        symbols.sort(key=lambda s: (s["category"], s["name"]))
        self.files["cublas_seed"] = symbols
        self.sources["cublas_seed"] = [cublas, self._hipify_versions_record(hip_files)]
        self.hip_source_files["cublas_seed"] = hip_files

    # -- provenance -----------------------------------------------------------------------
    def cuda_version(self):
        v = self.versions.get("CUDA runtime (CUDART_VERSION)", "")
        require(re.fullmatch(r"\d{4,5}", v), "cuda/versions.tsv: no CUDART_VERSION")
        return f"{int(v) // 1000}.{int(v) % 1000 // 10}", v

    def _cuda_record(self, library):
        cuda, raw = self.cuda_version()
        if library == "cudart":
            wheel = self.versions.get("nvidia_cuda_runtime (wheel)")
            require(wheel, "cuda/versions.tsv: no nvidia_cuda_runtime wheel version")
            return {
                "id": f"cuda-{cuda}-cudart",
                "title": f"CUDA {cuda} runtime headers (CUDART_VERSION {raw}) as shipped in "
                         f"NVIDIA's nvidia-cuda-runtime {wheel} wheel: API names, kinds and "
                         "headers (shared/upstream/cuda/api_names.tsv)",
                "url": f"https://pypi.org/project/nvidia-cuda-runtime/{wheel}/",
                "path": "include/cuda_runtime_api.h; include/driver_types.h; "
                        "include/vector_types.h",
                "date": CUDA_HEADERS_READ,
                "license": "NVIDIA CUDA Toolkit EULA (only names, kinds and header names are "
                           "used)",
            }
        ver = self.versions.get("cuBLAS")
        wheel = self.versions.get("nvidia_cublas (wheel)")
        require(ver and wheel, "cuda/versions.tsv: no cuBLAS version")
        return {
            "id": f"cublas-{ver}",
            "title": f"cuBLAS {ver} headers (CUDA {cuda}) as shipped in NVIDIA's nvidia-cublas "
                     f"{wheel} wheel: API names, kinds and headers "
                     "(shared/upstream/cuda/api_names.tsv)",
            "url": f"https://pypi.org/project/nvidia-cublas/{wheel}/",
            "path": "include/cublas_api.h; include/cublas_v2.h",
            "date": CUDA_HEADERS_READ,
            "license": "NVIDIA CUDA Toolkit EULA (only names, kinds and header names are used)",
        }

    def _hipify_versions_record(self, hip_files):
        rec = dict(self.hipify)
        rec["title"] = ("HIPIFY CUDA->HIP tables: section names and the CUDA versions that "
                        "added, deprecated or removed each name "
                        "(shared/upstream/hipify/cuda2hip.tsv)")
        rec["path"] = "; ".join("src/" + f for f in sorted(hip_files))
        return rec

    def snapshot(self):
        cuda, raw = self.cuda_version()
        return (f"CUDA {cuda} headers, CUDART_VERSION {raw}, cuBLAS "
                f"{self.versions.get('cuBLAS')}; ROCm/HIPIFY {self.hipify['commit']}, "
                f"{self.hipify['date']}")

    def outputs(self):
        out = {}
        for stem in FILES:
            header = generated_header(
                SCRIPT, ["cuda/api_names.tsv", "cuda/versions.tsv", "hipify/cuda2hip.tsv"],
                self.snapshot())
            doc = {"opdb": 1, "kind": "symbols", "sources": self.sources[stem],
                   "symbols": self.files[stem]}
            out[f"source/{stem}.yaml"] = (header, doc)
        return out


def hipify_record(upstream):
    """HIPIFY's provenance from hipify/SOURCES.md (commit used, commit date, license)."""
    md = upstream / "hipify" / "SOURCES.md"
    text = read_text(md)
    commit = re.search(r"\|\s*commit used\s*\|\s*`([0-9a-f]{40})`", text)
    date = re.search(r"\|\s*commit date\s*\|\s*(\d{4}-\d{2}-\d{2})", text)
    license_ = re.search(r"\|\s*license\s*\|\s*([A-Za-z0-9.+-]+)", text)
    repo = re.search(r"\|\s*upstream repo\s*\|\s*([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)", text)
    if not (commit and date and license_ and repo):
        raise UpstreamError(f"{md}: cannot read commit, date, license and repository")
    return {
        "id": f"hipify-{commit.group(1)[:8]}",
        "title": "HIPIFY CUDA->HIP/ROC mapping tables (shared/upstream/hipify/cuda2hip.tsv)",
        "repository": f"https://github.com/{repo.group(1)}",
        "commit": commit.group(1),
        "path": "src/CUDA2HIP_*_API_functions.cpp; src/CUDA2HIP_*_API_types.cpp",
        "date": date.group(1),
        "license": license_.group(1),
    }
