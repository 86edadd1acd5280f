"""Hygon DCU coverage from HIPIFY's CUDA->HIP table.

Reads hipify/cuda2hip.tsv (through the Universe). Writes opdb/dcu/<file>.yaml, one entry for
every source-side symbol.

HIPIFY is AMD's official CUDA->HIP table; Hygon DCU's DTK is HIP-compatible, so every answer
here is `derived`:
  * HIP name present, not HIP_UNSUPPORTED/UNSUPPORTED -> mapped (native if the name is the same)
  * HIP_EXPERIMENTAL                                   -> partial
  * HIP_UNSUPPORTED / UNSUPPORTED                       -> missing
  * no HIPIFY row                                      -> unknown
For cuBLAS the target is the hipBLAS name; the rocBLAS name goes into the note.
"""

from common import coverage_doc, entry, generated_header, join_note

SCRIPT = "dcu_hipify.py"
PLATFORM = "dcu"


def dcu_entry(sym, row, source_id):
    name = sym["name"]
    if row is None:
        return entry(name, "unknown", source_id, "derived",
                     note=join_note(["HIPIFY has no row for this symbol"]))
    flags = set(row["support_flags"].split("|"))
    hip = row["hip_name"]
    notes = []
    if flags & {"HIP_UNSUPPORTED", "UNSUPPORTED"}:
        status, target = "missing", None
        notes.append("HIPIFY marks this unsupported in HIP")
    elif not hip:
        status, target = "unknown", None
        notes.append("HIPIFY has a row for this symbol but names no HIP equivalent")
    elif "HIP_EXPERIMENTAL" in flags:
        status, target = "partial", hip
        since = row["hip_experimental"]
        notes.append(f"HIP marks {hip} experimental" + (f" since HIP {since}" if since else ""))
    else:
        status, target = ("native" if hip == name else "mapped"), hip
        if row["hip_added"]:
            notes.append(f"{hip} is in HIP since {row['hip_added']}")
    if target and sym["library"] == "cublas":
        roc = row["roc_name"]
        if roc and not flags & {"ROC_UNSUPPORTED", "UNSUPPORTED"}:
            notes.append(f"rocBLAS: {roc}")
        else:
            notes.append("HIPIFY names no supported rocBLAS equivalent")
    if "HIP_SUPPORTED_V2_ONLY" in flags:
        notes.append("HIPIFY converts only the cuBLAS v2 API form of this name")
    if flags & {"CUDA_DEPRECATED", "DEPRECATED"} or row["cuda_deprecated"]:
        v = row["cuda_deprecated"]
        notes.append("CUDA deprecated it" + (f" in {v}" if v else ""))
    if flags & {"CUDA_REMOVED", "REMOVED"} or row["cuda_removed"]:
        v = row["cuda_removed"]
        notes.append("CUDA removed it" + (f" in {v}" if v else ""))
    if hip and (flags & {"HIP_DEPRECATED", "DEPRECATED"} or row["hip_deprecated"]):
        v = row["hip_deprecated"]
        notes.append(f"HIP deprecated {hip}" + (f" in {v}" if v else ""))
    if hip and (flags & {"HIP_REMOVED", "REMOVED"} or row["hip_removed"]):
        v = row["hip_removed"]
        notes.append(f"HIP removed {hip}" + (f" in {v}" if v else ""))
    return entry(name, status, source_id, "derived", target=target, note=join_note(notes))


def outputs(universe):
    out = {}
    hip = universe.hipify
    for stem, symbols in universe.files.items():
        record = dict(hip)
        record["title"] = ("HIPIFY CUDA->HIP/ROC mapping tables with support flags; Hygon DCU's "
                           "DTK is HIP-compatible (shared/upstream/hipify/cuda2hip.tsv)")
        record["path"] = "; ".join("src/" + f for f in sorted(universe.hip_source_files[stem]))
        entries = [dcu_entry(s, universe.hipify_row(s), record["id"]) for s in symbols]
        header = generated_header(SCRIPT, ["hipify/cuda2hip.tsv"],
                                  f"ROCm/HIPIFY {hip['commit']}, {hip['date']}")
        out[f"dcu/{stem}.yaml"] = (header, coverage_doc(PLATFORM, [record], entries))
    return out
