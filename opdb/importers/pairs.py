"""Choosing one vendor target per CUDA name from a CUDA->vendor pairs table.

The Cambricon and Enflame snapshots both hold a `cuda_to_<vendor>_pairs.tsv`: calls that a
multi-vendor framework makes in the CUDA and the vendor implementation of the same wrapper,
aligned by wrapper name (see cambricon/SOURCES.md, "cuda_to_cnrt_pairs.tsv").
"""

# Alignment labels in the order they are trusted; `unresolved_candidate_in_wrapper` rows are
# never used as mappings.
ALIGN_RANK = {
    "one_to_one_in_wrapper": 0,
    "same_alias": 0,
    "same_mapping_key": 0,
    "same_uhal_DeviceError": 0,
    "name_similarity_in_wrapper": 1,
}
UNRESOLVED = "unresolved_candidate_in_wrapper"


def context_words(context):
    kind, _, what = context.partition(":")
    return f"{kind} {what}" if what else context


class Candidate:
    def __init__(self, target, rows, component_rank):
        self.target = target
        self.rows = sorted(rows, key=lambda r: (ALIGN_RANK[r["alignment"]],
                                                component_rank(r["component"]),
                                                r["project"], r["component"], r["context"]))
        best = self.rows[0]
        self.rank = (ALIGN_RANK[best["alignment"]], component_rank(best["component"]),
                     -len(rows), target)


def choose(rows, component_rank):
    """(best Candidate, [other Candidates], [unresolved rows]) for the rows of one CUDA name."""
    usable, unresolved = {}, []
    for r in rows:
        if r["alignment"] == UNRESOLVED:
            unresolved.append(r)
        elif r["alignment"] in ALIGN_RANK:
            usable.setdefault(r["vendor_api"], []).append(r)
        else:
            raise ValueError(f"unknown alignment label {r['alignment']!r}")
    cands = sorted((Candidate(t, rs, component_rank) for t, rs in usable.items()),
                   key=lambda c: c.rank)
    unresolved.sort(key=lambda r: (r["project"], r["component"], r["vendor_api"]))
    if not cands:
        return None, [], unresolved
    return cands[0], cands[1:], unresolved


def distinct_origins(rows, label):
    """One (label(project), component, alignment) per project+component, best row first."""
    seen, out = set(), []
    for r in rows:
        key = (r["project"], r["component"])
        if key in seen:
            continue
        seen.add(key)
        out.append((label(r["project"]), r["component"], r["alignment"]))
    return out


def describe(best, others, label, alt_remark=lambda row, target: ""):
    """Note sentences for a chosen pair: who pairs it, who agrees, which other targets exist.
    `alt_remark(row, target)` may add words about an alternative (e.g. "the CNRT 5.x name")."""
    first = best.rows[0]
    origins = distinct_origins(best.rows, label)
    parts = [f"{origins[0][0]} ({origins[0][1]}) pairs it with {best.target} in "
             f"{context_words(first['context'])} ({first['alignment']})"]
    if len(origins) > 1:
        parts.append("Also paired so by " + " and ".join(
            f"{o[0]} ({o[1]}, {o[2]})" for o in origins[1:]))
    alts = []
    for c in others:
        remark = alt_remark(c.rows[0], c.target)
        alts.append(f"{c.target}{' (' + remark + ')' if remark else ''} from " + " and ".join(
            f"{o[0]} ({o[1]}, {o[2]})" for o in distinct_origins(c.rows, label)))
    if alts:
        parts.append("Alternatives: " + "; ".join(alts))
    return parts
