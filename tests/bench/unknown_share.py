#!/usr/bin/env python3
"""Measures an opscope results file (opscope scan -f json) the way issue 15 states its
acceptance: per platform, the share of findings no public source covers (`unknown`, from the
report's summary: hazards and device code aside, kernels counted once with their verdicts),
and the share of cuBLAS/cuBLASLt/cuDNN call sites (functions and API macros) whose answer names
a counterpart (any status but unknown and missing).

  python3 tests/bench/unknown_share.py RESULTS.json [-v]
"""

import collections
import json
import sys


def main(path, verbose):
    r = json.load(open(path, encoding="utf-8"))
    findings, kernels = r["findings"], r.get("kernels", [])
    lib = [f for f in findings
           if f["library"] in ("cublas", "cublasLt", "cudnn") and f["kind"] in ("function", "macro")]
    print(f"{path}: {len(findings)} findings, {len(kernels)} kernels, "
          f"{sum(1 for f in findings if f.get('device_code'))} device-code findings rolled up")
    for p in r["targets"]:
        s = r["summary"][p]["findings_by_status"]
        total = sum(s.values())
        named = sum(1 for f in lib if f["coverage"].get(p, {}).get("status") not in
                    (None, "unknown", "missing"))
        verdicts = collections.Counter(k["verdicts"][p]["status"] for k in kernels if p in k["verdicts"])
        print(f"  {p:10} unknown {s['unknown']}/{total} = {100 * s['unknown'] / max(total, 1):.1f}%; "
              f"library call sites with a counterpart {named}/{len(lib)}; kernels {dict(verdicts)}")
        if verbose:
            gaps = collections.Counter((f["kind"], f["symbol"]) for f in findings
                                       if not f.get("device_code") and f["kind"] != "hazard"
                                       and f["coverage"].get(p, {}).get("status") == "unknown")
            print("    most frequent unknowns:", gaps.most_common(15))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], "-v" in sys.argv[2:])
