#!/usr/bin/env python3
"""Compares opscope's DCU findings on an upstream CUDA project with what a public CUDA->HIP port
of it changed (issue 14). Fetches nothing: give it local trees and opscope's JSON report of the
upstream (`opscope scan UPSTREAM --target dcu[@hip-X] --format json -o R.json`).

    dcu_port_pairs.py UPSTREAM PORT REPORT.json up/a.cu=port/a.cpp [...]
                      [--build-hipify CUDA2HIP.tsv] [-v]

Lines are code lines (blank lines and comments left out, whitespace ignored). An upstream line
the port replaced or deleted is `changed`; lines the port inserted count against the upstream
line before them. With --build-hipify (ports that keep CUDA source and run hipify-perl or
PyTorch's hipify when they build), an upstream line the port kept as written but that holds a
CUDA name HIPIFY renames (cuda2hip.tsv: a hip_name other than the CUDA name) or an #include of a
header in HIPIFY's include table (cuda2hip_includes.tsv beside it) counts as changed too: the build step rewrites it. With --compat-header FILE (a
header the port added that redefines CUDA names: `#define cublasLtMatmul hipblasLtMatmul`, a
__ldcs or cooperative_groups::reduce of its own), an upstream line with a finding whose name (its
last `::` part) that header spells counts as changed: the port changed what the line means there.

A line is `flagged` when opscope has a finding there whose DCU answer is not native (mapped,
partial, missing, unknown: the rewrite renames it or a person must act), the project's own
kernels, launches and hazards left out (they are the inventory and review advice, not edits).
Prints recall (changed lines flagged / changed lines) and the share of flagged lines on changed
lines (its complement: non-native findings on lines the port left alone).
"""
import argparse
import difflib
import json
import re
import sys
from pathlib import Path

INVENTORY = {"kernel", "kernel_launch", "device_function", "registered_op", "hazard"}
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def code_lines(path):
    """[(line number, whitespace-free text, text with single blanks)] of the code lines of a
    C/C++/CUDA file."""
    out, in_block = [], False
    for n, line in enumerate(Path(path).read_text(encoding="utf-8", errors="replace").split("\n"), 1):
        t = line.strip()
        if in_block:
            if "*/" not in t:
                continue
            in_block, t = False, t.split("*/", 1)[1].strip()
        if t.startswith("/*"):
            if "*/" not in t:
                in_block = True
                continue
            t = t.split("*/", 1)[1].strip()
        t = re.sub(r"(^|[^:])//.*$", r"\1", t).strip()
        if t:
            out.append((n, re.sub(r"\s+", "", t), re.sub(r"\s+", " ", t)))
    return out


def changed_lines(up_path, port_path):
    """(changed upstream line numbers, kept pairs [(upstream line, text)])."""
    a, b = code_lines(up_path), code_lines(port_path)
    changed, kept = set(), []
    sm = difflib.SequenceMatcher(a=[t for _, t, _ in a], b=[t for _, t, _ in b], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            kept += [(a[i][0], a[i][2]) for i in range(i1, i2)]
        elif tag in ("replace", "delete"):
            changed.update(a[i][0] for i in range(i1, i2))
        elif tag == "insert" and i1 > 0:
            changed.add(a[i1 - 1][0])
    return changed, kept


DEFINED = [re.compile(r"^\s*#\s*define\s+(\w+)"),                        # #define cublasLtMatmul ...
           re.compile(r"^\s*typedef\b.*?(\w+)\s*;"),                        # typedef ... NAME;
           re.compile(r"^\s*using\s+(\w+)\s*="),                              # using NAME = ...
           re.compile(r"^\s*(?:template\s*<[^>]*>\s*)?(?:(?!return\b)[\w:<>*&]+\s+)+[*&]*(\w+)\s*\(")]  # T NAME(


def defined_names(text):
    """The names a compatibility header defines: macros, typedefs, aliases, functions."""
    out = set()
    for line in text.split("\n"):
        for rx in DEFINED:
            m = rx.match(line)
            if m:
                out.add(m.group(1))
                break
    return out


def hipify_renames(tsv):
    """CUDA names a table renames: HIPIFY's cuda2hip.tsv (support_flags) or PyTorch's hipify
    mappings (hipify_torch_cuda_to_hip_mappings.tsv: unsupported)."""
    names = set()
    lines = Path(tsv).read_text().split("\n")
    head = lines[0].split("\t")
    ci, hi = head.index("cuda_name"), head.index("hip_name")
    flags = head.index("support_flags") if "support_flags" in head else head.index("unsupported")
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(hi, flags) and cols[hi] and cols[hi] != cols[ci] and \
                "UNSUPPORTED" not in cols[flags] and cols[flags] not in ("1", "True", "true"):
            names.add(cols[ci])
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("upstream")
    ap.add_argument("port")
    ap.add_argument("report")
    ap.add_argument("pairs", nargs="+")
    ap.add_argument("--build-hipify", metavar="CUDA2HIP_TSV")
    ap.add_argument("--build-hipify-torch", metavar="HIPIFY_TORCH_TSV",
                    help="also PyTorch's hipify renames (ports built through torch.utils.cpp_extension)")
    ap.add_argument("--compat-header", action="append", default=[], metavar="FILE")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    report = json.load(open(args.report))
    renames = hipify_renames(args.build_hipify) if args.build_hipify else set()
    if args.build_hipify_torch:
        renames |= hipify_renames(args.build_hipify_torch)
    includes = set()
    if args.build_hipify:
        table = Path(args.build_hipify).with_name("cuda2hip_includes.tsv")
        includes = {line.split("\t")[0] for line in table.read_text().split("\n")[1:] if line}
    compat = set()
    for h in args.compat_header:
        compat |= defined_names(Path(h).read_text(encoding="utf-8", errors="replace"))
    named_by_compat = set()
    flagged = {}
    for f in report["findings"]:
        if f["symbol"].split("::")[-1] in compat and f["kind"] not in INVENTORY:
            named_by_compat.add((f["file"], f["line"]))
        cov = f.get("coverage", {}).get("dcu")
        if not cov or f["kind"] in INVENTORY or cov["status"] == "native":
            continue
        flagged.setdefault((f["file"], f["line"]), []).append(f"{f['symbol']}={cov['status']}")
    total_changed = total_hit = total_flag = total_flag_on_changed = 0
    for pair in args.pairs:
        up, port = pair.split("=", 1)
        changed, kept = changed_lines(Path(args.upstream) / up, Path(args.port) / port)
        by_build = set()
        if renames:
            for n, text in kept:
                header = re.match(r'#\s*include\s*[<"]([^>"]+)[>"]', text)
                if (header and header.group(1) in includes) or \
                        (not header and any(t in renames for t in IDENT.findall(text))):
                    by_build.add(n)
        changed |= by_build
        by_compat = {n for (f, n) in named_by_compat if f == up} - changed
        changed |= by_compat
        lines = {n for (f, n) in flagged if f == up}
        hit = changed & lines
        total_changed += len(changed)
        total_hit += len(hit)
        total_flag += len(lines)
        total_flag_on_changed += len(lines & changed)
        print(f"{up}: changed {len(changed)} (by the build's hipify {len(by_build)}, through the compat header "
              f"{len(by_compat)}), flagged {len(lines)}, "
              f"changed and flagged {len(hit)}")
        if args.v:
            for n in sorted(changed - lines):
                print(f"  miss {up}:{n}")
            for n in sorted(lines - changed):
                print(f"  untouched {up}:{n} {' '.join(flagged[(up, n)])}")
    recall = total_hit / total_changed if total_changed else 0
    share = total_flag_on_changed / total_flag if total_flag else 0
    print(f"recall of changed lines: {total_hit}/{total_changed} = {100 * recall:.1f}%")
    print(f"non-native findings' lines on changed lines: {total_flag_on_changed}/{total_flag} = {100 * share:.1f}% "
          f"(left alone: {100 * (1 - share):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
