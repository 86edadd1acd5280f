#!/usr/bin/env python3
"""Runs opscope on local checkouts of the upstream side of each public port in ports.json and
prints predicted against actual: the plan's manual_lines against the port's hand-changed lines,
and the plan's effort_days range against what the port's history supports. Fetches nothing.

  calibrate.py --opscope build/opscope --corpus /work/corpus
  calibrate.py --opscope build/opscope --checkout llm.c@b554d4d=/src/llm.c ...

A checkout is found as CORPUS/<checkout> (the name ports.json gives) unless --checkout maps it.
Exit status: 0 when every pair that could be run is within 0.5x-2x, 1 otherwise, 2 on bad use.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def plan_of(opscope, checkout, scope, platform, workdir, target=None):
    """The summary.<platform>.plan of a scan of `scope` under `checkout` for `target` (the platform
    at the SDK level the port was made for, "dcu@hip-6.1"; default: the platform), or (None, why)."""
    scan = os.path.join(workdir, "scan.json")
    run = subprocess.run([opscope, "scan", *scope, "--target", target or platform, "--format", "json", "-o", scan,
                          "--progress", "never", "--no-config"], cwd=checkout, capture_output=True, text=True)
    if run.returncode not in (0, 1) or not os.path.exists(scan):
        return None, f"scan failed ({run.returncode}): {run.stderr.strip()[:200]}"
    with open(scan) as f:
        report = json.load(f)
    plan = report.get("summary", {}).get(platform, {}).get("plan")
    return (plan, "") if plan else (None, "no plan in the scan's JSON summary")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--opscope", required=True, help="the opscope binary")
    ap.add_argument("--corpus", help="directory holding the checkouts under the names ports.json gives")
    ap.add_argument("--checkout", action="append", default=[], metavar="NAME=PATH")
    ap.add_argument("--ports", default=os.path.join(HERE, "ports.json"))
    ap.add_argument("--json", action="store_true", help="print the table as JSON")
    args = ap.parse_args()
    mapped = {}
    for item in args.checkout:
        name, _, path = item.partition("=")
        if not path:
            ap.error(f"--checkout takes NAME=PATH, not '{item}'")
        mapped[name] = path
    with open(args.ports) as f:
        pairs = json.load(f)["pairs"]

    rows, misses = [], 0
    with tempfile.TemporaryDirectory() as work:
        for p in pairs:
            path = mapped.get(p["checkout"]) or (os.path.join(args.corpus, p["checkout"]) if args.corpus else None)
            row = {"id": p["id"], "platform": p["platform"], "actual_lines": p["hand_changed_lines"],
                   "history_days": p["history"]["effort_days"]}
            if not path or not os.path.isdir(path):
                row["error"] = f"no checkout '{p['checkout']}' (see --corpus, --checkout)"
            else:
                plan, why = plan_of(os.path.abspath(args.opscope), path, p["scope"], p["platform"], work,
                                    p.get("target", {}).get("descriptor"))
                if plan is None:
                    row["error"] = why
                else:
                    row["predicted_lines"] = plan["manual_lines"]
                    row["ratio"] = round(plan["manual_lines"] / p["hand_changed_lines"], 2)
                    row["effort_days"] = plan["effort_days"]
                    row["classes"] = {c: t["sites"] for c, t in plan["classes"].items()}
                    row["manual_by_subclass"] = {s: t["sites"] for s, t in plan["manual_by_subclass"].items()}
                    row["within"] = 0.5 <= row["ratio"] <= 2.0
                    h, e = p["history"]["effort_days"], plan["effort_days"]
                    row["effort_overlaps_history"] = e["low"] <= h["high"] and h["low"] <= e["high"]
                    misses += not row["within"]
            rows.append(row)

    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"{'pair':27} {'platform':10} {'actual':>7} {'predicted':>9} {'ratio':>6}  {'effort days':>12}  "
              f"{'history':>9}  fit  sites auto/assist/manual/blocked/unknown")
        for r in rows:
            if "error" in r:
                print(f"{r['id']:27} {r['platform']:10} {r['actual_lines']:7}  -- {r['error']}")
                continue
            c = r["classes"]
            e, h = r["effort_days"], r["history_days"]
            print(f"{r['id']:27} {r['platform']:10} {r['actual_lines']:7} {r['predicted_lines']:9.0f} {r['ratio']:6.2f}  "
                  f"{e['low']:5.1f}-{e['high']:<6.1f} {h['low']:4}-{h['high']:<4}  "
                  f"{'ok ' if r['within'] else 'OFF'}{'' if r['effort_overlaps_history'] else '*'}  "
                  f"{c['automatic']}/{c['assisted']}/{c['manual']}/{c['blocked']}/{c['unknown']}")
        print("\nfit: ok = predicted manual_lines within 0.5x-2x of the port's hand-changed lines; "
              "* = the effort range misses the history's range")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
