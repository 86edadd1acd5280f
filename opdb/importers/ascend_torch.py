"""Huawei Ascend coverage of PyTorch: aten operators (torch_npu's op-plugin) and torch.* APIs.

Reads ascend/op-plugin/op_plugin_functions_flat.tsv (every ATen schema torch_npu registers, with
the torch_npu versions of its ACL-op and aclnn implementations), ascend/torch_npu/
torch_api_npu_support.tsv (the torch_npu native API support pages, per product),
ascend/mstt-msfmktransplt/torch_api_support_long.tsv (msFmkTransplt's supported/unsupported
lists), ascend/torch_npu/transfer_to_npu_facts.json (what `torch_npu.contrib.transfer_to_npu`
patches) and ascend/SOURCES.md. Writes opdb/ascend/aten.yaml and opdb/ascend/torch_api.yaml.

aten (confidence official): registered for the newest torch_npu version -> native (target: the
aclnn kernel when op-plugin names it); registered only for older versions -> partial; not
registered but composite in PyTorch -> emulated (inferred). constraints.sdk names the torch_npu
versions; constraints.dtypes the dtypes the CANN docs of the aclnn kernels it calls list
(ascend/cann-ops/aclnn_doc_product_dtype.tsv through op-plugin's adapters,
ascend/op-plugin/op_plugin_kernel_calls.tsv), with the products they mark supported in the note.

A torch API whose support page only lists dtypes is native with constraints.dtypes (the scanner
judges a use's dtype); a restriction that names an argument or a condition is native with the
condition noted; "may fall back to the CPU" is emulated; only other restrictions are partial.
device:cuda and dist_backend:nccl are mapped to 'npu' and 'hccl' (transfer_to_npu's string
rewrites), and torch.Tensor.X and torch.X share one answer (torch_common.add_aliases).

torch API (official): the support pages of the newest PyTorch version first (all products Y ->
native, some N -> partial, all N -> missing, restrictions -> partial), then msFmkTransplt's lists
of the newest version (supported -> native, or partial with the dtypes its note lists;
unsupported -> missing). torch.cuda.* answers are `mapped` to torch.npu.* (the pages document
torch.cuda "use as torch.npu"; transfer_to_npu makes that rename). Names only transfer_to_npu
speaks for (Tensor.cuda -> Tensor.npu, is_nccl_available -> is_hccl_available, ...) -> mapped.
"""

import json
import re
from pathlib import Path

from common import entry, join_note, read_text, read_tsv, record, require
from torch_common import (DeviceModule, add_aliases, add_device_strings, add_rebindings, aten, composite_fallbacks,
                          document, own_kinds, trim)
from torch_symbols import normalize_api

SCRIPT = "ascend_torch.py"
PLATFORM = "ascend"
PRODUCTS = [("atlas_a2_training", "Atlas A2 training series"),
            ("atlas_a3_training", "Atlas A3 training series"), ("ascend950dt", "Ascend 950DT")]
DTYPE_WORDS = {"fp16": "fp16", "fp32": "fp32", "fp64": "fp64", "bf16": "bf16", "uint8": "uint8",
               "int8": "int8", "int16": "int16", "int32": "int32", "int64": "int64",
               "bool": "bool", "complex64": "complex64", "complex128": "complex128"}
NPU = DeviceModule("torch.cuda", "torch.npu")


def vkey(v):
    return tuple(int(x) for x in v.lstrip("v").split("."))


def records(up):
    md = up / "ascend" / "SOURCES.md"
    opp = record(md, "OPP", "op-plugin", "torch_npu op-plugin ATen registrations "
                      "(shared/upstream/ascend/op-plugin/op_plugin_functions_flat.tsv)",
                      "op_plugin/config/op_plugin_functions.yaml")
    pt = record(md, "PT", "torch-npu-api-docs", "torch_npu native API support pages "
                     "(shared/upstream/ascend/torch_npu/torch_api_npu_support.tsv)",
                     "docs/zh/api/native_api/")
    mstt = record(md, "MSTT", "mstt-api-lists", "msFmkTransplt supported/unsupported torch API lists "
                       "(shared/upstream/ascend/mstt-msfmktransplt/torch_api_support_long.tsv)",
                       "msfmktransplt/src/ms_fmk_transplt/resource/")
    tr = record(md, "PT", "transfer-to-npu", "torch_npu transfer_to_npu: the torch.cuda -> torch.npu "
                     "patches (shared/upstream/ascend/torch_npu/transfer_to_npu_facts.json)",
                     "torch_npu/contrib/transfer_to_npu.py")
    return opp, pt, mstt, tr


def aten_entries(universe, opp, core=frozenset()):
    rows = read_tsv(universe.upstream / "ascend" / "op-plugin" / "op_plugin_functions_flat.tsv")
    require(rows and "op_api_versions" in rows[0], "op_plugin_functions_flat.tsv: bad columns")
    all_versions = sorted({v for r in rows for c in ("acl_op_versions", "op_api_versions")
                           for v in r[c].split(",") if v}, key=vkey)
    newest = all_versions[-1]
    merged = {}  # func -> (acl versions, aclnn versions, aclnn exec): a func may be in two sections
    for r in rows:
        if r["section"] not in ("official", "symint", "autograd"):
            continue  # custom/quant: torch_npu's own npu_* operators, not aten
        acl, api, exe = merged.get(r["func"], (set(), set(), ""))
        acl |= {v for v in r["acl_op_versions"].split(",") if v}
        api |= {v for v in r["op_api_versions"].split(",") if v}
        merged[r["func"]] = (acl, api, exe or r["aclnn_exec"])
    kernels = aclnn_kernels(universe.upstream)
    docs = aclnn_docs(universe.upstream)
    out = []
    for func, (acl, api, exe) in sorted(merged.items()):
        acl, api = sorted(acl, key=vkey), sorted(api, key=vkey)
        versions = sorted(set(acl) | set(api), key=vkey)
        if not versions:
            continue
        parts = []
        if api:
            parts.append(f"aclnn implementation for torch_npu {span(api, all_versions)}")
        if acl:
            parts.append(f"ACL op (Ascend IR) implementation for torch_npu {span(acl, all_versions)}")
        if exe:
            parts.append(f"structured codegen calls {exe}")
        status = "native" if newest in versions else "partial"
        if status == "partial":
            parts.append(f"At torch_npu {newest.lstrip('v')} (the newest) no implementation is registered")
        cons = {}
        if api:
            # The dtypes and products of the aclnn kernels the op calls, from their docs.
            names = sorted({exe} if exe else set()) or kernels_of(kernels, func)
            found = [docs[n] for n in names if n in docs]
            types = [t for t in ACLNN_DTYPE_ORDER if any(t in d for d, _, _ in found)]
            if types:
                cons["dtypes"] = types
                products = sorted({p for _, ps, _ in found for p in ps}, key=PRODUCT_ORDER.index)
                parts.append(f"the CANN docs of {', '.join(n for n in names if n in docs)} (shared/"
                             f"upstream/ascend/cann-ops/aclnn_doc_product_dtype.tsv) list dtypes "
                             f"{', '.join(types)}" + (f" on {', '.join(products)}" if products else ""))
            if found:
                cons.update(product_constraints(found, bool(acl), parts))
        e = entry(aten(func), status, opp["id"], "official", target=exe or None,
                  note=join_note(parts))
        e["constraints"] = {**cons, "sdk": sdk_range(versions, all_versions)}
        out.append(e)
    # torch_npu's core registers these itself (ascend_core_registrations.py answers them).
    covered = {e["symbol"] for e in out} | set(core)
    out += composite_fallbacks(universe, covered, opp["id"], "torch_npu's op-plugin",
                               f"{newest.lstrip('v')} (torch_npu {newest})")
    return own_kinds(universe, out)


ACLNN_DTYPES = {"FLOAT": "fp32", "FLOAT16": "fp16", "BFLOAT16": "bf16", "DOUBLE": "fp64",
                "INT64": "int64", "INT32": "int32", "INT16": "int16", "INT8": "int8",
                "UINT64": "uint64", "UINT32": "uint32", "UINT16": "uint16", "UINT8": "uint8",
                "BOOL": "bool", "COMPLEX64": "complex64", "COMPLEX128": "complex128",
                "FLOAT8_E4M3FN": "fp8e4m3fn", "FLOAT8_E5M2": "fp8e5m2"}
ACLNN_DTYPE_ORDER = ["fp64", "fp32", "fp16", "bf16", "fp8e4m3fn", "fp8e5m2", "int64", "int32",
                     "int16", "int8", "uint64", "uint32", "uint16", "uint8", "bool", "complex64",
                     "complex128"]
ACLNN_PRODUCTS = [("ascend950", "Ascend 950"), ("atlas_a3", "Atlas A3"), ("atlas_a2", "Atlas A2"),
                  ("atlas_200i_500_a2", "Atlas 200I/500 A2"),
                  ("atlas_inference_310p", "Atlas 310P inference"),
                  ("atlas_training_910", "Atlas training (910)")]
PRODUCT_ORDER = [label for _, label in ACLNN_PRODUCTS]


# The platforms.yaml product id of each aclnn product column.
ACLNN_PRODUCT_IDS = {"ascend950": "950", "atlas_a3": "910c", "atlas_a2": "910b",
                     "atlas_200i_500_a2": "310b", "atlas_inference_310p": "310p",
                     "atlas_training_910": "910a"}
PRODUCT_ID_ORDER = ["910a", "910b", "910c", "950", "310p", "310b"]


def aclnn_docs(up):
    """{aclnn op: (set of opscope dtype names, product labels marked Y, {product id: Y|N})} from
    the aclnn docs (CANN ops repositories). An op documented twice keeps the union."""
    out = {}
    for r in read_tsv(up / "ascend" / "cann-ops" / "aclnn_doc_product_dtype.tsv"):
        types = {ACLNN_DTYPES[t] for t in r["dtypes"].split(",") if t in ACLNN_DTYPES}
        products = {label for col, label in ACLNN_PRODUCTS if r[col] == "Y"}
        flags = {ACLNN_PRODUCT_IDS[col]: r[col] for col, _ in ACLNN_PRODUCTS if r[col] in ("Y", "N")}
        for name in r["op_names"].split(","):
            old_t, old_p, old_f = out.get(name, (set(), set(), {}))
            merged = dict(old_f)
            for pid, flag in flags.items():
                merged[pid] = "Y" if "Y" in (flag, merged.get(pid)) else flag
            out[name] = (old_t | types, old_p | products, merged)
    return out


def product_constraints(found, has_acl_op, parts):
    """constraints.products (a documented aclnn kernel the op calls is marked supported there)
    and constraints.unsupported_on (every documented kernel is marked unsupported and the op has
    no ACL op implementation to serve it instead) from the aclnn docs of the op's kernels."""
    yes = [p for p in PRODUCT_ID_ORDER if any(f.get(p) == "Y" for _, _, f in found)]
    no = [p for p in PRODUCT_ID_ORDER if p not in yes and any(f.get(p) == "N" for _, _, f in found)]
    cons = {}
    if yes:
        cons["products"] = yes
    if no and has_acl_op:
        parts.append("the aclnn docs mark its kernels unsupported on " + ", ".join(no) +
                     "; torch_npu's ACL op (Ascend IR) implementation is the path there")
    elif no:
        cons["unsupported_on"] = no
    return cons


def sdk_range(versions, order):
    """'torch_npu >=2.1' (registered up to the newest version), 'torch_npu >=2.1 <2.13', or, when
    the versions are not one run of `order`, the list in words."""
    idx = [order.index(v) for v in versions]
    if idx != list(range(idx[0], idx[0] + len(idx))):
        return f"torch_npu {span(versions, order)}"
    low = versions[0].lstrip("v")
    if idx[-1] == len(order) - 1:
        return f"torch_npu >={low}"
    return f"torch_npu >={low} <{order[idx[-1] + 1].lstrip('v')}"


def aclnn_kernels(up):
    """{C++ adapter function (aten name, `add_out` for add.out): aclnn kernels it calls} from
    op-plugin's aclnn adapters."""
    out = {}
    for r in read_tsv(up / "ascend" / "op-plugin" / "op_plugin_kernel_calls.tsv"):
        if r["path_kind"].startswith("opapi") and r["direct_kernels"]:
            out.setdefault(r["cpp_function"], set()).update(
                k for k in re.split(r"[,; ]+", r["direct_kernels"]) if k)
    return out


def kernels_of(kernels, func):
    """The aclnn kernels the adapter of aten `func` (`add.out`, `add_.Tensor`) calls."""
    base, _, overload = func.partition(".")
    names = [base + "_out"] if "out" in overload.split("_") else []
    names.append(base)
    for n in names:
        if n in kernels:
            return sorted(kernels[n])
    return []


def span(versions, order):
    """'v2.1-v2.15' when `versions` is a run of `order`, else the list."""
    idx = [order.index(v) for v in versions]
    if idx == list(range(idx[0], idx[0] + len(idx))):
        return f"{versions[0]}-{versions[-1]}" if len(versions) > 1 else versions[0]
    return ", ".join(versions)


# Products a training script is written for today; an answer that differs only on another one
# is a product constraint (a target descriptor's business), not a limit of the use.
MAINSTREAM = ("Atlas A2 training series", "Atlas A3 training series")
CPU_FALLBACK = "回退至CPU"  # "falls back to the CPU"


# A restriction that names an argument (`dtype`, num_workers), a condition ("当...时": "when ...")
# or a tensor layout (Named Tensor, N-D, memory_format) limits only the uses that pass it: the
# scanner cannot see that from the call name, so the answer is native with the condition noted.
CONDITION = re.compile(r"`[A-Za-z_][A-Za-z0-9_]*`|当.*时|[A-Za-z_]+_[A-Za-z_]+|Named Tensor|维|memory_format|"
                       r"场景|参数|属性")
UNCONDITIONAL = re.compile(r"不支持训练|仅支持推理|不支持该接口|暂不支持$")


def conditional(text):
    return bool(CONDITION.search(text)) and not UNCONDITIONAL.search(text)


def dtype_restrictions(text):
    """The dtypes a support page's restriction text limits an API to ("`input`仅支持fp16，fp32",
    "支持uint8"), and what the text says beyond such dtype lists."""
    types, rest = [], []
    for part in re.split(r"(?:^|\s)-\s|>\s", text):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"(?:`[^`]*`\s*)?仅?支持\s*([a-z0-9，,、 ]+?)[。.]?", part)
        if m and dtypes_of(m.group(1)):
            types += [t for t in dtypes_of(m.group(1)) if t not in types]
        elif "原生文档" not in part and "支持情况" not in part:
            rest.append(part)
    return types, " ".join(rest)


def dtypes_of(note):
    found = re.findall(r"[a-z]+[0-9]*", note.lower())
    return [DTYPE_WORDS[t] for t in found if t in DTYPE_WORDS]


# The platforms.yaml product id of each column of the torch_npu support pages.
PAGE_PRODUCT_IDS = {"atlas_a2_training": "910b", "atlas_a3_training": "910c", "ascend950dt": "950",
                    "atlas_training_910": "910a"}


def level(version):
    """The torch_npu level of a PyTorch version a list is written for: '2.7.1' -> '2.7'."""
    return ".".join(version.split(".")[:2])


def api_history(docs, lists):
    """{api: {level: supported?}} over every version of the support pages (supported when a
    product is marked Y, unsupported when all listed are N) and of msFmkTransplt's lists. A level
    the two sources disagree on is dropped."""
    said = {}
    for r in docs:
        name = normalize_api(r["api"])
        flags = [r[c] for c in PAGE_PRODUCT_IDS if r[c] in ("Y", "N")]
        if name and flags:
            said.setdefault(name, {}).setdefault(level(r["torch_version"]), set()).add("Y" in flags)
    for r in lists:
        name = normalize_api(r["api"])
        if name:
            said.setdefault(name, {}).setdefault(level(r["torch_version"]), set()).add(r["status"] == "supported")
    return {n: {v: next(iter(b)) for v, b in h.items() if len(b) == 1} for n, h in said.items()}


def api_range(history, oldest):
    """(constraints.sdk range, note) from one API's history, or (None, None) when the lists do not
    date it: supported at the newest level they speak for, with a lower bound where an older level
    is marked unsupported (or where it is supported at the oldest torch_npu level, `oldest`)."""
    if not history:
        return None, None
    levels = sorted(history, key=vkey)
    if not history[levels[-1]]:
        return None, None  # unsupported at the newest level: the written answer says so
    last_no = max((v for v in levels if not history[v]), key=vkey, default=None)
    if last_no is None:
        if levels[0] != oldest:
            return None, None
        return f"torch_npu >={oldest}", None
    first_yes = min((v for v in levels if history[v] and vkey(v) > vkey(last_no)), key=vkey)
    gap = vkey(first_yes)[1] - vkey(last_no)[1] > 1 or vkey(first_yes)[0] != vkey(last_no)[0]
    return (f"torch_npu >={first_yes}",
            f"torch_npu's lists mark it unsupported for PyTorch {last_no} and supported for {first_yes}" +
            (" (the levels between are in no list of the snapshot)" if gap else ""))


def api_entries(universe, pt, mstt, tr):
    up = universe.upstream
    names = universe.torch.api_names
    out = {}
    docs = read_tsv(up / "ascend" / "torch_npu" / "torch_api_npu_support.tsv")
    newest_doc = max((r["torch_version"] for r in docs), key=vkey)
    lists = read_tsv(up / "ascend" / "mstt-msfmktransplt" / "torch_api_support_long.tsv")
    history = api_history(docs, lists)
    oldest = "2.1"  # op-plugin's oldest torch_npu version (all_version = v2.1 ... v2.15)

    def dated(name, cons, parts):
        rng, why = api_range(history.get(name), oldest)
        if rng:
            cons["sdk"] = rng
            if why:
                parts.append(why)
        return cons
    for r in docs:
        if r["torch_version"] != newest_doc:
            continue
        name = normalize_api(r["api"])
        if not name or name in out:
            continue
        flags = [(label, r[col]) for col, label in PRODUCTS if r[col] in ("Y", "N")]
        no = [label for label, f in flags if f == "N"]
        parts = [f"torch_npu's support page for PyTorch {newest_doc} ({r['doc_file']})"]
        cons = {}
        text = re.sub(r"<[^>]*>", " ", r["restrictions"]) if r["has_restrictions"] == "Y" else ""
        types, rest = dtype_restrictions(text)
        if flags and len(no) == len(flags):
            status = "missing"
            parts.append("marked unsupported on every listed product")
        elif no and not any(label in MAINSTREAM for label in no):
            # Supported on the training products code is written for (Atlas A2/A3); only a newer
            # product lacks it. That is an answer for a target product, not for this use.
            status = "native"
            parts.append("supported on " + ", ".join(label for label, f in flags if f == "Y") +
                         "; unsupported on " + ", ".join(no))
        elif no or (rest and not conditional(rest)):
            status = "emulated" if rest and CPU_FALLBACK in rest and not no else "partial"
            if no:
                parts.append("unsupported on " + ", ".join(no))
        else:
            status = "native"
        if types:
            # A dtype list alone limits a use only when that use's dtype is outside it; the
            # scanner judges that per use (dtypes inferred from the code).
            cons["dtypes"] = types
            parts.append("supported dtypes: " + ", ".join(types))
        if rest:
            parts.append(("conditions (a use without them is not limited): " if status == "native" else
                          "restrictions: ") + trim(rest))
        target = NPU.target(name)
        if target and status != "missing":
            status = "mapped" if status == "native" else status
            parts.append(f"the page documents torch.cuda APIs for use as torch.npu: {target}")
        yes = [PAGE_PRODUCT_IDS[c] for c in PAGE_PRODUCT_IDS if r[c] == "Y"]
        no = [PAGE_PRODUCT_IDS[c] for c in PAGE_PRODUCT_IDS if r[c] == "N"]
        if yes:
            cons["products"] = yes
        if no:
            cons["unsupported_on"] = no
        cons = dated(name, {**cons, "sdk": f"torch_npu for PyTorch {newest_doc}"}, parts)
        out[name] = entry(name, status, pt["id"], "official", target=target if status != "missing"
                          else None, note=join_note(parts))
        out[name]["constraints"] = cons
    newest_list = max((r["torch_version"] for r in lists), key=vkey)
    for r in lists:
        if r["torch_version"] != newest_list:
            continue
        name = normalize_api(r["api"])
        if not name or name in out:
            continue
        parts = [f"msFmkTransplt's {'supported' if r['status'] == 'supported' else 'unsupported'} "
                 f"list for PyTorch {newest_list}"]
        cons = {"sdk": f"torch_npu for PyTorch {newest_list}"}
        if r["status"] == "unsupported":
            status = "missing"
        else:
            types = dtypes_of(r["note"]) if r["note"] else []
            # A note that only lists dtypes is a constraint judged per use, not a limitation.
            beyond = re.sub(r"<br>|仅?支持\s*[a-z0-9，,、 ]+|[。.\s]", "", r["note"]) if r["note"] else ""
            if CPU_FALLBACK in beyond:
                status = "emulated"
            elif r["note"] and (not types or beyond) and not conditional(beyond):
                status = "partial"
            else:
                status = "native"
            if r["note"]:
                parts.append(trim(r["note"]))
            if types:
                cons = {"dtypes": types, **cons}
        target = NPU.target(name) if status != "missing" else None
        if target and status == "native":
            status = "mapped"
        cons = dated(name, cons, parts)
        e = entry(name, status, mstt["id"], "official", target=target, note=join_note(parts))
        e["constraints"] = cons
        out[name] = e
    # What transfer_to_npu renames: attributes it replaces by an NPU twin.
    facts = json.loads(read_text(up / "ascend" / "torch_npu" / "transfer_to_npu_facts.json"))
    add_rebindings(out, universe, [(a["target"], a.get("replaced_by", ""))
                                   for a in facts["attribute_assignments_in_init"]
                                   if a["kind"] == "replaced"],
                   tr["id"], "transfer_to_npu", "NPU")
    # The strings transfer_to_npu rewrites at run time, and that a port writes out.
    symbols = {"cuda": "device:cuda", "nccl": "dist_backend:nccl"}
    add_device_strings(out, tr["id"], "transfer_to_npu",
                       [(symbols[r["from"]], r["to"], r["applies_to"])
                        for r in facts["string_replacements"] if r["from"] in symbols])
    add_aliases(out, universe, pt["id"])
    return list(out.values())


def outputs(universe, core=None):
    """`core`: the aten symbols torch_npu's core registrations answer (default: those of the
    committed opdb/ascend/aten_core.yaml)."""
    if core is None:
        from ascend_core_registrations import committed_symbols
        core = committed_symbols(Path(__file__).resolve().parent.parent)
    opp, pt, mstt, tr = records(universe.upstream)
    result = {}
    result["ascend/aten.yaml"] = document(
        PLATFORM, SCRIPT, ["ascend/op-plugin/op_plugin_functions_flat.tsv",
                           "ascend/op-plugin/op_plugin_kernel_calls.tsv",
                           "ascend/cann-ops/aclnn_doc_product_dtype.tsv",
                           "pytorch/native_functions_ops.tsv"], [opp], aten_entries(universe, opp, core))
    result["ascend/torch_api.yaml"] = document(
        PLATFORM, SCRIPT, ["ascend/torch_npu/torch_api_npu_support.tsv",
                           "ascend/mstt-msfmktransplt/torch_api_support_long.tsv",
                           "ascend/torch_npu/transfer_to_npu_facts.json"],
        [pt, mstt, tr], api_entries(universe, pt, mstt, tr))
    return result
