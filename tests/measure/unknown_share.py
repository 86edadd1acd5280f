#!/usr/bin/env python3
"""Issue 15's acceptance measurement of a source tree: scans it with opscope (Ascend, Cambricon,
Enflame) and prints, per platform, the share of findings no public source covers (`unknown`,
from the report's summary: hazards aside, kernels counted once with their verdicts), the
library call sites with a counterpart (tests/bench/unknown_share.py), and the remaining unknowns
grouped by symbol with their count and a file each, for finding what they are.

  python3 tests/measure/unknown_share.py TREE [--opscope build/opscope] [--json OUT.json]
                                              [--top N] [--from-json RESULTS.json]

It fetches nothing; the tree is a local checkout (see /work/corpus/INDEX.md for the ones used).
"""
import argparse
import collections
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLATFORMS = ("ascend", "cambricon", "enflame")


def bench_module():
    spec = importlib.util.spec_from_file_location("unknown_share_bench",
                                                  ROOT / "tests/bench/unknown_share.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def unknowns(results, platform):
    """Counter of (kind, library, symbol) -> count, and one file per key, for the non-device,
    non-hazard findings whose answer on `platform` is unknown."""
    count, where = collections.Counter(), {}
    for f in results["findings"]:
        if f.get("device_code") or f["kind"] == "hazard":
            continue
        if f["coverage"].get(platform, {}).get("status") == "unknown":
            key = (f["kind"], f["library"], f["symbol"])
            count[key] += 1
            where.setdefault(key, f"{f['file']}:{f['line']}")
    return count, where


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tree", nargs="?")
    ap.add_argument("--opscope", default=str(ROOT / "build" / "opscope"))
    ap.add_argument("--json", help="keep the scan's JSON results here")
    ap.add_argument("--from-json", help="measure a results file instead of scanning")
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()
    if args.from_json:
        path = args.from_json
    elif args.tree:
        path = args.json or str(Path(tempfile.mkdtemp(prefix="opscope-measure-")) / "r.json")
        cmd = [args.opscope, "scan", args.tree, "--target", ",".join(PLATFORMS), "--format",
               "json", "-o", path, "--progress", "never"]
        run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"opscope scan failed ({run.returncode}): {run.stderr[-2000:]}")
    else:
        ap.error("give a TREE or --from-json")
    bench_module().main(path, False)
    results = json.load(open(path, encoding="utf-8"))
    for p in PLATFORMS:
        count, where = unknowns(results, p)
        print(f"  {p}: {sum(count.values())} unknown findings, {len(count)} symbols; most frequent:")
        for (kind, lib, sym), n in count.most_common(args.top):
            print(f"    {n:4} {sym} ({kind}, {lib}) e.g. {where[(kind, lib, sym)]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
