"""CUDA->vendor pair tables and the coverage entries made from them (Cambricon, Enflame).

The Cambricon and Enflame snapshots both hold a `cuda_to_<vendor>_pairs.tsv`: calls that a
multi-vendor framework makes in the CUDA and the vendor implementation of the same wrapper,
aligned by wrapper name (see cambricon/SOURCES.md, "cuda_to_cnrt_pairs.tsv"). `PairTable`
reads one, keeps one provenance record per project and chooses one target per CUDA name;
`pair_entries` turns a list of source-side symbols into coverage entries, with a vendor-specific
fallback for the names no pair covers.
"""

from common import entry, join_note, read_tsv, record, require

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


class Project:
    """One upstream project of a pairs table: how to recognise it and cite it."""

    def __init__(self, key, match, label, id_prefix, title):
        self.key, self.match, self.label, self.id_prefix, self.title = \
            key, match, label, id_prefix, title


class PairTable:
    def __init__(self, sources_md, tsv, projects, component_rank):
        self.rows = read_tsv(tsv)
        require(self.rows and "alignment" in self.rows[0], f"{tsv}: unexpected columns")
        self.projects = projects
        self.component_rank = component_rank
        self.by_name = {}
        files = {}
        for r in self.rows:
            self.by_name.setdefault(r["cuda_api"], []).append(r)
            key = self.project(r["project"]).key
            for col in ("cuda_side_files", "vendor_side_files"):
                files.setdefault(key, set()).update(f for f in r[col].split(";") if f)
        self.records = {}
        for p in projects:
            rec = record(sources_md, p.key, p.id_prefix, p.title, "; ".join(sorted(files.get(p.key,
                                                                                       ()))))
            self.records[p.key] = rec

    def project(self, name):
        for p in self.projects:
            if p.match in name:
                return p
        raise ValueError(f"unknown project {name!r} in a pairs table")

    def label(self, name):
        return self.project(name).label

    def record_id(self, project_name):
        return self.records[self.project(project_name).key]["id"]

    def choose(self, name, twin=None):
        """(best Candidate, [other Candidates], [unresolved rows]) for one CUDA name. A usable
        candidate named `twin` (the source name with the vendor prefix) ranks first: a wrapper
        that maps several values (at::kBool and at::kByte -> ncclUint8) must not hide the one
        with the same name after the prefix."""
        usable, unresolved = {}, []
        for r in self.by_name.get(name, []):
            if r["alignment"] == UNRESOLVED:
                unresolved.append(r)
            elif r["alignment"] in ALIGN_RANK:
                usable.setdefault(r["vendor_api"], []).append(r)
            else:
                raise ValueError(f"unknown alignment label {r['alignment']!r}")
        cands = sorted((Candidate(t, rs, self.component_rank) for t, rs in usable.items()),
                       key=lambda c: (c.target != twin, c.rank))
        unresolved.sort(key=lambda r: (r["project"], r["component"], r["vendor_api"]))
        if not cands:
            return None, [], unresolved
        return cands[0], cands[1:], unresolved

    def _origins(self, rows):
        """One (label, component, alignment) per project+component, best row first."""
        seen, out = set(), []
        for r in rows:
            key = (r["project"], r["component"])
            if key not in seen:
                seen.add(key)
                out.append((self.label(r["project"]), r["component"], r["alignment"]))
        return out

    def describe(self, best, others, alt_remark=lambda row, target: ""):
        """Note sentences for a chosen pair: who pairs it, who agrees, which other targets
        exist. `alt_remark(row, target)` may add words about an alternative."""
        first = best.rows[0]
        origins = self._origins(best.rows)
        parts = [f"{origins[0][0]} ({origins[0][1]}) pairs it with {best.target} in "
                 f"{context_words(first['context'])} ({first['alignment']})"]
        if len(origins) > 1:
            parts.append("Also paired so by " + " and ".join(
                f"{o[0]} ({o[1]}, {o[2]})" for o in origins[1:]))
        alts = []
        for c in others:
            remark = alt_remark(c.rows[0], c.target)
            alts.append(f"{c.target}{' (' + remark + ')' if remark else ''} from " + " and ".join(
                f"{o[0]} ({o[1]}, {o[2]})" for o in self._origins(c.rows)))
        if alts:
            parts.append("Alternatives: " + "; ".join(alts))
        return parts

    def unresolved_notes(self, unresolved):
        return [f"{self.label(r['project'])} ({r['component']}) calls {r['vendor_api']} in the "
                f"same {context_words(r['context'])}, but the pairing is unresolved"
                for r in unresolved]


def pair_entries(table, symbols, *, invalid_targets=(), mapped_remarks=lambda sym, best: [],
                 alt_remark=lambda row, target: "", fallback=lambda sym, unresolved: None,
                 unknown_scope=lambda sym: False, unknown_words="a vendor API",
                 twin=lambda name: None, prefer=lambda sym, best, parts: None):
    """Coverage entries for `symbols` from a PairTable.

    A usable pair -> mapped (third-party), or missing when its target is one of
    `invalid_targets` (an 'invalid' enum value stands for "unsupported"). Otherwise
    `fallback(sym, unresolved)` may return an entry (e.g. a name correspondence); failing that,
    symbols in `unknown_scope` get an explicit unknown naming any unresolved candidates, and the
    rest no entry at all. `twin(name)` names the preferred candidate (see PairTable.choose);
    `prefer(sym, best, pair_sentences)` may replace a usable pair with a stronger entry (an
    official header's counterpart where the pair is a weaker approximation)."""
    entries = []
    default_src = table.records[table.projects[0].key]["id"]
    for sym in symbols:
        best, others, unresolved = table.choose(sym["name"], twin(sym["name"]))
        if best is not None:
            src = table.record_id(best.rows[0]["project"])
            parts = table.describe(best, others, alt_remark)
            better = prefer(sym, best, parts)
            if better is not None:
                entries.append(better)
                continue
            if best.target in invalid_targets:
                entries.append(entry(sym["name"], "missing", src, "third-party", note=join_note(
                    parts + [f"{best.target} marks the value as unsupported"])))
                continue
            entries.append(entry(sym["name"], "mapped", src, "third-party", target=best.target,
                                 note=join_note(parts + mapped_remarks(sym, best))))
            continue
        e = fallback(sym, unresolved)
        if e is not None:
            entries.append(e)
        elif unknown_scope(sym) or unresolved:
            entries.append(entry(sym["name"], "unknown", default_src, "third-party",
                                 note=join_note([f"no public source pairs this symbol with "
                                                 f"{unknown_words}"] +
                                                table.unresolved_notes(unresolved))))
    return entries


def role_pairs(pairs, universe_names, lookup, where):
    """Resolves a hand-written table {CUDA name: (vendor name, facts)} of role correspondences.

    A pair is kept only if the CUDA name is in the universe and `lookup(vendor name)` returns
    the evidence that the vendor name exists (a declaration row, a usage record, ...). Returns
    ({CUDA name: (vendor name, facts, evidence)}, [(CUDA name, vendor name, why dropped)]);
    `where` names the place `lookup` searched, for the reasons."""
    kept, dropped = {}, []
    for cuda, (target, facts) in sorted(pairs.items()):
        evidence = lookup(target)
        if cuda not in universe_names:
            dropped.append((cuda, target, "name not in the source-side files"))
        elif evidence is None:
            dropped.append((cuda, target, f"target not found in {where}"))
        else:
            kept[cuda] = (target, facts, evidence)
    return kept, dropped


def vocabulary_twins(name, source_prefix, vendor_prefixes, vocabulary=()):
    """Vendor names that are `name` with its prefix swapped, then with the vendor's own words
    for CUDA's nouns (`vocabulary`: [(CUDA word, vendor word)], applied cumulatively in order:
    Stream -> Queue, Event -> Notifier, ...). The plain swap comes first. Returns
    [(vendor name, [substitutions applied])]."""
    if not name.startswith(source_prefix):
        return []
    tails = [(name[len(source_prefix):], [])]
    for word, vendor_word in vocabulary:
        tails += [(t.replace(word, vendor_word), subs + [f"{word} -> {vendor_word}"])
                  for t, subs in tails if word in t]
    out, seen = [], set()
    for tail, subs in tails:
        for p in vendor_prefixes:
            if p + tail not in seen:
                seen.add(p + tail)
                out.append((p + tail, subs))
    return out
