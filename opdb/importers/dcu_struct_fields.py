"""Hygon DCU answers for the data members of CUDA runtime structs (`prop.unifiedAddressing` on a
cudaDeviceProp): opdb/dcu/cuda_struct_fields.yaml. Used by regenerate.py.

The C/C++/CUDA frontend reports a member access on one of STRUCTS as symbol `Struct::member`
(kind `field`), when the opdb knows that name. The members are those opscope's CUDA shim declares
for the struct (analyzer/cuda/shims/core/cudart.h, what the scanner resolves member accesses
against without a toolkit). The struct's HIP counterpart is HIPIFY's (cudaDeviceProp ->
hipDeviceProp_t); what that HIP struct declares is read from hip/declarations.tsv (the HIP 5.2
headers, its `field` rows):

* the HIP struct declares a member of the same name: `native` (the rewrite renames the struct and
  leaves the access as written), citing the header and HIP's type of the member, or `partial`
  when that type is not CUDA's (up to cuda->hip renaming), naming both;
* it does not: `missing` at HIP 5.2, never mapped (a different member is not the same access).
  For cudaDeviceProp the note names the device attribute that asks the same question
  (cudaDevAttr<Member> and HIPIFY's HIP name for it, hipDeviceGetAttribute), saying when the HIP
  headers mark that attribute "Cuda only" (hip/declarations.tsv `cuda_only` rows: the AMD back end
  does not answer it). HIPIFY's tables have no rows for struct members, so no HIP version that
  adds a member is stated.

The Ascend and Enflame answers for the same members are npu_struct_fields.py's; Cambricon has
none (the snapshot lists no cnrt.h struct members).
"""

import re

from common import UpstreamError, coverage_doc, entry, generated_header, join_note, read_text, require
from dcu_hip_level import HipHeaders

SCRIPT = "dcu_struct_fields.py"
PLATFORM = "dcu"
STRUCTS = ("cudaDeviceProp", "cudaPointerAttributes", "cudaFuncAttributes", "cudaChannelFormatDesc")
SHIM = "analyzer/cuda/shims/core/cudart.h"
CATEGORY = "cuda-runtime/fields"
DEVICE_ATTRIBUTE_PREFIX = "cudaDevAttr"


def shim_fields(text, struct):
    """[(member, type as Clang prints it: "int[3]", "size_t")] of `struct { ... };` in the
    shim's text, in declaration order."""
    m = re.search(r"\bstruct\s+" + re.escape(struct) + r"\s*\{([^{}]*)\};", text)
    require(m, f"{SHIM}: no struct {struct}")
    out = []
    for statement in m.group(1).split(";"):
        statement = statement.strip()
        if not statement:
            continue
        declarators = [d.strip() for d in statement.split(",")]
        words = declarators[0].split()
        base, declarators[0] = " ".join(words[:-1]), words[-1]
        for d in declarators:
            pointer = "*" * (len(d) - len(d.lstrip("*")))
            name = re.sub(r"\[.*", "", d.lstrip("*"))
            require(re.fullmatch(r"[A-Za-z_]\w*", name), f"{SHIM}: struct {struct}: cannot read member {d!r}")
            out.append((name, (base + (" " + pointer if pointer else "")) + "".join(re.findall(r"\[\d+\]", d))))
    return out


def same_type(cuda_type, hip_type):
    """True when HIP's type of a member is CUDA's, up to the cuda->hip renaming of the types in it
    (enum cudaChannelFormatKind -> enum hipChannelFormatKind) and spacing."""
    def norm(t):
        return re.sub(r"\s+", "", t).replace("unsignedint", "unsigned")
    return norm(re.sub(r"\bcuda", "hip", cuda_type)) == norm(hip_type)


def hip_struct(cuda, struct):
    """HIPIFY's HIP name for a CUDA struct."""
    for row in cuda.hipify_by_name.get(struct, []):
        if row["hip_name"]:
            return row["hip_name"]
    raise UpstreamError(f"hipify/cuda2hip.tsv: no HIP name for {struct}")


def device_attributes(cuda):
    """{lower-case attribute stem: HIPIFY row} of the cudaDevAttr* enumerators."""
    out = {}
    for row in cuda.hipify_rows:
        name = row["cuda_name"]
        if name.startswith(DEVICE_ATTRIBUTE_PREFIX) and row["hip_name"]:
            out.setdefault(name[len(DEVICE_ATTRIBUTE_PREFIX):].lower(), row)
    return out


def _alternative(member, attributes, headers):
    """The sentence naming the device attribute that asks what a missing cudaDeviceProp member
    holds, or None."""
    row = attributes.get(member.lower())
    if row is None:
        return None
    hip_name = row["hip_name"]
    if not headers.declares(hip_name):
        return (f"HIPIFY maps {row['cuda_name']} to {hip_name}, which the HIP {headers.version} "
                "headers do not declare")
    where = headers.header(hip_name)
    sentence = (f"hipDeviceGetAttribute with {hip_name} (HIPIFY's counterpart of {row['cuda_name']}) "
                f"asks the same question and is declared in {where}")
    if any(r["kind"] == "cuda_only" for r in headers.by_name.get(hip_name, [])):
        sentence += (f", but {where} marks {hip_name} \"Cuda only\": HIP's AMD back end need not "
                     "answer it")
    return sentence


def field_entry(struct, member, cuda_type, hip_name, headers, attributes):
    symbol = f"{struct}::{member}"
    rows = [r for r in headers.by_name.get(f"{hip_name}::{member}", []) if r["kind"] == "field"]
    if rows:
        r = rows[0]
        declared = (f"{hip_name} (HIPIFY's counterpart of {struct}) declares {member} "
                    f"({r['signature']}) in {r['header']} at HIP {headers.version}")
        if same_type(cuda_type, r["signature"]):
            e = entry(symbol, "native", headers.record["id"], "derived", note=join_note([declared]))
        else:  # the same name with another type: code using it as CUDA's type may not compile
            e = entry(symbol, "partial", headers.record["id"], "derived", note=join_note([
                declared, f"CUDA's member is {cuda_type}: check the uses"]))
    else:
        declared = headers.header(hip_name) or "the HIP headers"
        notes = [f"{hip_name} (HIPIFY's counterpart of {struct}, {declared}) has no member {member} "
                 f"at HIP {headers.version}, so the access does not compile there; HIPIFY's tables "
                 "have no rows for struct members, so no HIP version that adds it is known"]
        if struct == "cudaDeviceProp":
            notes.append(_alternative(member, attributes, headers))
        # A HIP member whose name ends in this one (hipPointerAttribute_t::memoryType for type):
        # named as a lead, never as the answer (its values need not be CUDA's).
        prefix = f"{hip_name}::"
        similar = sorted(n[len(prefix):] for n, rs in headers.by_name.items() if n.startswith(prefix)
                         and any(r["kind"] == "field" for r in rs)
                         and n[len(prefix):].lower().endswith(member.lower()))
        if similar:
            notes.append(f"{hip_name} has {', '.join(similar)} instead, which the rewrite does not "
                         "substitute: check that it holds the same values")
        e = entry(symbol, "missing", headers.record["id"], "derived", note=join_note(notes))
    e["kind"], e["library"], e["category"] = "field", "cudart", CATEGORY
    return e


def entries(universe, project):
    """(entries, HIP headers) for every member of STRUCTS the shim declares."""
    text = read_text(project / SHIM)
    headers = HipHeaders(universe.upstream)
    attributes = device_attributes(universe.cuda)
    out = []
    for struct in STRUCTS:
        hip_name = hip_struct(universe.cuda, struct)
        require(headers.declares(hip_name), f"hip/declarations.tsv: no {hip_name}")
        for member, cuda_type in shim_fields(text, struct):
            out.append(field_entry(struct, member, cuda_type, hip_name, headers, attributes))
    return out, headers


def outputs(universe, project):
    hip = universe.cuda.hipify
    found, headers = entries(universe, project)
    header = generated_header(SCRIPT, ["hipify/cuda2hip.tsv", "hip/declarations.tsv"],
                              f"ROCm/HIPIFY {hip['commit']}, {hip['date']}; HIP {headers.version} "
                              f"headers (Debian libamdhip64-dev); members as {SHIM} declares them")
    return {"dcu/cuda_struct_fields.yaml": (header, coverage_doc(PLATFORM, [headers.record], found))}
