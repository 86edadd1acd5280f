#!/usr/bin/python3
"""Measures issue 18's acceptance figures on exported models (export_public_models.py).

    /usr/bin/python3 tests/onnx/models/measure_coverage.py OPSCOPE MODELDIR [SPLITDIR]

For each MODELDIR/*.onnx and the targets ascend and dcu: nodes, unknown share, partial nodes and
how many lack a reason, fallback segments after folding (both ends of the range), and whether
every operator has a documented conversion (no unknown or missing node). With SPLITDIR, also
writes the --split parts and checks them with onnx.checker and the node counts.
"""
import json
import subprocess
import sys
from pathlib import Path

import onnx


def main():
    opscope, models = sys.argv[1], Path(sys.argv[2])
    split = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    bad = 0
    print(f"{'model':24} {'target':7} {'nodes':>6} {'unknown':>8} {'partial':>7} {'no-reason':>9} "
          f"{'folded':>6} {'fb-seg':>6} {'fb-seg*':>7} {'share':>6} documented split")
    for path in sorted(models.glob("*.onnx")):
        cmd = [opscope, "onnx", str(path), "--format", "json", "-t", "ascend,dcu"]
        if split:
            split.mkdir(parents=True, exist_ok=True)
            cmd += ["--split", str(split / path.stem)]
        r = subprocess.run(cmd, capture_output=True, text=True)
        doc = json.loads(r.stdout)
        for target, cov in doc["coverage"].items():
            by = cov["nodes_by_status"]
            total = sum(by.values())
            unknown = by.get("unknown", 0)
            partial = by.get("partial", 0)
            no_reason = sum(g["count"] for g in cov["unsupported"]
                            if g["status"] == "partial" and not g["reason"])
            # Partial groups list every partial node (a partial always has a reason).
            listed = sum(g["count"] for g in cov["unsupported"] if g["status"] == "partial")
            no_reason += partial - listed
            p = cov["partition"]
            documented = unknown == 0 and by.get("missing", 0) == 0
            status = ""
            if split:
                parts = [split / f"{path.stem}.{target}.{k}.onnx" for k in ("accelerator", "fallback")]
                orig = onnx.load(str(path), load_external_data=False)
                n = 0
                try:
                    for part in parts:
                        m = onnx.load(str(part), load_external_data=False)
                        onnx.checker.check_model(m)
                        n += len(m.graph.node)
                    status = "ok" if n == len(orig.graph.node) else f"count {n}!={len(orig.graph.node)}"
                except Exception as e:  # noqa: BLE001 - report and go on
                    status = "checker: " + str(e).splitlines()[0][:60]
                if status != "ok":
                    bad += 1
            if unknown > 0.05 * total or no_reason or (documented and p["fallback_segments"] > 5):
                bad += 1
            print(f"{path.stem:24} {target:7} {total:6} {100.0 * unknown / max(total, 1):7.1f}% {partial:7} "
                  f"{no_reason:9} {p['folded_nodes']:6} {p['fallback_segments']:6} "
                  f"{p['if_unknown_run']['fallback_segments']:7} {100 * p['accelerator_share']:5.1f}% "
                  f"{'yes' if documented else 'no':10} {status}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
