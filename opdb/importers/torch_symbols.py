"""The PyTorch side of the source universe: aten operators, the torch.* Python API, and the C++
extension surface (c10::cuda / at::cuda).

Reads pytorch/native_functions_ops.tsv (PyTorch 2.14.1 native_functions.yaml, one row per
`func:` with its dispatch keys), pytorch/hipify_torch_cuda_to_hip_mappings.tsv (the C++ names
PyTorch's ROCm build rewrites) and the torch.* API lists of the vendors
(cambricon/torch_mlu_api_support.tsv, ascend/torch_npu/torch_api_npu_support.tsv,
ascend/mstt-msfmktransplt/torch_api_support_long.tsv, enflame/torch_gcu_oplist.tsv). Writes
opdb/source/aten.yaml, source/torch_api.yaml and source/torch_cpp.yaml.

  * aten: `aten::<name>[.<overload>]`, kind aten_op, category `aten` or `aten/<python_module>`,
    `dispatch` = the effective backend keys (plus CompositeImplicitAutograd for entries with
    neither dispatch nor structured_delegate, which the ATen README calls implicitly composite),
    `signature` = the schema.
  * torch API: the public names native_functions.yaml implies (function variants -> torch.X,
    method variants -> torch.Tensor.X, linalg_/fft_/special_ -> torch.linalg/fft/special.X), and
    every torch.* / torchvision.ops.* name a vendor's support list names, as scripts write them.
    Category `torch-api/<module>`.
  * C++ surface: the identifiers of hipify_torch's PYTORCH_SPECIFIC_MAPPINGS and C10_MAPPINGS
    that are C++ names of the c10::cuda / at::cuda API (no headers, macros or paths), qualified
    as code writes them: `c10::cuda::getCurrentCUDAStream`, `at::cuda::getCurrentCUDAStream`.
"""

import re

from common import read_text, read_tsv, record, require

SCRIPT = "torch_symbols.py"

# torch API name prefixes -> category, longest first.
API_MODULES = [
    "torch.nn.functional", "torch.nn.init", "torch.nn.parallel", "torch.nn.utils", "torch.nn",
    "torch.cuda.amp", "torch.cuda", "torch.backends", "torch.distributed", "torch.Tensor",
    "torch.autograd", "torch.optim", "torch.utils.data", "torch.utils.cpp_extension",
    "torch.utils", "torch.linalg", "torch.fft", "torch.special", "torch.sparse", "torch.amp",
    "torch.jit", "torch.fx", "torch.onnx", "torch.distributions", "torch.profiler",
    "torch.ao", "torch.quantization", "torch.export", "torch.compiler", "torch.func",
    "torch.accelerator", "torch.random", "torch.mps", "torch.xpu", "torch.npu", "torch.mlu",
    "torch.gcu", "torch.Storage", "torch.testing", "torch.library", "torch.package",
    "torchvision.ops", "torch",
]
# python_module of native_functions.yaml -> torch namespace of its public functions
PY_MODULES = {"linalg": ("torch.linalg", "linalg_"), "fft": ("torch.fft", "fft_"),
              "special": ("torch.special", "special_")}

API_NAME = re.compile(r"(?:torch|torchvision\.ops)(?:\.[A-Za-z_][A-Za-z0-9_]*)+")


def api_category(name):
    for m in API_MODULES:
        if name == m or name.startswith(m + "."):
            return "torch-api/" + m
    raise ValueError(name)


def normalize_api(raw):
    """The torch API name in a vendor list cell, or None: drops markup (`<code><i>class</i>
    </code>`), markdown escapes and trailing prose."""
    text = re.sub(r"<[^>]*>", " ", raw).replace("\\_", "_")
    text = re.sub(r"^\s*class\s+", "", text.strip())
    m = API_NAME.match(text)
    return m.group(0) if m else None


def pytorch_record(upstream):
    md = read_text(upstream / "pytorch" / "SOURCES.md")
    m = re.search(r"`python3-torch` \*\*(\S+)\*\* \(Debian unstable/sid, upload \"\w+, (\d+) "
                  r"(\w+) (\d{4})\"", md)
    require(m, "pytorch/SOURCES.md: no Debian package version and upload date")
    months = {mon: i for i, mon in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                              "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
    require(m.group(3) in months, "pytorch/SOURCES.md: bad upload month")
    date = f"{m.group(4)}-{months[m.group(3)]:02d}-{int(m.group(2)):02d}"
    tag = re.search(r"release \*\*(v[0-9.]+)\*\*", md)
    require(tag, "pytorch/SOURCES.md: no release tag")
    return {
        "id": f"pytorch-{tag.group(1)}",
        "title": f"PyTorch {tag.group(1)} native_functions.yaml (operator schemas and dispatch "
                 f"keys), as packaged in Debian python3-torch {m.group(1)} "
                 "(shared/upstream/pytorch/native_functions_ops.tsv)",
        "url": f"https://github.com/pytorch/pytorch/blob/{tag.group(1)}/aten/src/ATen/native/"
               "native_functions.yaml",
        "path": "aten/src/ATen/native/native_functions.yaml",
        "date": date,
        "license": "BSD-3-Clause",
    }


def hipify_torch_record(upstream):
    """ROCm/hipify_torch (the annotated CUDA->HIP mapping PyTorch's ROCm build derives from)."""
    md = read_text(upstream / "pytorch" / "SOURCES.md")
    m = re.search(r"\*\*ROCm/hipify_torch\*\*, branch master, HEAD `([0-9a-f]{40})` "
                  r"\((\d{4}-\d{2}-\d{2})", md)
    require(m, "pytorch/SOURCES.md: no ROCm/hipify_torch commit")
    return {
        "id": f"hipify-torch-{m.group(1)[:8]}",
        "title": "ROCm hipify_torch CUDA->HIP mappings used to build PyTorch and its CUDA "
                 "extensions for ROCm (shared/upstream/pytorch/hipify_torch_cuda_to_hip_mappings.tsv)",
        "repository": "https://github.com/ROCm/hipify_torch",
        "commit": m.group(1),
        "path": "hipify_torch/cuda_to_hip_mappings.py",
        "date": m.group(2),
        "license": "MIT",
    }


def vendor_list_records(upstream):
    """Provenance of the vendor torch API lists that contribute names to the universe."""
    cam = record(upstream / "cambricon" / "SOURCES.md", "TM24", "torch-mlu-api-list",
                 "Cambricon torch_mlu PyTorch API support list (generated against the "
                      "PyTorch 2.4 documentation; shared/upstream/cambricon/torch_mlu_api_support.tsv)",
                      "tools/autogen_torch_api/api_support_lists/torch_api.yaml; "
                      "tools/autogen_torch_api/api_support_lists/torchvision_api.yaml")
    asc = record(upstream / "ascend" / "SOURCES.md", "PT", "torch-npu-api-docs",
                 "torch_npu native API support documentation "
                      "(shared/upstream/ascend/torch_npu/torch_api_npu_support.tsv)",
                      "docs/zh/api/native_api/")
    mstt = record(upstream / "ascend" / "SOURCES.md", "MSTT", "mstt-api-lists",
                 "msFmkTransplt supported/unsupported torch API lists "
                       "(shared/upstream/ascend/mstt-msfmktransplt/torch_api_support_long.tsv)",
                       "msfmktransplt/src/ms_fmk_transplt/resource/")
    gcu = record(upstream / "enflame" / "SOURCES.md", "TGCU", "torch-gcu-oplist",
                 "torch_gcu operator support list (torch_gcu_op.rst; "
                      "shared/upstream/enflame/torch_gcu_oplist.tsv)",
                      "torch_gcu/manuals/oplist_torch_gcu/content/source/torch_gcu_op.rst")
    return cam, asc, mstt, gcu


def list_names(upstream):
    """[(record key, api name)] from every vendor list, in priority order."""
    out = []
    for r in read_tsv(upstream / "cambricon" / "torch_mlu_api_support.tsv"):
        out.append(("cam", r["api"]))
    for r in read_tsv(upstream / "ascend" / "torch_npu" / "torch_api_npu_support.tsv"):
        out.append(("asc", r["api"]))
    for r in read_tsv(upstream / "ascend" / "mstt-msfmktransplt" / "torch_api_support_long.tsv"):
        out.append(("mstt", r["api"]))
    for r in read_tsv(upstream / "enflame" / "torch_gcu_oplist.tsv"):
        if r["api"].startswith("torch.") and not r["api"].startswith(("torch.gcu", "torch.ops.")):
            out.append(("gcu", r["api"]))
    return out


# C++ names of the c10::cuda / at::cuda API among hipify_torch's mappings, after the namespace:
# classes and functions of the stream/guard/allocator/device API, and the C10_CUDA_* macros.
CPP_NAME = re.compile(r"(?:[A-Z][A-Za-z]*CUDA[A-Za-z]*|CUDA[A-Za-z]+|get[A-Za-z]*Stream[A-Za-z]*|"
                      r"set[A-Za-z]*CUDAStream|[a-z][a-z_]*)(?:::[A-Za-z]+)?")
CPP_MACRO = re.compile(r"C10_CUDA_[A-Z_]+")
# Which hipify_torch map a namespace's names take their HIP name from first: ATen code gets the
# "MasqueradingAsCUDA" types, c10 code the plain HIP ones.
MAP_PREFERENCE = {"at::cuda::": ["PYTORCH_SPECIFIC_MAPPINGS", "C10_MAPPINGS"],
                  "c10::cuda::": ["C10_MAPPINGS", "PYTORCH_SPECIFIC_MAPPINGS"]}


class TorchUniverse:
    def __init__(self, upstream):
        self.upstream = upstream
        self.pytorch = pytorch_record(upstream)
        self.hipify_torch = hipify_torch_record(upstream)
        self.records = dict(zip(("cam", "asc", "mstt", "gcu"), vendor_list_records(upstream)))
        self.ops = read_tsv(upstream / "pytorch" / "native_functions_ops.tsv")
        require(self.ops and {"op", "dispatch_keys", "effective_backend_keys",
                              "implicit_composite"} <= set(self.ops[0]),
                "pytorch/native_functions_ops.tsv: unexpected columns")
        self.aten = self._aten()
        self.aten_by_name = {s["name"]: s for s in self.aten}
        self.api = self._api()
        self.api_names = {s["name"] for s in self.api}
        self.cpp, self.cpp_targets = self._cpp()

    def _aten(self):
        out = []
        for r in self.ops:
            keys = [k for k in r["effective_backend_keys"].split(",") if k]
            if r["implicit_composite"] == "True" and "CompositeImplicitAutograd" not in keys:
                keys.append("CompositeImplicitAutograd")
            module = r["python_module"]
            sym = {"name": "aten::" + r["op"], "kind": "aten_op", "library": "aten",
                   "category": f"aten/{module}" if module else "aten",
                   "source": self.pytorch["id"]}
            if keys:
                sym["dispatch"] = sorted(set(keys))
            sym["signature"] = r["schema"]
            out.append(sym)
        out.sort(key=lambda s: (s["category"], s["name"]))
        return out

    def _api(self):
        names = {}
        for r in self.ops:
            base = r["name"]
            if base.startswith("_"):
                continue
            variants = {v.strip() for v in r["variants"].split(",")}
            module = r["python_module"]
            if module in PY_MODULES:
                ns, prefix = PY_MODULES[module]
                if base.startswith(prefix) and "function" in variants:
                    names.setdefault(f"{ns}.{base[len(prefix):]}", self.pytorch["id"])
                continue
            if module:
                continue  # nn/sparse/nested: exposed under other names
            if "function" in variants and not base.endswith("_out"):
                names.setdefault(f"torch.{base}", self.pytorch["id"])
            if "method" in variants:
                names.setdefault(f"torch.Tensor.{base}", self.pytorch["id"])
        for key, raw in list_names(self.upstream):
            name = normalize_api(raw)
            if name:
                names.setdefault(name, self.records[key]["id"])
        out = [{"name": n, "kind": "torch_api", "library": "torch", "category": api_category(n),
                "source": src} for n, src in names.items()]
        out.sort(key=lambda s: (s["category"], s["name"]))
        return out

    def _cpp(self):
        """C++ extension symbols and their HIP names ({symbol: (hip name, map)})."""
        found = {}  # (map, bare name) -> hip name, first row wins
        macros = {}
        for r in read_tsv(self.upstream / "pytorch" / "hipify_torch_cuda_to_hip_mappings.tsv"):
            if r["map"] not in ("PYTORCH_SPECIFIC_MAPPINGS", "C10_MAPPINGS"):
                continue
            cuda, hip = r["cuda_name"].strip(), r["hip_name"].strip()
            if CPP_MACRO.fullmatch(cuda):
                macros.setdefault(cuda, hip)
                continue
            m = re.fullmatch(r"(?:at::|c10::)?cuda::(.+)", cuda)
            bare = m.group(1) if m else cuda
            if not CPP_NAME.fullmatch(bare) or (not m and bare.islower()) or \
                    bare.startswith("gloo::"):
                continue  # lower-case names only when written with their namespace
            hip_bare = re.sub(r"^(?:at::|c10::)?hip::", "", hip)
            found.setdefault((r["map"], bare), hip_bare)
        targets = {}
        for ns, maps in MAP_PREFERENCE.items():
            for bare in sorted({b for _, b in found}):
                for mp in maps:
                    if (mp, bare) in found:
                        targets[ns + bare] = (ns.replace("cuda", "hip") + found[(mp, bare)], mp)
                        break
        for name, hip in macros.items():
            targets[name] = (hip, "C10_MAPPINGS")
        # A class name is capitalised (CUDAGuard); a function (getCurrentCUDAStream, ::get) not.
        out = []
        for n in sorted(targets):
            last = n.rsplit("::", 1)[-1]
            kind = "macro" if CPP_MACRO.fullmatch(n) else "type" if last[0].isupper() else "function"
            out.append({"name": n, "kind": kind, "library": "torch_cuda", "category": "pytorch-cpp",
                        "source": self.hipify_torch["id"]})
        return out, targets

    def outputs(self):
        from common import generated_header
        pt = self.pytorch
        out = {}
        hdr = generated_header(SCRIPT, ["pytorch/native_functions_ops.tsv"],
                               f"PyTorch {pt['id'][8:]}, Debian python3-torch, {pt['date']}")
        out["source/aten.yaml"] = (hdr, {"opdb": 1, "kind": "symbols", "sources": [pt],
                                         "symbols": self.aten})
        used = {s["source"] for s in self.api}
        api_sources = [pt] + [r for r in self.records.values() if r["id"] in used]
        hdr = generated_header(SCRIPT, ["pytorch/native_functions_ops.tsv",
                                        "cambricon/torch_mlu_api_support.tsv",
                                        "ascend/torch_npu/torch_api_npu_support.tsv",
                                        "ascend/mstt-msfmktransplt/torch_api_support_long.tsv",
                                        "enflame/torch_gcu_oplist.tsv"],
                               "; ".join([f"PyTorch {pt['id'][8:]}"] +
                                         [f"{r['repository'][19:]} {r['commit']}, {r['date']}"
                                          for r in api_sources[1:]]))
        out["source/torch_api.yaml"] = (hdr, {"opdb": 1, "kind": "symbols",
                                              "sources": api_sources, "symbols": self.api})
        ht = self.hipify_torch
        hdr = generated_header(SCRIPT, ["pytorch/hipify_torch_cuda_to_hip_mappings.tsv"],
                               f"ROCm/hipify_torch {ht['commit']}, {ht['date']}")
        out["source/torch_cpp.yaml"] = (hdr, {"opdb": 1, "kind": "symbols", "sources": [ht],
                                              "symbols": self.cpp})
        return out
