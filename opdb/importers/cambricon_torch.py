"""Cambricon MLU coverage of PyTorch: aten operators (torch_mlu) and torch.* APIs.

Reads cambricon/mlu_functions_ops.tsv (the ATen schemas torch_mlu's codegen registers, on the
r2.4_develop, r2.3_develop, r2.1_develop and r1.22_pt2.4.0 branches),
cambricon/torch_mlu_api_support.tsv (Cambricon's PyTorch API support list),
cambricon/gpu_migration_facts.json (what `import torch_mlu.utils.gpu_migration` rebinds) and
cambricon/SOURCES.md. Writes opdb/cambricon/aten.yaml and opdb/cambricon/torch_api.yaml.

aten (official): registered on the newest branch -> native; only on older branches -> partial;
not registered but composite in PyTorch -> emulated (inferred). constraints.sdk is a torch_mlu
range over the develop branches r2.1/r2.3/r2.4 (levels 2.1, 2.3, 2.4) where they are one run,
else the branches in words.
torch API (official): supported -> native, or mapped to the "corresponding MLU api" when the
list names another one (torch.cuda.amp.autocast -> torch.mlu.amp.autocast); a limitation ->
partial; not supported -> missing. Rebindings of the migration module for names the list does
not cover (Tensor.cuda -> Tensor.mlu, ...) -> mapped.
"""

import json

from common import entry, join_note, read_text, read_tsv, record, repo_record, require
from torch_common import add_aliases, add_device_strings, add_rebindings, aten, composite_fallbacks, document, own_kinds, trim
from torch_symbols import normalize_api

SCRIPT = "cambricon_torch.py"
PLATFORM = "cambricon"
BRANCHES = [("in_r2.4_develop", "r2.4_develop", "TM24"), ("in_r2.3_develop", "r2.3_develop", "TM23"),
            ("in_r2.1_develop", "r2.1_develop", "TM21"), ("in_r1.22_pt2.4.0", "r1.22_pt2.4.0", "TM122")]


def records(up):
    md = up / "cambricon" / "SOURCES.md"
    out = {}
    for _, branch, key in BRANCHES:
        rec = repo_record(md, key, "", f"Cambricon torch_mlu {branch} codegen/mlu_functions.yaml "
                          "(shared/upstream/cambricon/mlu_functions_ops.tsv)",
                          "codegen/mlu_functions.yaml")
        rec["id"] = f"torch-mlu-{branch.replace('.', '-').replace('_', '-')}"
        out[key] = rec
    lst = record(md, "TM24", "torch-mlu-api-list", "Cambricon torch_mlu PyTorch API support list "
                      "(shared/upstream/cambricon/torch_mlu_api_support.tsv)",
                      "tools/autogen_torch_api/api_support_lists/torch_api.yaml")
    mig = record(md, "TM24", "torch-mlu-gpu-migration", "torch_mlu gpu_migration: CUDA -> MLU rebindings "
                      "(shared/upstream/cambricon/gpu_migration_facts.json)",
                      "torch_mlu/utils/gpu_migration/migration.py")
    return out, lst, mig


# The develop branches as torch_mlu levels (platforms.yaml): the PyTorch version each builds for,
# oldest first. r1.22_pt2.4.0 is a release of the 2.4 line older than r2.4_develop and is no level.
LEVELS = [("in_r2.1_develop", "2.1"), ("in_r2.3_develop", "2.3"), ("in_r2.4_develop", "2.4")]


def mlu_range(cols):
    """'torch_mlu >=2.3' or 'torch_mlu >=2.1 <2.4' when the develop branches that register an op
    are one run of LEVELS; None otherwise (the branches are then listed in words)."""
    idx = [i for i, (col, _) in enumerate(LEVELS) if col in cols]
    if not idx or idx != list(range(idx[0], idx[-1] + 1)):
        return None
    low = "2.1" if idx[0] == 0 else LEVELS[idx[0]][1]
    if idx[-1] == len(LEVELS) - 1:
        return f"torch_mlu >={low}"
    return f"torch_mlu >={low} <{LEVELS[idx[-1] + 1][1]}"


def aten_entries(universe, branch_records):
    rows = read_tsv(universe.upstream / "cambricon" / "mlu_functions_ops.tsv")
    require(rows and all(col in rows[0] for col, _, _ in BRANCHES),
            "cambricon/mlu_functions_ops.tsv: unexpected columns")
    merged = {}  # func -> (branch columns present, custom autograd); rows that carry a whole
    for r in rows:  # schema name the same func once per schema variant
        if r["namespace"] != "aten":
            continue
        func = r["func"].split("(")[0]
        cols, custom = merged.get(func, (set(), False))
        cols |= {col for col, _, _ in BRANCHES if r[col] == "yes"}
        merged[func] = (cols, custom or r["custom_autograd (r2.4_develop)"] == "True")
    out = []
    for func, (cols, custom) in sorted(merged.items()):
        present = [(branch, key) for col, branch, key in BRANCHES if col in cols]
        if not present:
            continue
        newest = present[0][1] == "TM24"
        parts = ["torch_mlu's codegen registers it on " + ", ".join(b for b, _ in present)]
        if not newest:
            parts.append("At torch_mlu 2.4 (r2.4_develop, the newest branch) it is not registered")
        if custom:
            parts.append("with a custom autograd function")
        e = entry(aten(func), "native" if newest else "partial",
                  branch_records[present[0][1]]["id"], "official", note=join_note(parts))
        e["constraints"] = {"sdk": mlu_range(cols) or "torch_mlu " + ", ".join(b for b, _ in present)}
        out.append(e)
    covered = {e["symbol"] for e in out}
    out += composite_fallbacks(universe, covered, branch_records["TM24"]["id"], "torch_mlu",
                               "2.4 (torch_mlu r2.4_develop)")
    return own_kinds(universe, out)


# torch modules that are Python over other operators or host-side tooling: nothing in them
# needs an MLU kernel of its own.
HOST_ONLY = ("torch.fx.", "torch.package.", "torch.onnx.", "torch.export.", "torch.jit.",
             "torch.distributions.", "torch.func.", "torch.monitor.")


def api_entries(universe, lst, mig):
    up = universe.upstream
    out = {}
    for r in read_tsv(up / "cambricon" / "torch_mlu_api_support.tsv"):
        name = normalize_api(r["api"])
        if not name or name in out:
            continue
        mlu = r["corresponding_mlu_api"].strip()
        parts = [f"Cambricon's PyTorch API support list ({r['section']})"]
        target = None
        confidence = "official"
        if r["supported"] == "no" and name.startswith(HOST_ONLY):
            # Graph tooling, export, packaging and distributions run on the host (or as other
            # operators): the list's mark says Cambricon did not validate them on MLU, not that
            # MLU lacks something they need.
            status, confidence = "unknown", "inferred"
            parts.append("marked supported: false, but it is device-independent host code; the "
                         "mark is read as not validated on MLU, not as missing")
        elif r["supported"] == "no":
            status = "missing"
        else:
            require(r["supported"] == "yes", f"torch_mlu_api_support.tsv: bad value for {name}")
            status = "partial" if r["limitations"] else "native"
            if mlu and mlu != name:
                target = mlu
                status = "mapped" if status == "native" else status
            if r["limitations"]:
                parts.append("limitations: " + trim(r["limitations"]))
        out[name] = entry(name, status, lst["id"], confidence, target=target,
                          note=join_note(parts))
    facts = json.loads(read_text(up / "cambricon" / "gpu_migration_facts.json"))
    rebind = facts["attribute_rebindings (cuda attribute -> mlu implementation)"]
    for module, subs in facts["module_attribute_substitutions (torch.cuda.<cuda_name> resolved "
                              "to torch.mlu.<mlu_name>)"].items():
        for s in subs:
            rebind.append({"target": f"{module}.{s['cuda_name']}",
                           "replacement": f"{module.replace('torch.cuda', 'torch.mlu')}."
                                          f"{s['mlu_name']}", "kind": "rebinding"})
    add_rebindings(out, universe, [(a["target"], a["replacement"]) for a in rebind
                                   if a["kind"] == "rebinding"],
                   mig["id"], "torch_mlu's gpu_migration", "MLU")
    add_device_strings(out, mig["id"], "gpu_migration",
                       [("device:cuda", "mlu", facts["device_string_rewrite_rule"]),
                        ("dist_backend:nccl", "cncl", facts["backend_string_rewrite_rule"])])
    add_aliases(out, universe)
    return list(out.values())


def outputs(universe):
    branch_records, lst, mig = records(universe.upstream)
    return {
        "cambricon/aten.yaml": document(PLATFORM, SCRIPT, ["cambricon/mlu_functions_ops.tsv",
                                                           "pytorch/native_functions_ops.tsv"],
                                        list(branch_records.values()),
                                        aten_entries(universe, branch_records)),
        "cambricon/torch_api.yaml": document(PLATFORM, SCRIPT,
                                             ["cambricon/torch_mlu_api_support.tsv",
                                              "cambricon/gpu_migration_facts.json"],
                                             [lst, mig], api_entries(universe, lst, mig)),
    }
