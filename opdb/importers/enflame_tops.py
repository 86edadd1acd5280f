"""Enflame GCU coverage of the CUDA runtime, the driver API and NCCL (TOPS runtime, ECCL).

Reads enflame/cuda_to_tops_pairs.tsv (DeepLink DIPU's topsrider device and ECCL communicator
layers; Enflame UHHI's CUDA driver vs TOPS backends), enflame/tops_runtime_api_functions.tsv,
enflame/tops_runtime_names.tsv, enflame/tops_runtime_enums.tsv (the official TOPS headers),
enflame/eccl_api_names.txt (ECCL names seen in public code) and enflame/SOURCES.md. Writes
opdb/enflame/cuda_runtime.yaml, cuda_driver.yaml and nccl.yaml.

  1. a usable pair -> mapped, third-party (choice: opdb/importers/pairs.py; the note says whether
     the target is in the official TOPS headers)
  2. cuda* renamed tops* declared in the official TOPS headers -> mapped, inferred
  3. HIPIFY's HIP name with hip* renamed tops* declared in the official TOPS headers -> mapped,
     inferred (the TOPS runtime follows HIP's names: topsDeviceAttribute*, topsError* codes
     numbered as HIP's, topsHostMalloc*; cudaDevAttrMaxSharedMemoryPerBlock ->
     hipDeviceAttributeMaxSharedMemoryPerBlock -> topsDeviceAttributeMaxSharedMemoryPerBlock)
  4. nccl* renamed eccl* seen called in public code -> mapped, inferred. ECCL has no public
     header: the name is usage-derived and the arguments were not compared
  5. runtime and NCCL functions otherwise -> unknown; other symbols get no entry
"""

from common import (coverage_doc, entry, generated_header, join_note, read_text, read_tsv, record,
                    require)
from library_role_table import VECTOR_TYPES
from pairs import PairTable, Project, pair_entries

SCRIPT = "enflame_tops.py"
PLATFORM = "enflame"

PROJECTS = [
    Project("DIPU", "deeplink.framework", "DeepLink DIPU", "dipu",
            "DeepLink DIPU vendor device and communicator layers, CUDA vs Enflame topsrider/ECCL, "
            "aligned by wrapper (shared/upstream/enflame/cuda_to_tops_pairs.tsv)"),
    Project("UHHI", "UHHI", "Enflame UHHI", "uhhi",
            "Enflame UHHI cuda_backend vs tops_backend, aligned by method "
            "(shared/upstream/enflame/cuda_to_tops_pairs.tsv)"),
]
# Repositories of eccl_api_names.txt -> enflame/SOURCES.md provenance keys, most official first.
ECCL_REPOS = [("sunnygui-L/torch-gcu", "TGCU"), ("EnflameTechnology/vllm-gcu", "VLLM"),
              ("EnflameTechnology/UHHI", "UHHI"), ("EnflameTechnology/Ubridge", "UBR"),
              ("EnflameTechnology/ModelZoo", "MZ"),
              ("DeepLink-org/deeplink.framework", "DIPU")]


def component_rank(component):
    return 0 if component in ("topsrider device", "eccl communicator") else 1


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
        require(self.declared, "enflame/tops_runtime_*.tsv: no declared names")

    def header(self, name):
        return self.declared.get(name)


def eccl_names(upstream, twins=()):
    """{ECCL name: [repositories seen in]} for names the snapshot takes for vendor API, and for
    functions named in `twins` (the eccl* twins of NCCL functions) even where the snapshot's
    heuristic took them for the calling project's own code: a called ecclX where NCCL declares
    ncclX is ECCL's name."""
    out = {}
    for line in read_text(upstream / "enflame" / "eccl_api_names.txt").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        require(len(cols) == 5, f"enflame/eccl_api_names.txt: bad line {line!r}")
        if cols[4].startswith("vendor_api") or (cols[1] == "function" and cols[0] in twins):
            out[cols[0]] = [r.strip() for r in cols[3].replace(";", ",").split(",") if r.strip()]
    return out


def hip_twin(universe, sym, tops):
    """(HIP name, TOPS name, header) when HIPIFY renames `sym` hipX and the official TOPS headers
    declare topsX, else None."""
    row = universe.cuda.hipify_row(sym)
    hip = row["hip_name"].strip() if row else ""
    if not hip.startswith("hip"):
        return None
    guess = "tops" + hip[3:]
    h = tops.header(guess)
    return (hip, guess, h) if h else None


def outputs(universe):
    up = universe.upstream
    md = up / "enflame" / "SOURCES.md"
    table = PairTable(md, up / "enflame" / "cuda_to_tops_pairs.tsv", PROJECTS, component_rank)
    tops = TopsHeaders(up)
    eccl = eccl_names(up, {"eccl" + s["name"][4:] for s in universe.cuda.symbols["nccl"]
                           if s["kind"] == "function"})
    hdr_rec = record(md, "HDR", "tops-headers", "Enflame official TOPS runtime headers "
                          "(tops-codec-headers): declared functions, types and enumerators "
                          "(shared/upstream/enflame/tops_runtime_*.tsv)", "include/tops/")
    usage = {}
    for repo, key in ECCL_REPOS:
        if key in table.records:
            usage[repo] = table.records[key]
            continue
        rec = record(md, key, key.lower(), f"{repo}: ECCL names called in its code (ECCL has no "
                          "public header; shared/upstream/enflame/eccl_api_names.txt)",
                          "(whole repository, scanned for eccl* identifiers)")
        usage[repo] = rec

    def remarks(sym, best):
        h = tops.header(best.target)
        if best.target.startswith("eccl"):
            return ["ECCL has no public header; the target is the name the wrapper calls"]
        return [f"{best.target} is declared in the official TOPS header {h}" if h else
                f"{best.target} is not among the names extracted from the official TOPS headers"]

    def fallback(sym, unresolved):
        name = sym["name"]
        if name.startswith("cuda"):
            guess = "tops" + name[4:]
            h = tops.header(guess)
            if h:
                return entry(name, "mapped", hdr_rec["id"], "inferred", target=guess,
                             note=join_note(["name correspondence cuda*->tops*; target declared "
                                             f"in the official TOPS runtime header {h}"]))
        via_hip = hip_twin(universe, sym, tops)
        if via_hip:
            hip, guess, h = via_hip
            return entry(name, "mapped", hdr_rec["id"], "inferred", target=guess,
                         note=join_note([f"name correspondence through HIP: HIPIFY renames it "
                                         f"{hip}, and the official TOPS header {h} declares "
                                         f"{guess} (TOPS follows HIP's names)"]))
        if name.startswith("nccl") and "eccl" + name[4:] in eccl:
            target = "eccl" + name[4:]
            repos = eccl[target]
            repo = next(r for r, _ in ECCL_REPOS if r in repos)
            return entry(name, "mapped", usage[repo]["id"], "inferred", target=target,
                         note=join_note([f"name correspondence nccl*->eccl*: {target} is called "
                                         f"in {', '.join(sorted(repos))}",
                                         "ECCL has no public header, so the arguments were not "
                                         "compared"]))
        return None

    out = {}
    for stem, words in (("cuda_runtime", "a TOPS API"), ("cuda_driver", "a TOPS API"),
                        ("nccl", "an ECCL API")):
        entries = pair_entries(
            table, universe.cuda.symbols[stem], mapped_remarks=remarks, fallback=fallback,
            unknown_scope=lambda s: s["kind"] == "function" and s["library"] in (
                "cudart", "nccl") and not VECTOR_TYPES.fullmatch(s["name"]),  # library_roles.py
            unknown_words=words)
        sources = list(table.records.values()) + [hdr_rec] + list(usage.values())
        used = {e["source"] for e in entries}
        snap = "; ".join(f"{r['repository'][19:]} {r['commit']}, {r['date']}" for r in
                         {r["id"]: r for r in sources}.values() if r["id"] in used)
        hdr = generated_header(SCRIPT, ["enflame/cuda_to_tops_pairs.tsv",
                                        "enflame/tops_runtime_api_functions.tsv",
                                        "enflame/tops_runtime_names.tsv",
                                        "enflame/tops_runtime_enums.tsv",
                                        "enflame/eccl_api_names.txt"], snap)
        out[f"enflame/{stem}.yaml"] = (hdr, coverage_doc(PLATFORM, list(
            {r["id"]: r for r in sources}.values()), entries))
    return out
