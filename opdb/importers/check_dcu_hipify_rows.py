#!/usr/bin/env python3
"""Check that the committed DCU opdb answers for every HIPIFY row that names a HIP or ROC
equivalent (issue 14: no HIPIFY mapping may be lost between the upstream table and the opdb).

    python3 opdb/importers/check_dcu_hipify_rows.py [--upstream DIR]

Reads hipify/cuda2hip.tsv of the snapshot and the `symbol:` keys of opdb/dcu/*.yaml as
committed (not what the importers would write). Exit 0 when every such CUDA name has a DCU
entry, 1 listing the ones without, 2 when the snapshot is missing.
"""

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

from common import UpstreamError, read_tsv  # noqa: E402

OPDB = HERE.parent
SYMBOL = re.compile(r"^\s*- \{symbol: (\"(?:[^\"\\]|\\.)*\"|[^,}]+)")


def committed_symbols(platform_dir):
    names = set()
    for path in sorted(platform_dir.glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = SYMBOL.match(line)
            if m:
                names.add(m.group(1).strip('"'))
    return names


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--upstream", type=Path, default=OPDB.parent.parent / "shared" / "upstream")
    args = ap.parse_args(argv)
    try:
        rows = read_tsv(args.upstream / "hipify" / "cuda2hip.tsv")
    except UpstreamError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    have = committed_symbols(OPDB / "dcu")
    wanted = sorted({r["cuda_name"] for r in rows if r["hip_name"] or r["roc_name"]})
    lost = [n for n in wanted if n not in have]
    for n in lost:
        print(f"no DCU entry: {n}")
    print(f"{len(wanted) - len(lost)} of {len(wanted)} HIPIFY names with a HIP or ROC "
          "equivalent have a DCU entry")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
