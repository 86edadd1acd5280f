#!/usr/bin/env python3
"""Checks the DCU answers of the inputs under tests/scan/inputs/dcu_answers against their inline
expectations, in the JSON report and in the text, Markdown and HTML renderings.

    dcu_answers_test.py --opscope build/opscope

Each `// DCU: [[@LINE-N]] SYMBOL STATUS [WORDS...]` line names a finding on line L-N whose DCU
answer has that status and whose note or target holds every word; `DCU@hip-6.2:` the same at
--target dcu@hip-6.2. Each such finding must exist exactly once per expectation; the text and
Markdown reports must show the status beside the symbol, and the HTML report the note's fix.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs" / "dcu_answers"
EXPECT = re.compile(r"//\s*DCU(@[\w.-]+)?:\s*\[\[@LINE([+-]\d+)?\]\]\s+(\S+)\s+(\w+)\s*(.*)$")


def expectations():
    out = []
    for f in sorted(INPUTS.glob("*.cu")):
        for n, line in enumerate(f.read_text().splitlines(), 1):
            m = EXPECT.search(line)
            if m:
                out.append({"file": f.name, "line": n + int(m.group(2) or 0), "symbol": m.group(3),
                            "status": m.group(4), "words": m.group(5).split(),
                            "target": "dcu" + (m.group(1) or "")})
    return out


def scan(opscope, target, fmt, out):
    subprocess.run([opscope, "scan", str(INPUTS), "--target", target, "--format", fmt, "-o", str(out),
                    "--no-cache", "--no-config", "--progress", "never"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out.read_text()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opscope", required=True)
    args = ap.parse_args()
    exp = expectations()
    failures = []
    if len(exp) < 10:
        failures.append(f"only {len(exp)} expectations read from {INPUTS}")
    with tempfile.TemporaryDirectory() as tmp:
        for target in sorted({e["target"] for e in exp}):
            report = json.loads(scan(args.opscope, target, "json", Path(tmp) / "r.json"))
            text = scan(args.opscope, target, "text", Path(tmp) / "r.txt")
            md = scan(args.opscope, target, "markdown", Path(tmp) / "r.md")
            html = scan(args.opscope, target, "html", Path(tmp) / "r.html")
            for e in (x for x in exp if x["target"] == target):
                hits = [f for f in report["findings"] if Path(f["file"]).name == e["file"] and
                        f["line"] == e["line"] and f["symbol"] == e["symbol"]]
                where = f"{e['file']}:{e['line']} {e['symbol']} ({target})"
                if len(hits) != 1:
                    failures.append(f"{where}: {len(hits)} findings, expected 1")
                    continue
                cov = hits[0]["coverage"]["dcu"]
                if cov["status"] != e["status"]:
                    failures.append(f"{where}: status {cov['status']}, expected {e['status']}: {cov.get('note')}")
                said = cov.get("note", "") + " " + cov.get("target", "")
                for w in e["words"]:
                    if w not in said:
                        failures.append(f"{where}: '{w}' not in the answer: {said}")
                if f"{e['file']}:{e['line']}:" in text and not re.search(
                        rf"{re.escape(e['file'])}:{e['line']}:\d+: {re.escape(e['symbol'])} .*dcu={e['status']}", text):
                    failures.append(f"{where}: text report lacks dcu={e['status']}")
                if e["status"] == "partial" and "Fix:" in cov.get("note", ""):
                    fix = cov["note"].split("Fix: ", 1)[1].split(" (the rewrite", 1)[0]
                    if fix not in html.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&") \
                            .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") \
                            .replace("&#39;", "'").replace("&quot;", '"'):
                        failures.append(f"{where}: HTML report lacks the fix {fix}")
                    if fix not in md:
                        failures.append(f"{where}: Markdown report lacks the fix {fix}")
            if target == "dcu" and "| `cublasLt.h` | header | 1 | missing |" not in md:
                failures.append("Markdown report lists no missing header among the top gaps")
    for f in failures:
        print("FAIL", f)
    print(f"{len(exp)} expectations, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
