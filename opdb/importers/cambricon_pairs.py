"""Cambricon MLU coverage from the CUDA->CNRT pairs of DeepLink DIPU and InfiniCore.

Reads cambricon/cuda_to_cnrt_pairs.tsv, cambricon/cnrt_api_names.txt and
cambricon/cnrt_error_codes.tsv (only to say in the note whether a target is declared in the
public cnrt.h 6.14.1 copy), and cambricon/SOURCES.md for provenance. Writes
opdb/cambricon/<file>.yaml, one entry for every source-side symbol.

Every pair is `third-party`. Where several targets exist for one CUDA name, one_to_one (and
alias/mapping-key) alignments beat name similarity, DIPU's cnrt_6.x layer beats InfiniCore, which
beats DIPU's cnrt_5.x layer; the alternatives go into the note. Rows aligned only as
`unresolved_candidate_in_wrapper` are not used as mappings.
"""

from common import (coverage_doc, entry, generated_header, join_note, read_text, read_tsv,
                    repo_record, require, short)
from pairs import choose, context_words, describe

SCRIPT = "cambricon_pairs.py"
PLATFORM = "cambricon"

COMPONENT_RANK = {"cnrt_6.x device": 0, "cnrt_5.x device": 2}


def component_rank(component):
    return COMPONENT_RANK.get(component, 1)


def project_key(project):
    if "deeplink.framework" in project:
        return "DIPU"
    if "InfiniCore" in project:
        return "INFINI"
    raise ValueError(f"unknown project {project!r} in cuda_to_cnrt_pairs.tsv")


LABEL = {"DIPU": "DeepLink DIPU", "INFINI": "InfiniCore"}


def label(project):
    return LABEL[project_key(project)]


def cnrt5_remark(row, target):
    return "the CNRT 5.x name" if row["component"] == "cnrt_5.x device" else ""


class CnrtHeader:
    """Names declared in the public cnrt.h 6.14.1 copy (functions and cnrtRet_t values)."""

    def __init__(self, upstream):
        self.functions = set()
        for line in read_text(upstream / "cambricon" / "cnrt_api_names.txt").splitlines():
            if line and not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) == 2:
                    self.functions.add(parts[1].strip())
        require(self.functions, "cambricon/cnrt_api_names.txt: no function names")
        self.codes = {r["name"]: r for r in
                      read_tsv(upstream / "cambricon" / "cnrt_error_codes.tsv")}

    def describe(self, name, kind):
        if name.startswith("cndev"):
            return (f"{name} is a CNDev (device management library) API, not CNRT: a semantic "
                    "approximation")
        if name in self.functions:
            return f"{name} is declared in cnrt.h 6.14.1"
        if name in self.codes:
            note = self.codes[name]["note"]
            return f"{name} is a cnrt.h 6.14.1 error code" + (f" ({note})" if note else "")
        if kind == "function":
            return f"{name} is not among the cnrt.h 6.14.1 function names"
        return None


def mapped_note(sym, best, others, header):
    parts = describe(best, others, label, cnrt5_remark)
    declared = header.describe(best.target, sym["kind"])
    if declared:
        parts.append(declared)
    if sym["name"].endswith("Async") and "Async" not in best.target:
        parts.append(f"{best.target} is a synchronous call, not ordered on a queue")
    return join_note(parts)


def unknown_note(sym, unresolved, header, library_words):
    parts = [f"no public source pairs this symbol with {library_words}"]
    for r in unresolved:
        parts.append(f"{label(r['project'])} ({r['component']}) calls {r['vendor_api']} in the "
                     f"same {context_words(r['context'])}, but the pairing is unresolved")
    name = sym["name"]
    if name.startswith("cuda") and sym["kind"] == "function":
        guess = "cnrt" + name[4:]
        if guess in header.functions:
            parts.append(f"cnrt.h 6.14.1 declares {guess} (same name after the prefix; not "
                         "verified as equivalent)")
    return join_note(parts)


def outputs(universe):
    up = universe.upstream
    md = up / "cambricon" / "SOURCES.md"
    rows = read_tsv(up / "cambricon" / "cuda_to_cnrt_pairs.tsv")
    header = CnrtHeader(up)
    by_name = {}
    for r in rows:
        by_name.setdefault(r["cuda_api"], []).append(r)

    # Provenance: one record per project, naming the files its pairs were read from.
    records, files = {}, {}
    for r in rows:
        key = project_key(r["project"])
        for col in ("cuda_side_files", "vendor_side_files"):
            files.setdefault(key, set()).update(f for f in r[col].split(";") if f)
    titles = {
        "DIPU": "DeepLink DIPU vendor device layers, CUDA vs Cambricon (cnrt_6.x and cnrt_5.x), "
                "aligned by wrapper (shared/upstream/cambricon/cuda_to_cnrt_pairs.tsv)",
        "INFINI": "InfiniCore infinirt/infiniccl, CUDA vs Cambricon bang backends, aligned by "
                  "wrapper (shared/upstream/cambricon/cuda_to_cnrt_pairs.tsv)",
    }
    for key, prefix in (("DIPU", "dipu"), ("INFINI", "infinicore")):
        rec = repo_record(md, key, "", titles[key], "; ".join(sorted(files.get(key, ()))))
        rec["id"] = f"{prefix}-{short(rec['commit'])}"
        records[key] = rec

    out = {}
    for stem, symbols in universe.files.items():
        entries = []
        words = ("a CNRT API" if stem == "cuda_runtime_core"
                 else "a CNNL or other Cambricon API")
        for sym in symbols:
            best, others, unresolved = choose(by_name.get(sym["name"], []), component_rank)
            if best is None:
                entries.append(entry(sym["name"], "unknown", records["DIPU"]["id"],
                                     "third-party",
                                     note=unknown_note(sym, unresolved, header, words)))
                continue
            src = records[project_key(best.rows[0]["project"])]["id"]
            entries.append(entry(sym["name"], "mapped", src, "third-party", target=best.target,
                                 note=mapped_note(sym, best, others, header)))
        snap = "; ".join(f"{r['repository'][len('https://github.com/'):]} {r['commit']}, "
                         f"{r['date']}" for r in records.values())
        hdr = generated_header(SCRIPT, ["cambricon/cuda_to_cnrt_pairs.tsv",
                                        "cambricon/cnrt_api_names.txt",
                                        "cambricon/cnrt_error_codes.tsv"],
                               snap + "; cnrt.h 6.14.1")
        out[f"cambricon/{stem}.yaml"] = (hdr, coverage_doc(PLATFORM, list(records.values()),
                                                           entries))
    return out
