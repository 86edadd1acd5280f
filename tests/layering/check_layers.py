#!/usr/bin/env python3
"""Checks the dependency arrows of DESIGN.md on the sources' #include lines.

core includes only the standard library and core; db adds LLVM; cuda may use Clang/LLVM but never
db; python never Clang, LLVM or ONNX; reports never Clang or ONNX; scan uses the frontends but never cli;
nothing but cli includes cli.
Prints every violation as FILE:LINE and exits 1 if there is one."""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
PROJECT = ("core/", "db/", "cuda/", "python/", "onnx/", "rewrite/", "scan/", "cli/", "reports/")
ALLOWED = {
    "analyzer/core": {"core/"},
    "analyzer/db": {"core/", "db/", "llvm/"},
    "analyzer/cuda": {"core/", "cuda/", "clang/", "llvm/"},
    "analyzer/python": {"core/", "python/", "tree_sitter/"},  # tree-sitter: a third-party parser
    "analyzer/onnx": {"core/", "onnx/", "google/", "onnx/"},
    # clang: a third-party compiler, for `rewrite --verify` (compiles the rewritten tree as HIP)
    "analyzer/rewrite": {"core/", "db/", "rewrite/", "llvm/", "clang/"},
    "reports": {"core/", "reports/", "llvm/"},
    # the scan pipeline: the frontends, the opdb, the rules; never the command line
    "analyzer/scan": {"core/", "db/", "cuda/", "python/", "onnx/", "rewrite/", "reports/", "scan/", "llvm/"},
}

def is_std(header: str) -> bool:
    return "/" not in header or header.startswith(("sys/", "bits/"))

violations = []
for folder, allowed in ALLOWED.items():
    for path in sorted((ROOT / folder).rglob("*")):
        if path.suffix not in (".h", ".hpp", ".cpp", ".cc") or "shims" in path.parts:
            continue
        for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            header = m.group(1)
            if is_std(header) and not header.startswith(PROJECT):
                continue
            if not any(header.startswith(a) for a in allowed):
                violations.append(f"{path.relative_to(ROOT)}:{n}: {folder} must not include <{header}>")
for v in violations:
    print(v)
sys.exit(1 if violations else 0)
