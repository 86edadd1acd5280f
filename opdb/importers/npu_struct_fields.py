"""Ascend and Enflame answers for the data members of CUDA runtime structs
(`prop.unifiedAddressing` on a cudaDeviceProp): opdb/<platform>/cuda_struct_fields.yaml, kind
`field`, the members dcu_struct_fields.py answers for DCU (the ones opscope's CUDA shim declares).
Used by regenerate.py.

* Enflame: the TOPS struct is the opdb's counterpart of the CUDA struct (the target of its entry
  in enflame/cuda_runtime.yaml: cudaDeviceProp -> topsDeviceProp_t). What that struct declares is
  read from enflame/tops_struct_members.tsv (snapshot_tops_structs.py over the official TOPS
  headers at the snapshot's HDR commit):
    - it declares a member of the same name: `mapped` to `topsStruct::member` (the access compiles
      as written once the struct is renamed), derived, citing the header and line; `partial` when
      the member's type is not CUDA's (up to cuda->tops renaming), naming both;
    - it does not: `missing`, derived; for cudaDeviceProp the note names the topsDeviceAttribute_t
      enumerator of the same name (topsDeviceAttribute<Member>, case aside) when the headers
      declare one, and a member whose name ends in this one is named as a lead, never as the
      answer.
* Ascend: the ACL runtime has no device-property struct. cudaGetDeviceProperties is answered by
  aclrtGetDeviceInfo, one aclrtDevAttr per call (ascend/cuda_runtime.yaml), so every
  cudaDeviceProp member is `missing`, derived from the declarations of the CANN runtime headers
  (ascend/cann-api/acl_runtime_api.tsv: no struct of acl_rt.h holds device properties), the note
  listing the aclrtDevAttr values acl_rt.h declares. No member is paired with an attribute.
  The members of the other structs stay unanswered: the snapshot lists ACL's structs
  (aclrtPtrAttributes) but not their members.
* Cambricon: no entries. The snapshot names cnrtDeviceProp_t and cnrtPointerAttributes_t
  (cambricon_api_names.tsv, cuda_to_cnrt_pairs.tsv) but transcribed no members of cnrt.h, so
  every member stays `unknown`.
"""

import re

from common import (coverage_doc, entry, generated_header, join_note, read_text, read_tsv, record,
                    require, short)
from dcu_struct_fields import CATEGORY, SHIM, STRUCTS, shim_fields

SCRIPT = "npu_struct_fields.py"
TOPS_MEMBERS = "enflame/tops_struct_members.tsv"
ACL_DECLARATIONS = "ascend/cann-api/acl_runtime_api.tsv"
ACL_RT = "include/external/acl/acl_rt.h"
TOPS_ENUMS = "enflame/tops_runtime_enums.tsv"
TOPS_ATTRIBUTE_PREFIX = "topsDeviceAttribute"


def _field(e):
    e["kind"], e["library"], e["category"] = "field", "cudart", CATEGORY
    return e


def struct_targets(doc):
    """{CUDA struct: the target of its mapped entry} in a generated cuda_runtime.yaml document."""
    return {e["symbol"]: e["target"] for e in doc["entries"]
            if e["symbol"] in STRUCTS and e.get("status") == "mapped" and e.get("target")}


def same_type(cuda_type, tops_type):
    """True when TOPS's type of a member is CUDA's, up to cuda->tops renaming, `enum`/`struct`
    keywords and spacing."""
    def norm(t):
        t = re.sub(r"\b(enum|struct)\s+", "", t)
        return re.sub(r"\s+", "", t).replace("unsignedint", "unsigned")
    return norm(re.sub(r"\bcuda", "tops", cuda_type)) == norm(tops_type)


# ---------------------------------------------------------------------------------------------
# Enflame


def tops_members(upstream):
    """{TOPS struct: {member: row}} of enflame/tops_struct_members.tsv."""
    out = {}
    for r in read_tsv(upstream / TOPS_MEMBERS):
        out.setdefault(r["struct"], {})[r["member"]] = r
    require(out.get("topsDeviceProp_t"), f"{TOPS_MEMBERS}: no topsDeviceProp_t members")
    return out


def tops_device_attributes(upstream):
    """{lower-case stem: (enumerator, header)} of topsDeviceAttribute_t."""
    out = {}
    for r in read_tsv(upstream / TOPS_ENUMS):
        name = r["enumerator"]
        if r["enum_type"] == "topsDeviceAttribute_t" and name.startswith(TOPS_ATTRIBUTE_PREFIX):
            out.setdefault(name[len(TOPS_ATTRIBUTE_PREFIX):].lower(), (name, r["header"]))
    return out


def enflame_entry(struct, member, cuda_type, tops, members, attributes, rec):
    """The entry of `struct`::`member`, whose TOPS counterpart struct is `tops`."""
    symbol = f"{struct}::{member}"
    own = members.get(tops, {})
    row = own.get(member)
    if row:
        declared = (f"{tops} (the opdb's counterpart of {struct}) declares {member} "
                    f"({row['type']}) in {row['header']} line {row['line']}")
        if same_type(cuda_type, row["type"]):
            return _field(entry(symbol, "mapped", rec["id"], "derived", target=f"{tops}::{member}",
                                note=join_note([declared, "the access compiles as written once "
                                                f"the struct is renamed to {tops}"])))
        return _field(entry(symbol, "partial", rec["id"], "derived", target=f"{tops}::{member}",
                            note=join_note([declared, f"CUDA's member is {cuda_type}: check the uses"])))
    header = next(iter(own.values()))["header"] if own else "the TOPS headers"
    notes = [f"{tops} (the opdb's counterpart of {struct}, {header}) has no member {member} "
             f"at tops-codec-headers {short(rec['commit'])}, so the access does not compile there"]
    if struct == "cudaDeviceProp":
        attr = attributes.get(member.lower())
        if attr:
            notes.append(f"topsDeviceGetAttribute with {attr[0]} ({attr[1]}) asks a question of "
                         "the same name")
    similar = sorted(m for m in own if m.lower().endswith(member.lower()) and m != member)
    if similar:
        notes.append(f"{tops} has {', '.join(similar)} instead, which the rewrite does not "
                     "substitute: check that it holds the same values")
    return _field(entry(symbol, "missing", rec["id"], "derived", note=join_note(notes)))


def enflame_outputs(universe, shim_text, runtime_doc):
    up = universe.upstream
    md = up / "enflame" / "SOURCES.md"
    rec = record(md, "HDR", "tops-headers", "Enflame official TOPS runtime headers "
                 "(tops-codec-headers): the data members of their structs "
                 f"({TOPS_MEMBERS}, which snapshot_tops_structs.py derives from them)",
                 "include/tops/tops_runtime_api.h; include/tops/driver_types.h")
    members = tops_members(up)
    attributes = tops_device_attributes(up)
    targets = struct_targets(runtime_doc)
    found = []
    for struct in STRUCTS:
        tops = targets.get(struct)
        if not tops:
            continue  # the struct itself has no counterpart in the opdb: its members stay unknown
        require(tops in members, f"{TOPS_MEMBERS}: no struct {tops} (the target of {struct})")
        for member, cuda_type in shim_fields(shim_text, struct):
            found.append(enflame_entry(struct, member, cuda_type, tops, members, attributes, rec))
    header = generated_header(SCRIPT, [TOPS_MEMBERS, TOPS_ENUMS],
                              f"EnflameTechnology/tops-codec-headers {rec['commit']}, {rec['date']}; "
                              f"structs as opdb/enflame/cuda_runtime.yaml maps them; members as "
                              f"{SHIM} declares them")
    return {"enflame/cuda_struct_fields.yaml": (header, coverage_doc("enflame", [rec], found))}


# ---------------------------------------------------------------------------------------------
# Ascend


def acl_rt_facts(upstream):
    """(structs and unions acl_rt.h declares, aclrtDevAttr enumerators in declaration order)."""
    structs, attrs = [], []
    for r in read_tsv(upstream / ACL_DECLARATIONS):
        if r["header"] != ACL_RT:
            continue
        if r["kind"] in ("struct", "union") and r["name"] != "(anonymous)":
            structs.append(r["name"])
        if r["kind"] == "enumerator" and r["notes"].startswith("enum=aclrtDevAttr "):
            if r["name"] not in attrs:
                attrs.append(r["name"])
    require(attrs, f"{ACL_DECLARATIONS}: no aclrtDevAttr enumerator in {ACL_RT}")
    return structs, attrs


def device_property_structs(structs):
    """The structs whose name says they hold device properties (none in acl_rt.h)."""
    return [s for s in structs if re.search(r"dev(ice)?_?(prop|attr|info)", s, re.I)]


def ascend_outputs(universe, shim_text):
    up = universe.upstream
    md = up / "ascend" / "SOURCES.md"
    rec = record(md, "RT", "cann-runtime", "CANN runtime (ACL) headers include/external/acl/*.h "
                 "(shared/upstream/ascend/cann-api/acl_runtime_api.tsv): the structs and the "
                 "aclrtDevAttr values acl_rt.h declares", ACL_RT)
    rec["id"] = f"cann-runtime-{short(rec['commit'])}"
    structs, attrs = acl_rt_facts(up)
    require(not device_property_structs(structs),
            f"{ACL_DECLARATIONS}: {ACL_RT} now declares {device_property_structs(structs)}; "
            "the Ascend answers assume it has no device-property struct")
    found = []
    for member, _type in shim_fields(shim_text, "cudaDeviceProp"):
        note = join_note([
            f"the ACL runtime has no device-property struct ({ACL_RT} declares "
            f"{len(structs)} structs and unions, none of them named as one, and "
            "aclrtGetDeviceInfo, the counterpart of cudaGetDeviceProperties, fills no struct), "
            "so a cudaDeviceProp member has no counterpart to read",
            "device questions are aclrtGetDeviceInfo(deviceId, attr, &value) calls, one aclrtDevAttr "
            f"per call; {ACL_RT} declares {', '.join(attrs)}",
            "which of these, if any, answers what this member holds is not stated by any public source",
        ])
        found.append(_field(entry(f"cudaDeviceProp::{member}", "missing", rec["id"], "derived",
                                  note=note)))
    header = generated_header(SCRIPT, [ACL_DECLARATIONS],
                              f"hicann/runtime {rec['commit']}, {rec['date']}; members as {SHIM} "
                              "declares them")
    return {"ascend/cuda_struct_fields.yaml": (header, coverage_doc("ascend", [rec], found))}


def outputs(universe, project, parts, enflame=True):
    """{path: (header, doc)}: Ascend's file, and Enflame's unless `enflame` is False (its input
    enflame/tops_struct_members.tsv could not be made). `parts` holds the generated
    enflame/cuda_runtime.yaml (the struct pairs)."""
    shim_text = read_text(project / SHIM)
    out = ascend_outputs(universe, shim_text)
    if enflame:
        out.update(enflame_outputs(universe, shim_text, parts["enflame/cuda_runtime.yaml"][1]))
    return out
