"""Hygon DCU coverage of PyTorch: PyTorch for DCU is a ROCm (HIP) build of PyTorch.

Reads the aten universe (pytorch/native_functions_ops.tsv through TorchUniverse), the C++
extension names of ROCm/hipify_torch and the torch API universe. Writes opdb/dcu/aten.yaml,
opdb/dcu/torch_api.yaml and opdb/dcu/torch_cpp.yaml.

  * aten (derived from PyTorch's own dispatch table): a ROCm build compiles PyTorch's CUDA
    kernels through hipify and registers them under the CUDA dispatch key, so an op with a CUDA
    (or SparseCUDA, ...) kernel, or a composite one, is native; an op with neither exists on no
    CUDA device either -> missing. cuDNN-only ops (cudnn_*) are the exception: ROCm builds use
    MIOpen (the miopen_* ops) and compile without cuDNN -> missing, inferred.
  * torch API: torch.cuda.*, torch.backends.cuda.*/cudnn.* and Tensor/Module .cuda keep their
    names on ROCm builds (the HIP device is exposed as "cuda") -> native, inferred. Every other
    torch.* name of the universe -> native, inferred (PyTorch's HIP semantics note: ROCm builds
    reuse the CUDA interfaces), unless every aten overload of the same name is missing above
    (cuDNN-only, no CUDA kernel) -> missing with that reason. The Python scanner's `device:cuda`
    and `dist_backend:nccl` -> native. Prefix entries (`torch.*`, `at::*`, `c10::*`,
    `torch::*` native; `torch.ops.*` unknown) answer the names the universe does not list.
  * C++ extension surface (c10::cuda / at::cuda): torch.utils.cpp_extension hipifies extension
    sources with these mappings on ROCm builds -> mapped to the HIP name, derived.
"""

import re

from common import entry, join_note
from torch_common import COMPOSITE_KEYS, document

SCRIPT = "dcu_torch.py"
PLATFORM = "dcu"
CUDA_KEYS = ("CUDA", "SparseCUDA", "SparseCsrCUDA", "NestedTensorCUDA", "QuantizedCUDA")
ROCM_API = re.compile(r"torch\.(cuda|backends\.(cuda|cudnn))(\.|$)|torch\.(Tensor|nn\.Module)\."
                      r"(cuda|is_cuda)$")


def aten_entries(universe, src):
    out = []
    for sym in universe.torch.aten:
        keys = sym.get("dispatch", [])
        cuda = [k for k in keys if k in CUDA_KEYS]
        comp = [k for k in keys if k in COMPOSITE_KEYS]
        base = sym["name"][len("aten::"):].split(".")[0]
        if re.match(r"_?cudnn_", base):
            out.append(entry(sym["name"], "missing", src, "inferred", note=join_note([
                "a cuDNN operator: PyTorch's ROCm builds compile without cuDNN and use MIOpen "
                "(the aten::miopen_* operators) instead"])))
        elif cuda:
            out.append(entry(sym["name"], "native", src, "derived", note=join_note([
                f"PyTorch registers a {'/'.join(cuda)} kernel; ROCm builds compile the CUDA "
                "kernels through hipify and serve HIP devices under the same dispatch key"])))
        elif comp:
            out.append(entry(sym["name"], "native", src, "derived", note=join_note([
                f"composite in PyTorch ({comp[0]}): runs on any device as other aten "
                "operators"])))
        else:
            out.append(entry(sym["name"], "missing", src, "derived", note=join_note([
                "PyTorch registers no CUDA kernel and no composite one (dispatch: "
                + (", ".join(keys) or "none") + "), so no CUDA or ROCm device runs it"])))
    return out


HIP_SEMANTICS = {
    "id": "pytorch-hip-semantics",
    "title": "PyTorch documentation, HIP (ROCm) semantics: \"HIP Interfaces Reuse the CUDA "
             "Interfaces\" (torch.cuda, the 'cuda' device type)",
    "url": "https://docs.pytorch.org/docs/stable/notes/hip.html",
    "date": "2026-12-07",
    "license": "BSD-3-Clause",
}


COMPILER_DOC = {
    "id": "pytorch-torch-compiler",
    "title": "PyTorch documentation, torch.compiler: TorchInductor, the default torch.compile "
             "backend, builds on Triton for NVIDIA, AMD and Intel GPUs",
    "url": "https://docs.pytorch.org/docs/stable/torch.compiler.html",
    "date": "2026-12-07",
    "license": "BSD-3-Clause",
}


def api_entries(universe, src, aten_src, aten_status):
    """Every torch.* name of the universe: native on PyTorch's ROCm build, which PyTorch for DCU
    is, except where the aten operator of the same name has no kernel a ROCm build registers."""
    out = []
    for sym in universe.torch.api:
        name = sym["name"]
        if ROCM_API.match(name):
            out.append(entry(name, "native", src, "inferred", note=join_note([
                "PyTorch's ROCm builds keep the torch.cuda API (the HIP device is the \"cuda\" "
                "device) and hipify_torch maps no Python name, so this runs unchanged",
                "torch.backends.cudnn settings apply to MIOpen on ROCm"
                if "cudnn" in name else None])))
            continue
        base = name.rsplit(".", 1)[-1]
        missing = aten_status.get(base) if name.startswith(("torch.", "torch.Tensor.")) else None
        if missing:
            out.append(entry(name, "missing", aten_src, "inferred", note=join_note([
                f"the aten operator {base} behind it is missing on ROCm builds: {missing}"])))
            continue
        out.append(entry(name, "native", HIP_SEMANTICS["id"], "inferred", note=join_note([
            "PyTorch for DCU is a ROCm build of PyTorch, which keeps PyTorch's Python API and "
            "reuses the CUDA interfaces (PyTorch's HIP semantics note), so this runs unchanged"])))
    # What the Python scanner reports besides torch.* names (analyzer/python/PythonFrontend.h).
    device = entry("device:cuda", "native", HIP_SEMANTICS["id"], "official", target="cuda",
                   note=join_note(["PyTorch's HIP semantics note: a ROCm build's HIP devices are "
                                   "'cuda' devices ('rocm' or 'hip' are not valid device types)"]))
    nccl = entry("dist_backend:nccl", "native", src, "inferred", target="nccl", note=join_note([
        "PyTorch's ROCm builds keep the 'nccl' backend name and build it on RCCL: hipify_torch "
        "maps <nccl.h> to <rccl/rccl.h> and renames no nccl* name"]))
    inductor = entry("compile_backend:inductor", "native", COMPILER_DOC["id"], "inferred",
                     target="inductor", note=join_note([
                         "PyTorch documents TorchInductor on AMD GPUs through Triton; PyTorch for "
                         "DCU is a ROCm build, so the default torch.compile backend is inferred to "
                         "work, as far as Triton supports the DCU's architecture"]))
    for e in (device, nccl, inductor):
        e["kind"], e["library"], e["category"] = "torch_api", "torch", "torch-api/devices"
        out.append(e)
    # Prefix entries (opdb/README.md): every other torch.* name the scanner resolves.
    rest = entry("torch.*", "native", HIP_SEMANTICS["id"], "inferred", note=join_note([
        "a torch.* name the opdb does not list one by one: PyTorch for DCU is a ROCm build of "
        "PyTorch, which keeps PyTorch's Python API and reuses the CUDA interfaces (PyTorch's HIP "
        "semantics note)"]))
    ops = entry("torch.ops.*", "unknown", HIP_SEMANTICS["id"], "inferred", note=join_note([
        "an operator a library or the project registers with PyTorch: it runs on DCU if its "
        "kernels are built for ROCm, which nothing public says for this one"]))
    for e in (rest, ops):
        e["kind"], e["library"], e["category"] = "torch_api", "torch", "torch-api/torch"
        out.append(e)
    return out


def aten_missing(entries):
    """{operator base name: reason} for aten operators no overload of which runs on ROCm."""
    by_base = {}
    for e in entries:
        base = e["symbol"][len("aten::"):].split(".")[0]
        by_base.setdefault(base, []).append(e)
    return {b: es[0]["note"].rstrip(".") for b, es in by_base.items()
            if all(e["status"] == "missing" for e in es)}


def cpp_entries(universe, src):
    out = []
    # Prefix entries (opdb/README.md) for the C++ API a CUDA extension uses besides the names
    # hipify_torch renames (those have entries of their own, below).
    for prefix in ("at::*", "c10::*", "torch::*"):
        e = entry(prefix, "native", src, "inferred", note=join_note([
            f"PyTorch's C++ API ({prefix[:-3]}): a ROCm build of PyTorch ships the same ATen/c10/"
            "torch C++ headers, and torch.utils.cpp_extension hipifies extension sources with "
            "hipify_torch's tables, which rename only the CUDA-specific names listed one by one "
            "in this file"]))
        e["kind"], e["library"], e["category"] = "function", "torch_cpp", "pytorch-cpp"
        out.append(e)
    for sym in universe.torch.cpp:
        hip, table = universe.torch.cpp_targets[sym["name"]]
        out.append(entry(sym["name"], "mapped", src, "derived", target=hip, note=join_note([
            f"hipify_torch's {table} rename it; torch.utils.cpp_extension applies them to "
            "extension sources on ROCm builds, so the source needs no edit"])))
    return out


def outputs(universe):
    pt = universe.torch.pytorch
    ht = universe.torch.hipify_torch
    aten = aten_entries(universe, pt["id"])
    return {
        "dcu/aten.yaml": document(PLATFORM, SCRIPT, ["pytorch/native_functions_ops.tsv"], [pt],
                                  aten),
        "dcu/torch_api.yaml": document(PLATFORM, SCRIPT,
                                       ["pytorch/hipify_torch_cuda_to_hip_mappings.tsv"],
                                       [ht, HIP_SEMANTICS, COMPILER_DOC, pt],
                                       api_entries(universe, ht["id"], pt["id"],
                                                   aten_missing(aten))),
        "dcu/torch_cpp.yaml": document(PLATFORM, SCRIPT,
                                       ["pytorch/hipify_torch_cuda_to_hip_mappings.tsv"], [ht],
                                       cpp_entries(universe, ht["id"])),
    }
