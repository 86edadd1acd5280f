"""The ONNX side of the source universe: every operator of every ONNX domain with all its
since_versions, and the release -> opset table.

Reads onnx/op_versions.tsv, onnx/onnx_release_opsets.tsv and onnx/SOURCES.md. Writes
opdb/source/onnx.yaml (kind `symbols`: one symbol per (domain, op_type) with `versions`) and
opdb/source/onnx_opsets.yaml (kind `opsets`: each domain's newest opset and the release table).

Symbol names: `onnx::<op>` for the default domain (ai.onnx), `<domain>::<op>` for the others
(`ai.onnx.ml::LabelEncoder`). `deprecated` is the opset from which the operator as a whole is
deprecated (its latest version is deprecated); `deprecated_versions` lists deprecated
since_versions that a later version superseded (GroupNormalization-18).
"""

import re

from common import generated_header, read_text, read_tsv, require

SCRIPT = "onnx_symbols.py"

DOMAINS = {  # domain -> (symbol prefix, category)
    "ai.onnx": ("onnx", "onnx"),
    "ai.onnx.ml": ("ai.onnx.ml", "onnx-ml"),
    "ai.onnx.preview": ("ai.onnx.preview", "onnx-preview"),
    "ai.onnx.preview.training": ("ai.onnx.preview.training", "onnx-preview"),
}
# onnx_release_opsets.tsv column -> domain
RELEASE_COLUMNS = {"ai.onnx_opset": "ai.onnx", "ai.onnx.ml_opset": "ai.onnx.ml",
                   "ai.onnx.training_opset": "ai.onnx.training"}


def symbol_name(domain, op):
    return f"{DOMAINS[domain][0]}::{op}"


def onnx_record(upstream):
    md = read_text(upstream / "onnx" / "SOURCES.md")
    m = re.search(r"\|\s*commit\s*\|\s*`([0-9a-f]{40})`, branch `main`, (\d{4}-\d{2}-\d{2})", md)
    require(m, "onnx/SOURCES.md: no commit and date")
    lic = re.search(r"\|\s*license\s*\|\s*([A-Za-z0-9.+-]+)", md)
    require(lic, "onnx/SOURCES.md: no license")
    return {
        "id": f"onnx-{m.group(1)[:8]}",
        "title": "ONNX operator specifications, every version of every domain "
                 "(docs/Changelog.md, docs/Changelog-ml.md) and the release table VERSION_TABLE "
                 "(shared/upstream/onnx/op_versions.tsv, onnx_release_opsets.tsv)",
        "repository": "https://github.com/onnx/onnx",
        "commit": m.group(1),
        "path": "docs/Changelog.md; docs/Changelog-ml.md; onnx/helper.py",
        "date": m.group(2),
        "license": lic.group(1),
    }


class OnnxUniverse:
    def __init__(self, upstream):
        self.upstream = upstream
        self.record = onnx_record(upstream)
        rows = read_tsv(upstream / "onnx" / "op_versions.tsv")
        require(rows and set(rows[0]) >= {"domain", "op_type", "since_version", "deprecated",
                                          "valid_through_opset", "is_latest"},
                "onnx/op_versions.tsv: unexpected columns")
        ops, self.max_opset = {}, {}
        for r in rows:
            require(r["domain"] in DOMAINS, f"onnx/op_versions.tsv: unknown domain {r['domain']}")
            require(r["since_version"].isdigit(), f"onnx/op_versions.tsv: bad since_version "
                                                  f"{r['since_version']!r} of {r['op_type']}")
            ops.setdefault((r["domain"], r["op_type"]), []).append(r)
            if r["is_latest"] == "yes":
                top = int(r["valid_through_opset"])
                self.max_opset[r["domain"]] = max(self.max_opset.get(r["domain"], 0), top)
        self.ops = {}  # (domain, op) -> sorted since_versions
        self.symbols = []
        for (domain, op), versions in ops.items():
            versions.sort(key=lambda r: int(r["since_version"]))
            since = [int(r["since_version"]) for r in versions]
            require(len(set(since)) == len(since), f"onnx/op_versions.tsv: {op} repeats a version")
            self.ops[(domain, op)] = since
            sym = {"name": symbol_name(domain, op), "kind": "onnx_op", "library": domain,
                   "category": DOMAINS[domain][1], "source": self.record["id"],
                   "versions": since}
            latest = versions[-1]
            if latest["deprecated"] == "yes":
                sym["deprecated"] = latest["deprecated_since"] or latest["since_version"]
            older = [int(r["since_version"]) for r in versions[:-1] if r["deprecated"] == "yes"]
            if older:
                sym["deprecated_versions"] = older
            self.symbols.append(sym)
        self.symbols.sort(key=lambda s: (s["category"], s["name"]))
        self.releases = []
        for r in read_tsv(upstream / "onnx" / "onnx_release_opsets.tsv"):
            require(re.fullmatch(r"\d+(\.\d+)*", r["onnx_release"]) and r["ir_version"].isdigit(),
                    f"onnx/onnx_release_opsets.tsv: bad row {r}")
            opsets = {RELEASE_COLUMNS[c]: int(v) for c, v in r.items()
                      if c in RELEASE_COLUMNS and v}
            self.releases.append({"release": r["onnx_release"], "ir_version": int(r["ir_version"]),
                                  "opsets": opsets, "source": self.record["id"]})

    def versions_valid_at(self, domain, op, opset):
        """The since_version in effect at `opset`, or None (the operator does not exist yet)."""
        best = None
        for v in self.ops.get((domain, op), []):
            if v <= opset:
                best = v
        return best

    def outputs(self):
        snap = f"onnx/onnx {self.record['commit']}, {self.record['date']}"
        hdr = generated_header(SCRIPT, ["onnx/op_versions.tsv", "onnx/onnx_release_opsets.tsv"],
                               snap)
        domains = [{"domain": d, "prefix": DOMAINS[d][0], "max_opset": self.max_opset[d],
                    "source": self.record["id"]} for d in DOMAINS if d in self.max_opset]
        return {
            "source/onnx.yaml": (hdr, {"opdb": 1, "kind": "symbols", "sources": [self.record],
                                       "symbols": self.symbols}),
            "source/onnx_opsets.yaml": (hdr, {"opdb": 1, "kind": "opsets",
                                              "sources": [self.record], "domains": domains,
                                              "releases": self.releases}),
        }
