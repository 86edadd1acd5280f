"""Enflame GCU coverage of PyTorch: aten operators (torch_gcu v2.10.0) and torch.* APIs.

Reads enflame/gcu_native_functions.tsv (the ATen ops torch_gcu registers for the GCU, with
TopsATen kernel names, CPU fallbacks and per-chip fallbacks), enflame/torch_gcu_oplist.tsv (the
operator, python API and distributed tables of the torch_gcu manual),
enflame/transfer_to_gcu_facts.json (what `from torch_gcu import transfer_to_gcu` rebinds) and
enflame/SOURCES.md. Writes opdb/enflame/aten.yaml and opdb/enflame/torch_api.yaml.

aten (official; the repository is a public copy of Enflame's release, see SOURCES.md):
registered -> native (target: the TopsATen kernel when named); fallback_cpu -> emulated;
a per-chip CPU fallback -> partial; disabled -> missing; not registered but composite in
PyTorch -> emulated (inferred). The manual's "torch.ops.aten.X" limitations are added to the
notes of aten::X.
torch API (official): the manual's operator table (supported -> native, with a limitation ->
partial), its distributed tables (torch.distributed.X over ECCL), torch.cuda.X -> torch.gcu.X
where the python API table documents torch.gcu.X, and transfer_to_gcu's rebindings.
"""

import json

from common import entry, join_note, read_text, read_tsv, record, require
from enflame_torch_inferred import inferred_api_entries
from torch_common import (DeviceModule, add_aliases, add_device_strings, add_rebindings, aten, composite_fallbacks, document,
                          own_kinds, trim)

SCRIPT = "enflame_torch.py"
PLATFORM = "enflame"
GCU = DeviceModule("torch.cuda", "torch.gcu")


def records(up):
    md = up / "enflame" / "SOURCES.md"
    reg = record(md, "TGCU", "torch-gcu-codegen", "torch_gcu v2.10.0 codegen registrations "
                      "(gcu_native_functions.yaml, gcu_op_fallback.yaml; "
                      "shared/upstream/enflame/gcu_native_functions.tsv)", "torch_gcu/codegen/")
    oplist = record(md, "TGCU", "torch-gcu-oplist", "torch_gcu manual, operator support list "
                         "(torch_gcu_op.rst; shared/upstream/enflame/torch_gcu_oplist.tsv)",
                         "torch_gcu/manuals/oplist_torch_gcu/content/source/torch_gcu_op.rst")
    tr = record(md, "TGCU", "transfer-to-gcu", "torch_gcu transfer_to_gcu: CUDA -> GCU rebindings "
                     "(shared/upstream/enflame/transfer_to_gcu_facts.json)",
                     "torch_gcu/transfer_to_gcu.py")
    return reg, oplist, tr


def oplist_rows(up):
    rows = read_tsv(up / "enflame" / "torch_gcu_oplist.tsv")
    require(rows and {"table", "api", "support_status"} <= set(rows[0]),
            "enflame/torch_gcu_oplist.tsv: unexpected columns")
    for r in rows:
        require(r["support_status"] in ("supported", "supported_with_limitation"),
                f"torch_gcu_oplist.tsv: unknown status {r['support_status']!r}")
    return rows


def aten_entries(universe, reg, oplist):
    up = universe.upstream
    limits = {}
    for r in oplist_rows(up):
        if r["api"].startswith("torch.ops.aten.") and r["support_status"] != "supported":
            limits[r["api"][len("torch.ops.aten."):]] = r["support_text_zh"]
    out = []
    for r in read_tsv(up / "enflame" / "gcu_native_functions.tsv"):
        if r["namespace"] != "aten":
            continue
        chip = r["chip_fallback_to_cpu (gcu_op_fallback.yaml)"]
        parts = ["torch_gcu's codegen registers it for the GCU"]
        if r["disable"] == "True":
            status = "missing"
            parts = ["torch_gcu's codegen lists it but disables the registration"]
        elif r["fallback_cpu"] == "True":
            status = "emulated"
            parts.append("it runs on the CPU (fallback_cpu)")
        elif chip:
            status = "partial"
            parts.append(f"per-chip CPU fallback (gcu_op_fallback.yaml): {chip}")
        else:
            status = "native"
        if r["registered"] != "yes" and status != "missing":
            status = "unknown"
            parts = ["listed in gcu_native_functions.yaml without a registration"]
        base = r["op"].split(".")[0]
        if base in limits:
            parts.append("manual: " + trim(limits[base]))
            if status == "native":
                status = "partial"
        target = r["topsaten_name"] if status in ("native", "partial") else None
        e = entry(aten(r["op"]), status, reg["id"], "official", target=target or None,
                  note=join_note(parts))
        e["constraints"] = {"sdk": "torch_gcu v2.10.0 (TopsRider v3.7.1)"}
        whole = [c.split("=")[0].strip() for c in chip.split(";") if c.strip().endswith("=all")]
        if whole and status == "partial":
            # Every call falls back to the CPU on these chips (platforms.yaml products).
            e["constraints"]["cpu_fallback_on"] = sorted(whole)
        out.append(e)
    covered = {e["symbol"] for e in out}
    out += composite_fallbacks(universe, covered, reg["id"], "torch_gcu", "2.10.0 (torch_gcu v2.10.0)")
    return own_kinds(universe, out)


def api_entries(universe, oplist, tr, reg=None, aten_list=()):
    up = universe.upstream
    names = universe.torch.api_names
    out, gcu_api = {}, set()
    for r in oplist_rows(up):
        api, table = r["api"], r["table"]
        if api.startswith("torch.gcu."):
            gcu_api.add(api)
            continue
        if api.startswith("torch.ops."):
            continue  # aten operators: see aten.yaml
        name = api if api.startswith("torch.") else f"torch.distributed.{api}"
        if name in out:
            continue
        parts = [f"torch_gcu manual: {table}"]
        status = "native"
        if r["support_status"] == "supported_with_limitation":
            status = "partial"
            parts.append("limitation: " + trim(r["support_text_zh"]))
        if "distributed" in table:
            parts.append("over the ECCL backend")
        out[name] = entry(name, status, oplist["id"], "official", note=join_note(parts))
    for name in sorted(names):
        target = GCU.target(name)
        if target and target in gcu_api and name not in out:
            out[name] = entry(name, "mapped", oplist["id"], "official", target=target,
                              note=join_note([f"the torch_gcu manual documents {target}",
                                              "transfer_to_gcu replaces torch.cuda by "
                                              "torch_gcu.gcu (exposed as torch.gcu)"]))
    facts = json.loads(read_text(up / "enflame" / "transfer_to_gcu_facts.json"))
    unsupported = facts["unsupported_behaviour"]
    add_rebindings(out, universe,
                   [(a["target"], a["replacement"].replace("torch_gcu.gcu.", "torch.gcu."))
                    for a in facts["attribute_rebindings (cuda attribute -> gcu implementation)"]],
                   tr["id"], "transfer_to_gcu", "GCU", unsupported)
    add_device_strings(out, tr["id"], "transfer_to_gcu",
                       [("device:cuda", "gcu", facts["device_string_rewrite_rule"]),
                        ("dist_backend:nccl", "eccl", facts["backend_string_rewrite_rule"])])
    add_aliases(out, universe)
    extra = []
    if reg:  # the answers the manual's tables do not give (enflame_torch_inferred.py)
        extra = [inferred_api_entries(out, universe, aten_list, facts, tr["id"], reg["id"]), reg]
    return list(out.values()), extra


def outputs(universe):
    reg, oplist, tr = records(universe.upstream)
    aten_list = aten_entries(universe, reg, oplist)
    apis, extra = api_entries(universe, oplist, tr, reg, aten_list)
    return {
        "enflame/aten.yaml": document(PLATFORM, SCRIPT, ["enflame/gcu_native_functions.tsv",
                                                         "enflame/torch_gcu_oplist.tsv",
                                                         "pytorch/native_functions_ops.tsv"],
                                      [reg], aten_list),
        "enflame/torch_api.yaml": document(PLATFORM, SCRIPT, ["enflame/torch_gcu_oplist.tsv",
                                                              "enflame/transfer_to_gcu_facts.json",
                                                              "enflame/gcu_native_functions.tsv",
                                                              "enflame/torch_gcu/README.md",
                                                              "enflame/torch_gcu/manuals/user_guide"],
                                           [oplist, tr] + extra, apis),
    }
