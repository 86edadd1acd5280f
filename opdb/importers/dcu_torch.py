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
    names on ROCm builds (the HIP device is exposed as "cuda") -> native, inferred.
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


def api_entries(universe, src):
    out = []
    for sym in universe.torch.api:
        if ROCM_API.match(sym["name"]):
            out.append(entry(sym["name"], "native", src, "inferred", note=join_note([
                "PyTorch's ROCm builds keep the torch.cuda API (the HIP device is the \"cuda\" "
                "device) and hipify_torch maps no Python name, so this runs unchanged",
                "torch.backends.cudnn settings apply to MIOpen on ROCm"
                if "cudnn" in sym["name"] else None])))
    return out


def cpp_entries(universe, src):
    out = []
    for sym in universe.torch.cpp:
        hip, table = universe.torch.cpp_targets[sym["name"]]
        out.append(entry(sym["name"], "mapped", src, "derived", target=hip, note=join_note([
            f"hipify_torch's {table} rename it; torch.utils.cpp_extension applies them to "
            "extension sources on ROCm builds, so the source needs no edit"])))
    return out


def outputs(universe):
    pt = universe.torch.pytorch
    ht = universe.torch.hipify_torch
    return {
        "dcu/aten.yaml": document(PLATFORM, SCRIPT, ["pytorch/native_functions_ops.tsv"], [pt],
                                  aten_entries(universe, pt["id"])),
        "dcu/torch_api.yaml": document(PLATFORM, SCRIPT,
                                       ["pytorch/hipify_torch_cuda_to_hip_mappings.tsv"], [ht],
                                       api_entries(universe, ht["id"])),
        "dcu/torch_cpp.yaml": document(PLATFORM, SCRIPT,
                                       ["pytorch/hipify_torch_cuda_to_hip_mappings.tsv"], [ht],
                                       cpp_entries(universe, ht["id"])),
    }
