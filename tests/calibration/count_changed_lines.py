#!/usr/bin/env python3
"""Counts a port's hand-changed lines: code lines (not blank, not comment) that a diff adds or
changes, per file. It reads local git directories or two local trees and fetches nothing.

  count_changed_lines.py --git-dir DIR BASE PORT [PATHSPEC...]   # lines PORT adds over BASE
  count_changed_lines.py --files BASE_FILE PORT_FILE             # one file against its upstream

The facts in ports.yaml were counted with it; the classes there (compat header, device shims,
source edits, build, ...) are assigned per file or per line range by reading the diff.
"""
import argparse
import difflib
import re
import subprocess
import sys


def code_lines(text, path):
    """The set of line numbers (1-based) of `text` that hold code, for C-like and Python files."""
    python = path.endswith((".py", ".sh")) or path.endswith("Makefile") or path.endswith(".patch")
    out, in_block, in_doc = set(), False, None
    for i, line in enumerate(text.split("\n"), 1):
        t = line.strip()
        if python:
            if in_doc:
                if in_doc in t:
                    in_doc = None
                continue
            if t.startswith(('"""', "'''")):
                q = t[:3]
                if not (len(t) > 3 and t.endswith(q)):
                    in_doc = q
                continue
            if not t or t.startswith("#"):
                continue
        else:
            if in_block:
                if "*/" in t:
                    in_block = False
                continue
            if t.startswith("/*"):
                in_block = "*/" not in t
                continue
            if not t or t.startswith("//"):
                continue
        out.add(i)
    return out


# A changed line of a PyTorch port that is about the device: the device type, its runtime, its
# collective backend, mixed precision (apex/amp), device placement, dtype fixes the device needs.
DEVICE_LINE = re.compile(r"npu|mlu|cuda|gpu|device|torch_npu|torch_mlu|\bct\.|hccl|cncl|nccl|apex|amp\b|amp\.|"
                         r"scale_loss|non_blocking|int32|set_device|device_count|dist_backend|backend=")


def changed(base_text, port_text, path, device_only=False):
    """Code lines of `port_text` that are added or changed with respect to `base_text` (only
    those that are about the device with `device_only`)."""
    a, b = base_text.split("\n"), port_text.split("\n")
    keep = code_lines(port_text, path)
    n = 0
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            n += sum(1 for j in range(j1 + 1, j2 + 1)
                     if j in keep and (not device_only or DEVICE_LINE.search(b[j - 1].lower())))
    return n


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir=" + gitdir, *args], capture_output=True, text=True,
                          errors="replace").stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--git-dir")
    ap.add_argument("--files", nargs=2)
    ap.add_argument("--device-only", action="store_true",
                    help="count only changed lines about the device (PyTorch ports add unrelated features)")
    ap.add_argument("rest", nargs="*")
    args = ap.parse_args()
    total = 0
    if args.files:
        base, port = (open(p, errors="replace").read() for p in args.files)
        total = changed(base, port, args.files[1], args.device_only)
        print(f"{total:6}  {args.files[1]}")
    elif args.git_dir and len(args.rest) >= 2:
        base, port, specs = args.rest[0], args.rest[1], args.rest[2:]
        names = git(args.git_dir, "diff", "--name-only", "--diff-filter=AM", base, port, "--", *specs).split()
        for name in names:
            before = git(args.git_dir, "show", f"{base}:{name}")
            after = git(args.git_dir, "show", f"{port}:{name}")
            n = changed(before, after, name, args.device_only)
            total += n
            print(f"{n:6}  {name}")
    else:
        ap.error("give --git-dir DIR BASE PORT [PATHSPEC...] or --files BASE PORT")
    print(f"{total:6}  total")


if __name__ == "__main__":
    sys.exit(main())
