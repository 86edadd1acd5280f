#!/usr/bin/env python3
"""Check the opdb YAML files and print coverage counts (a developer tool, not an importer).

    python3 opdb/importers/validate.py [--stats] [FILE...]

Checks every opdb/**/*.yaml (or the named files):
  * against schema/opdb-v1.schema.json, if python3-jsonschema is installed (skipped otherwise);
  * the rules JSON Schema cannot express: unique source ids, every `source` resolving in its
    file, a symbol at most once per coverage file, coverage platforms declared in platforms.yaml;
  * that every coverage entry names a symbol of the universe (opdb/source/*.yaml) or carries
    its own kind and library (a symbol the universe does not hold, such as a custom ONNX op).
--stats prints counts per platform x category x status (a coverage entry's category is its
own, else its symbol's) and, per platform, how many universe symbols have no entry (unknown).

Exit codes: 0 ok, 1 problems found.
"""

import argparse
import collections
import json
import sys
from pathlib import Path

import yaml

OPDB = Path(__file__).resolve().parent.parent
STATUSES = ["native", "mapped", "partial", "emulated", "missing", "unknown"]


def load(path):
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stats", action="store_true", help="print platform x category x status")
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args(argv)

    files = [p.resolve() for p in args.files] or sorted(OPDB.rglob("*.yaml"))
    problems = []

    validator = None
    try:
        import jsonschema
        schema = json.loads((OPDB / "schema" / "opdb-v1.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
    except ImportError:
        print("note: python3-jsonschema is not installed; JSON Schema check skipped",
              file=sys.stderr)

    docs = {}
    for p in files:
        try:
            doc = load(p)
        except yaml.YAMLError as e:
            problems.append(f"{p}: not YAML: {e}")
            continue
        docs[p] = doc
        if validator:
            for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
                where = "/".join(str(x) for x in e.absolute_path)
                problems.append(f"{p}: schema: {where}: {e.message}")

    platforms_file = OPDB / "platforms.yaml"
    platforms = {x["id"] for x in (docs.get(platforms_file) or load(platforms_file))["platforms"]}
    symbols, symbol_files = {}, {}
    for p, doc in docs.items():
        if not isinstance(doc, dict) or doc.get("kind") not in ("symbols", "coverage"):
            continue
        ids = [s.get("id") for s in doc.get("sources", [])]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(f"{p}: duplicate source id {dup}")
        items = doc.get("symbols") if doc["kind"] == "symbols" else doc.get("entries")
        for item in items or []:
            if item.get("source") not in ids:
                problems.append(f"{p}: source {item.get('source')!r} is not among the file's "
                                "sources")
        if doc["kind"] == "symbols":
            names = [s["name"] for s in doc["symbols"]]
            symbol_files[p.stem] = names
            for s in doc["symbols"]:
                symbols[s["name"]] = s
        else:
            if doc.get("platform") not in platforms:
                problems.append(f"{p}: unknown platform {doc.get('platform')!r}")
            names = [e["symbol"] for e in doc["entries"]]
            for dup in sorted({n for n in names if names.count(n) > 1}):
                problems.append(f"{p}: symbol {dup} appears twice")

    stats = collections.Counter()
    answered = collections.defaultdict(set)
    for p, doc in docs.items():
        if not isinstance(doc, dict) or doc.get("kind") != "coverage":
            continue
        for e in doc["entries"]:
            if e["symbol"] not in symbols and not ("kind" in e and "library" in e):
                problems.append(f"{p}: entry for {e['symbol']}, which no opdb/source file "
                                "holds, lacks its own kind and library")
            cat = e.get("category") or symbols.get(e["symbol"], {}).get("category") \
                or doc.get("category") or "uncategorized"
            stats[(doc["platform"], cat, e["status"])] += 1
            answered[doc["platform"]].add(e["symbol"])
    if args.stats:
        cats = sorted({c for _, c, _ in stats})
        for plat in sorted({p for p, _, _ in stats}):
            total = collections.Counter()
            print(f"{plat}")
            print(f"  {'category':28}" + "".join(f"{s:>9}" for s in STATUSES) + f"{'total':>8}")
            for c in cats:
                row = [stats[(plat, c, s)] for s in STATUSES]
                if not sum(row):
                    continue
                for s, n in zip(STATUSES, row):
                    total[s] += n
                print(f"  {c:28}" + "".join(f"{n:>9}" for n in row) + f"{sum(row):>8}")
            print(f"  {'ALL':28}" + "".join(f"{total[s]:>9}" for s in STATUSES)
                  + f"{sum(total.values()):>8}")
            silent = len(set(symbols) - answered[plat])
            print(f"  universe symbols without an entry (unknown, no source speaks): {silent}")

    for line in problems:
        print(line)
    checked = "schema and consistency" if validator else "consistency"
    print(f"{len(docs)} files, {checked} checked: {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
