"""Enflame torch.* answers that the torch_gcu manual's tables do not list, derived from what
torch_gcu's own release says about itself and from its aten registrations.

torch_gcu is a PrivateUse1 backend plug-in installed over the official PyTorch build (README;
user guide: "install the matching official PyTorch first"): the torch.* Python API is PyTorch's
own, and what runs on the GCU are the aten operators each call dispatches. So:

  1. transfer_to_gcu (official): the torch functions, Tensor and nn.Module methods and the
     distributed entry points whose device or backend argument the tool rewrites run on the GCU
     with 'gcu'/'eccl' in place of 'cuda'/'nccl' -> native; `torch.autocast`/`torch.amp.autocast`
     are routed to torch.gcu.amp.autocast (its amp rule; the AMP chapter documents
     torch.autocast("gcu")).
  2. the user guide's torch.gcu <-> torch.cuda table (torch_gcu_python_suppport.rst) -> mapped,
     official, for the torch.cuda names the universe does not list (torch.cuda.BFloat16Tensor).
  3. README feature table: torch.compile with the Inductor backend for GCU -> native, official.
  4. a torch.X / torch.Tensor.X / torch.linalg|fft|special.X / torch.nn.functional.X that
     PyTorch binds to aten operator X (native_functions.yaml variants and python_module), and
     the nn modules and conversions in BINDINGS -> the answer of that operator's overloads on
     torch_gcu (registered: native; composite or CPU fallback: emulated; some overloads without
     an answer: partial), confidence inferred.
  5. HOST_ONLY: PyTorch Python API that dispatches no device operator of its own (module
     bookkeeping, grad mode, dtype queries, seeding through torch.gcu's documented seeding) ->
     native, inferred, citing the README's PrivateUse1 statement.
A name with an answer from the manual's tables keeps it; nothing here overrides one.
"""

import re

from common import entry, join_note, read_text, record

# torch API -> (aten operator base name, what the call does), from PyTorch's Python sources: an
# nn module's forward calls the named functional, the conversions go through aten::_to_copy.
BINDINGS = {
    "torch.nn.Linear": ("linear", "its forward calls torch.nn.functional.linear"),
    "torch.nn.Embedding": ("embedding", "its forward calls torch.nn.functional.embedding"),
    "torch.nn.LayerNorm": ("layer_norm", "its forward calls torch.nn.functional.layer_norm"),
    "torch.nn.RMSNorm": ("rms_norm", "its forward calls torch.nn.functional.rms_norm"),
    "torch.nn.GroupNorm": ("group_norm", "its forward calls torch.nn.functional.group_norm"),
    "torch.nn.Conv1d": ("conv1d", "its forward calls torch.nn.functional.conv1d"),
    "torch.nn.Conv2d": ("conv2d", "its forward calls torch.nn.functional.conv2d"),
    "torch.nn.Dropout": ("dropout", "its forward calls torch.nn.functional.dropout"),
    "torch.nn.GELU": ("gelu", "its forward calls torch.nn.functional.gelu"),
    "torch.nn.SiLU": ("silu", "its forward calls torch.nn.functional.silu"),
    "torch.nn.ReLU": ("relu", "its forward calls torch.nn.functional.relu"),
    "torch.nn.Softmax": ("softmax", "its forward calls torch.nn.functional.softmax"),
    "torch.nn.CrossEntropyLoss": ("cross_entropy_loss", "its forward calls "
                                  "torch.nn.functional.cross_entropy"),
    "torch.nn.functional.cross_entropy": ("cross_entropy_loss", "it calls "
                                          "torch._C._nn.cross_entropy_loss"),
    "torch.nn.init.normal_": ("normal_", "it calls Tensor.normal_ under no_grad"),
    "torch.nn.init.zeros_": ("zero_", "it calls Tensor.zero_ under no_grad"),
    "torch.nn.init.ones_": ("fill_", "it calls Tensor.fill_ under no_grad"),
    "torch.nn.init.constant_": ("fill_", "it calls Tensor.fill_ under no_grad"),
    "torch.nn.init.uniform_": ("uniform_", "it calls Tensor.uniform_ under no_grad"),
    "torch.Tensor.cpu": ("_to_copy", "a copy to the CPU through aten::_to_copy"),
    "torch.Tensor.float": ("_to_copy", "a dtype conversion through aten::_to_copy"),
    "torch.Tensor.half": ("_to_copy", "a dtype conversion through aten::_to_copy"),
    "torch.Tensor.bfloat16": ("_to_copy", "a dtype conversion through aten::_to_copy"),
    "torch.Tensor.double": ("_to_copy", "a dtype conversion through aten::_to_copy"),
    "torch.Tensor.int": ("_to_copy", "a dtype conversion through aten::_to_copy"),
    "torch.Tensor.long": ("_to_copy", "a dtype conversion through aten::_to_copy"),
    "torch.Tensor.type": ("_to_copy", "a dtype conversion through aten::_to_copy"),
    "torch.Tensor.tolist": ("_to_copy", "it copies the values to the CPU (aten::_to_copy)"),
    "torch.nn.Module.to": ("_to_copy", "it moves parameters and buffers with Tensor.to "
                           "(aten::_to_copy)"),
    "torch.nn.utils.clip_grad_norm_": (("_foreach_norm", "_foreach_mul_"), "it computes the "
                                       "norm with torch._foreach_norm and scales with "
                                       "_foreach_mul_"),
    # Optimizers take the foreach path on a PrivateUse1 device (PyTorch's
    # _get_foreach_kernels_supported_devices lists the PrivateUse1 backend); fused=True would need
    # aten::_fused_adamw_ / _fused_adam_ instead.
    "torch.optim.AdamW": (("_foreach_mul_", "_foreach_lerp_", "_foreach_addcmul_",
                           "_foreach_sqrt", "_foreach_div_", "_foreach_add_", "_foreach_addcdiv_"),
                          "its default (foreach) step runs torch._foreach_* operators"),
    "torch.optim.Adam": (("_foreach_lerp_", "_foreach_addcmul_", "_foreach_sqrt",
                          "_foreach_div_", "_foreach_add_", "_foreach_addcdiv_"),
                         "its default (foreach) step runs torch._foreach_* operators"),
    "torch.optim.SGD": (("_foreach_add_", "_foreach_mul_"),
                        "its default (foreach) step runs torch._foreach_* operators"),
}

# PyTorch Python API that runs no device operator of its own: (name or `prefix.*`, why).
HOST_ONLY = [
    ("torch.Tensor", "the tensor class itself (construction, isinstance tests, annotations); "
     "its methods are answered one by one"),
    ("torch.nn.Module", "the module base class: Python bookkeeping of parameters, buffers and "
     "submodules"),
    ("torch.nn.Module.*", "module bookkeeping (parameters, state_dict, train/eval, hooks); the "
     "tensors it touches are answered per operator"),
    ("torch.nn.ModuleList", "a Python container of modules"),
    ("torch.nn.ModuleDict", "a Python container of modules"),
    ("torch.nn.Sequential", "a Python container that calls its modules in order"),
    ("torch.nn.ParameterList", "a Python container of parameters"),
    ("torch.nn.ParameterDict", "a Python container of parameters"),
    ("torch.nn.Parameter", "a Tensor subclass that marks a module parameter"),
    ("torch.nn.Identity", "returns its input"),
    ("torch.no_grad", "grad mode is a thread-local autograd flag, the same for every device"),
    ("torch.enable_grad", "grad mode is a thread-local autograd flag, the same for every device"),
    ("torch.inference_mode", "inference mode is a thread-local autograd flag, the same for every "
     "device"),
    ("torch.set_grad_enabled", "grad mode is a thread-local autograd flag"),
    ("torch.is_grad_enabled", "grad mode is a thread-local autograd flag"),
    ("torch.Tensor.backward", "the autograd engine is device-independent; the backward "
     "operators of each forward operator are answered per aten operator"),
    ("torch.autograd.backward", "the autograd engine is device-independent"),
    ("torch.get_default_dtype", "a process-wide dtype setting"),
    ("torch.set_default_dtype", "a process-wide dtype setting"),
    ("torch.finfo", "dtype properties, computed on the host"),
    ("torch.iinfo", "dtype properties, computed on the host"),
    ("torch.is_tensor", "a Python type test"),
    ("torch.Tensor.size", "tensor metadata, kept on the host"),
    ("torch.Tensor.dim", "tensor metadata, kept on the host"),
    ("torch.Tensor.numel", "tensor metadata, kept on the host"),
    ("torch.Tensor.numpy", "defined for CPU tensors only, on any platform: a GCU tensor is "
     "copied with .cpu() first, as a CUDA tensor is"),
    ("torch.manual_seed", "seeds the CPU generator and each accelerator through its device "
     "module's manual_seed_all, which the user guide documents as torch.gcu.manual_seed_all"),
    ("torch.Generator", "a CPU generator unless device= names an accelerator"),
]


def records(up):
    md = up / "enflame" / "SOURCES.md"
    readme = record(md, "TGCU", "torch-gcu-readme", "torch_gcu v2.10.0 README and user guide: "
                    "a PrivateUse1 backend plug-in over the official PyTorch 2.10.0, feature "
                    "table (torch.compile / Inductor), torch.gcu <-> torch.cuda interface table, "
                    "AMP chapter", "README.md; torch_gcu/manuals/user_guide/content/source/")
    return readme


def _new(out, universe, name, e):
    """Adds `e` unless `name` has an answer; names outside the universe carry kind and library."""
    if name in out:
        return
    if name not in universe.torch.api_names:
        e = {"symbol": name, "kind": "torch_api", "library": "torch",
             **{k: v for k, v in e.items() if k != "symbol"}}
    out[name] = e


def tool_entries(out, universe, facts, tr_id):
    """1: what transfer_to_gcu makes run on the GCU by rewriting its device/backend argument."""
    lists = ("torch_functions_device_arg_replaced", "tensor_methods_device_arg_replaced",
             "nn_module_methods_device_arg_replaced")
    for key in lists:
        for name in facts[key]:
            if any(seg.startswith("_") for seg in name.split(".")):
                continue
            _new(out, universe, name, entry(name, "native", tr_id, "official", note=join_note([
                "transfer_to_gcu rewrites its device argument ('cuda' -> 'gcu'), so it runs on "
                "the GCU", "without the tool, pass device='gcu'"])))
    for w in facts["wrapped_or_patched_callables"]:
        name = w.get("target", "")
        if w.get("wrapper") == "wrapper_eccl" and name.startswith("torch.") and \
                "._" not in name:
            _new(out, universe, name, entry(name, "native", tr_id, "official", note=join_note([
                "transfer_to_gcu rewrites its backend argument ('nccl' -> 'eccl'), so it runs "
                "over ECCL", "without the tool, pass backend='eccl'"])))
    ddp = "torch.nn.parallel.DistributedDataParallel"
    if "torch.nn.parallel.DistributedDataParallel.__init__" in \
            facts["distributed_ddp_methods_device_arg_replaced"]:
        _new(out, universe, ddp, entry(ddp, "native", tr_id, "official", note=join_note([
            "transfer_to_gcu rewrites its device_ids ('cuda' or int -> 'gcu:<n>')",
            "without the tool, pass GCU devices"])))
    if "torch.amp.autocast" in facts.get("amp_rule", ""):
        for name in ("torch.amp.autocast", "torch.autocast"):
            _new(out, universe, name, entry(name, "native", tr_id, "official", note=join_note([
                "transfer_to_gcu routes torch.amp.autocast('cuda'|'gcu') to "
                "torch.gcu.amp.autocast; the AMP chapter of the user guide documents "
                "torch.autocast(\"gcu\")", "without the tool, pass device_type='gcu'"])))


def interface_pairs(up):
    """(torch.gcu name, torch.cuda name) rows of the user guide's interface table."""
    text = read_text(up / "enflame" / "torch_gcu" / "manuals" / "user_guide" / "content" /
                     "source" / "torch_gcu_python_suppport.rst")
    cells = [re.sub(r"^(?:\* )?- ", "", line.strip()) for line in text.splitlines()
             if line.strip().startswith(("* - ", "- "))]
    pairs = []
    for i, c in enumerate(cells[:-1]):
        if c.startswith("torch.gcu.") and cells[i + 1].startswith("torch.cuda."):
            pairs.append((c, cells[i + 1]))
    return pairs


def interface_entries(out, universe, up, readme_id):
    """2: torch.cuda names the user guide pairs with a torch.gcu interface."""
    for gcu, cuda in interface_pairs(up):
        _new(out, universe, cuda, entry(cuda, "mapped", readme_id, "official", target=gcu,
                                        note=join_note([f"the user guide's interface table pairs "
                                                        f"{gcu} with {cuda}",
                                                        "transfer_to_gcu replaces torch.cuda by "
                                                        "torch_gcu.gcu (exposed as torch.gcu)"])))


def feature_entries(out, universe, up, readme_id):
    """3: the README's feature table."""
    readme = read_text(up / "enflame" / "torch_gcu" / "README.md")
    if "torch.compile" in readme and "Inductor" in readme:
        words = "the README lists torch.compile with an Inductor backend for the GCU"
        _new(out, universe, "torch.compile", entry("torch.compile", "native", readme_id,
                                                   "official", note=join_note([words])))
        _new(out, universe, "compile_backend:inductor", entry(
            "compile_backend:inductor", "native", readme_id, "official", target="inductor",
            note=join_note([words, "torch_gcu registers the GCU side of Inductor"])))


def _answers(aten_entries):
    return {e["symbol"]: e for e in aten_entries}


class AtenIndex:
    """native_functions.yaml rows by operator base name: overloads, variants, python modules."""

    def __init__(self, universe):
        self.rows, self.variants, self.modules = {}, {}, {}
        for r in universe.torch.ops:
            self.rows.setdefault(r["name"], []).append(r)
            self.variants.setdefault(r["name"], set()).update(
                v.strip() for v in r["variants"].split(","))
            self.modules.setdefault(r["name"], set()).add(r["python_module"])


def binding_answer(name, bases, why, index, aten, reg_id):
    """The entry for a torch API that runs aten operator(s) `bases`, from the torch_gcu answers
    of their overloads (out= overloads aside), or None when no operator has an answer. With
    several operators, one without any answer makes the API partial."""
    got, lacking = {}, []
    for base in ([bases] if isinstance(bases, str) else bases):
        rows = [r for r in index.rows.get(base, []) if "out" not in r["overload"].split("_")]
        here = {}
        for r in rows:
            sym = "aten::" + r["op"]
            e = aten.get(sym)
            # A structured operator runs its delegate's kernel (add_.Tensor -> add.out); torch_gcu
            # registers the out= kernels, and its manual lists torch.add as supported.
            delegate = aten.get("aten::" + r["structured_delegate"]) if r["structured_delegate"] \
                else None
            if not (e and e["status"] in ("native", "partial", "emulated")) and delegate and \
                    delegate["status"] in ("native", "partial"):
                here[sym] = delegate["status"] + " (structured: " + r["structured_delegate"] + ")"
                continue
            if e and e["status"] in ("native", "partial", "emulated"):
                here[sym] = e["status"]
            elif isinstance(bases, str):
                lacking.append(sym)
        if not here and not isinstance(bases, str):
            lacking.append("aten::" + base)
        got.update(here)
    if not got:
        return None
    statuses = {st.split(" ")[0] for st in got.values()}
    status = "partial" if lacking or "partial" in statuses else \
        "emulated" if "emulated" in statuses else "native"
    shown = ", ".join(f"{s} {st}" for s, st in sorted(got.items())[:4])
    parts = [f"{why}: {shown}" + (" ..." if len(got) > 4 else "") + " on torch_gcu"]
    if lacking:
        parts.append("no torch_gcu answer for " + ", ".join(lacking[:4]) +
                     (" ..." if len(lacking) > 4 else ""))
    parts.append("torch_gcu runs PyTorch's own Python API over its aten registrations")
    return entry(name, status, reg_id, "inferred", note=join_note(parts))


def _generated_base(name, index):
    """(aten base, why) for a torch API that PyTorch generates from native_functions.yaml."""
    variants = index.variants
    for ns, prefix in (("torch.linalg.", "linalg_"), ("torch.fft.", "fft_"),
                       ("torch.special.", "special_")):
        if name.startswith(ns):
            base = prefix + name[len(ns):]
            return (base, f"{name} binds aten::{base}") if "function" in variants.get(base, ()) \
                else None
    if name.startswith("torch.nn.functional."):
        base = name[len("torch.nn.functional."):]
        if "nn" in index.modules.get(base, ()) or "function" in variants.get(base, ()):
            return base, f"{name} calls the aten operator {base}"
        return None
    if name.startswith("torch.Tensor.") and name.count(".") == 2:
        base = name[len("torch.Tensor."):]
        return (base, f"{name} binds aten::{base}") if "method" in variants.get(base, ()) \
            else None
    if name.count(".") == 1:
        base = name[len("torch."):]
        if "function" in variants.get(base, ()) and "" in index.modules.get(base, ()):
            return base, f"{name} binds aten::{base}"
    return None


def binding_entries(out, universe, aten_entries, reg_id):
    """4: torch APIs bound to an aten operator, answered from torch_gcu's registrations."""
    aten = _answers(aten_entries)
    index = AtenIndex(universe)
    names = sorted(universe.torch.api_names | set(BINDINGS))
    for name in names:
        if name in out:
            continue
        bound = BINDINGS.get(name) or _generated_base(name, index)
        if not bound:
            continue
        base, why = bound
        if name in BINDINGS:
            ops = base if isinstance(base, str) else "; ".join(base)
            why = f"{name}: {why} (aten::{ops})" if isinstance(base, str) else f"{name}: {why}"
        e = binding_answer(name, base, why, index, aten, reg_id)
        if e:
            _new(out, universe, name, e)


def host_entries(out, universe, readme_id):
    """5: PyTorch Python API that dispatches no device operator of its own."""
    exact = {n: why for n, why in HOST_ONLY if not n.endswith(".*")}
    prefixes = [(n[:-1], why) for n, why in HOST_ONLY if n.endswith(".*")]
    note_tail = ("torch_gcu is a PrivateUse1 plug-in over the official PyTorch, whose Python API "
                 "it keeps")
    for name in sorted(universe.torch.api_names | set(exact)):
        if name in out:
            continue
        why = exact.get(name) or next((w for p, w in prefixes if name.startswith(p)), None)
        if why:
            _new(out, universe, name, entry(name, "native", readme_id, "inferred",
                                            note=join_note([why, note_tail])))


def inferred_api_entries(out, universe, aten_entries, facts, tr_id, reg_id):
    """Adds the answers of rules 1-5 to `out` ({symbol: entry}); returns the README record the
    new entries cite."""
    up = universe.upstream
    readme = records(up)
    tool_entries(out, universe, facts, tr_id)
    interface_entries(out, universe, up, readme["id"])
    feature_entries(out, universe, up, readme["id"])
    binding_entries(out, universe, aten_entries, reg_id)
    host_entries(out, universe, readme["id"])
    return readme
