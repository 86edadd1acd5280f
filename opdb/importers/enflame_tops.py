"""Enflame GCU coverage from DIPU's CUDA->TOPS pairs and the official TOPS runtime headers.

Reads enflame/cuda_to_tops_pairs.tsv, enflame/tops_runtime_api_functions.tsv,
enflame/tops_runtime_names.tsv, enflame/tops_runtime_enums.tsv and enflame/SOURCES.md.
Writes opdb/enflame/<file>.yaml, one entry for every source-side symbol.

  * a pair in cuda_to_tops_pairs.tsv             -> mapped, third-party (choice as for Cambricon)
  * otherwise, cuda* renamed tops* is declared in the official TOPS headers
                                                -> mapped, inferred (name correspondence)
  * otherwise                                    -> unknown
"""

from common import (coverage_doc, entry, generated_header, join_note, read_tsv, repo_record,
                    short)
from pairs import choose, context_words, describe

SCRIPT = "enflame_tops.py"
PLATFORM = "enflame"


def component_rank(component):
    return 0 if component == "topsrider device" else 1


def project_key(project):
    if "deeplink.framework" in project:
        return "DIPU"
    if "UHHI" in project:
        return "UHHI"
    raise ValueError(f"unknown project {project!r} in cuda_to_tops_pairs.tsv")


LABEL = {"DIPU": "DeepLink DIPU", "UHHI": "Enflame UHHI"}


def label(project):
    return LABEL[project_key(project)]


class TopsHeaders:
    """Names declared in the official TOPS headers, with the header that declares them."""

    def __init__(self, upstream):
        d = upstream / "enflame"
        self.declared = {}
        for r in read_tsv(d / "tops_runtime_api_functions.tsv"):
            self.declared.setdefault(r["function"], r["header"])
        for r in read_tsv(d / "tops_runtime_enums.tsv"):
            self.declared.setdefault(r["enumerator"], r["header"])
        for r in read_tsv(d / "tops_runtime_names.tsv"):
            h = r["declared_in_official_header"]
            if h and h != "no":
                self.declared.setdefault(r["name"], h)

    def header(self, name):
        return self.declared.get(name)


def outputs(universe):
    up = universe.upstream
    md = up / "enflame" / "SOURCES.md"
    rows = read_tsv(up / "enflame" / "cuda_to_tops_pairs.tsv")
    tops = TopsHeaders(up)
    by_name = {}
    for r in rows:
        by_name.setdefault(r["cuda_api"], []).append(r)

    files = {}
    for r in rows:
        key = project_key(r["project"])
        for col in ("cuda_side_files", "vendor_side_files"):
            files.setdefault(key, set()).update(f for f in r[col].split(";") if f)
    titles = {
        "DIPU": "DeepLink DIPU vendor device layers, CUDA vs Enflame topsrider, aligned by "
                "wrapper (shared/upstream/enflame/cuda_to_tops_pairs.tsv)",
        "UHHI": "Enflame UHHI cuda_backend vs tops_backend, aligned by method "
                "(shared/upstream/enflame/cuda_to_tops_pairs.tsv)",
        "HDR": "Enflame official TOPS runtime headers (tops-codec-headers): declared functions, "
               "types and enumerators (shared/upstream/enflame/tops_runtime_*.tsv)",
    }
    records = {}
    for key, prefix in (("DIPU", "dipu"), ("UHHI", "uhhi")):
        rec = repo_record(md, key, "", titles[key], "; ".join(sorted(files.get(key, ()))))
        rec["id"] = f"{prefix}-{short(rec['commit'])}"
        records[key] = rec

    out = {}
    for stem, symbols in universe.files.items():
        entries, headers_used = [], set()
        for sym in symbols:
            name = sym["name"]
            best, others, unresolved = choose(by_name.get(name, []), component_rank)
            if best is not None:
                first = best.rows[0]
                parts = describe(best, others, label)
                h = tops.header(best.target)
                parts.append(f"{best.target} is declared in the official TOPS header {h}" if h
                             else f"{best.target} is not among the names extracted from the "
                                  "official TOPS headers")
                entries.append(entry(name, "mapped", records[project_key(first["project"])]["id"],
                                     "third-party", target=best.target, note=join_note(parts)))
                continue
            guess = "tops" + name[4:] if name.startswith("cuda") else None
            h = tops.header(guess) if guess else None
            if h:
                headers_used.add(h)
                entries.append(entry(name, "mapped", "HDR", "inferred", target=guess,
                                     note=join_note([
                                         "name correspondence cuda*->tops*; target declared in "
                                         f"the official TOPS runtime header {h}"])))
                continue
            parts = ["no public source pairs this symbol with a TOPS API"]
            for r in unresolved:
                parts.append(f"{label(r['project'])} ({r['component']}) calls {r['vendor_api']} "
                             f"in the same {context_words(r['context'])}, but the pairing is "
                             "unresolved")
            if guess:
                parts.append(f"{guess} is not declared in the official TOPS headers")
            entries.append(entry(name, "unknown", records["DIPU"]["id"], "third-party",
                                 note=join_note(parts)))
        hdr_paths = "; ".join(f"include/tops/{h}" for h in sorted(headers_used)) or \
            "include/tops/"
        rec = repo_record(md, "HDR", "", titles["HDR"], hdr_paths)
        rec["id"] = f"tops-headers-{short(rec['commit'])}"
        for e in entries:
            if e["source"] == "HDR":
                e["source"] = rec["id"]
        sources = list(records.values()) + [rec]
        snap = "; ".join(f"{r['repository'][len('https://github.com/'):]} {r['commit']}, "
                         f"{r['date']}" for r in sources
                         if any(e["source"] == r["id"] for e in entries) or r is rec)
        hdr = generated_header(SCRIPT, ["enflame/cuda_to_tops_pairs.tsv",
                                        "enflame/tops_runtime_api_functions.tsv",
                                        "enflame/tops_runtime_names.tsv",
                                        "enflame/tops_runtime_enums.tsv"], snap)
        out[f"enflame/{stem}.yaml"] = (hdr, coverage_doc(PLATFORM, sources, entries))
    return out
