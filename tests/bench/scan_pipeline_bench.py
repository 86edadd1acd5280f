#!/usr/bin/env python3
"""Benchmark of the scan pipeline on a real tree: the incremental cache and parallel parses.

    tests/bench/scan_pipeline_bench.py --opscope build/opscope --tree DIR [--repeat 3] [--check]
                                       [-- EXTRA SCAN OPTIONS...]

Times, interleaved so that load changes hit all alike, whole `opscope scan TREE --format json`
runs:
  * -j1 --no-cache and -j2 --no-cache: the speed-up of two worker processes (target >= 1.6; the
    machine must have two free cores for it to mean anything, so the load average is printed);
  * cold (an empty cache directory) and warm (the same cache, unchanged tree) at -j2: the warm
    rescan's share of the cold wall time (target <= 10 %).
It prints wall and CPU seconds (medians over --repeat), the ratios, and whether the warm run's
JSON is byte-identical to the cold one's. --check makes a missed target exit 1. The tree is any
local checkout (fetch it yourself; nothing is downloaded here). ctest runs it on samples/ only to
check that it works."""
import argparse
import filecmp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(cmd, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit("opscope failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd), proc.stderr[-2000:]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opscope", required=True)
    ap.add_argument("--tree", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("extra", nargs="*")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="opscope-pipeline-bench-")
    env = dict(os.environ, OPSCOPE_PROGRESS="never")
    base = [os.path.abspath(a.opscope), "scan", os.path.abspath(a.tree), "--no-config", "--format", "json"] + a.extra
    runs = {"j1": [], "j2": [], "cold": [], "warm": []}
    identical = True
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    try:
        for r in range(a.repeat):
            cache = os.path.join(work, "cache-%d" % r)
            cold_json, warm_json = os.path.join(work, "cold.json"), os.path.join(work, "warm.json")
            runs["j1"].append(timed(base + ["-j", "1", "--no-cache", "-o", os.path.join(work, "j1.json")], env))
            runs["j2"].append(timed(base + ["-j", "2", "--no-cache", "-o", os.path.join(work, "j2.json")], env))
            cenv = dict(env, OPSCOPE_CACHE=cache)
            runs["cold"].append(timed(base + ["-j", "2", "-o", cold_json], cenv))
            runs["warm"].append(timed(base + ["-j", "2", "-o", warm_json], cenv))
            identical = identical and filecmp.cmp(cold_json, warm_json, shallow=False)
            identical = identical and filecmp.cmp(cold_json, os.path.join(work, "j1.json"), shallow=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("load average after:  %.2f %.2f %.2f" % os.getloadavg())
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in runs.items()}
    for k, label in (("j1", "-j1 --no-cache"), ("j2", "-j2 --no-cache"), ("cold", "-j2 cold cache"), ("warm", "-j2 warm cache")):
        print("%-16s wall %7.2f s   cpu %7.2f s" % (label, med[k][0], med[k][1]))
    speedup = med["j1"][0] / med["j2"][0] if med["j2"][0] else 0
    warm_share = med["warm"][0] / med["cold"][0] if med["cold"][0] else 0
    print("-j2 speed-up over -j1:       %.2fx (target >= 1.6)" % speedup)
    print("warm rescan / cold scan:     %.1f %% (target <= 10 %%)" % (100 * warm_share))
    print("warm JSON identical to cold (and -j1): %s" % ("yes" if identical else "NO"))
    missed = not identical or speedup < 1.6 or warm_share > 0.10
    if a.check and missed:
        return 1
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
