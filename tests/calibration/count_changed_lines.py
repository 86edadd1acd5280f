#!/usr/bin/env python3
"""Counts a port's hand-changed lines: code lines (not blank, not comment) that a diff adds or
changes, per file. It reads local git directories or two local trees and fetches nothing.

  count_changed_lines.py --git-dir DIR BASE PORT [PATHSPEC...]   # lines PORT adds over BASE
  count_changed_lines.py --files BASE_FILE PORT_FILE             # one file against its upstream

The facts in ports.json were counted with it; the classes there (compat header, device shims,
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
# "gpu" only as a word of its own (args.gpu, "gpu"), not inside a name such as ngpus_per_node,
# which the ports pass around for their throughput prints.
DEVICE_LINE = re.compile(r"npu|mlu|cuda|(?<![a-z])gpu|device|torch_npu|torch_mlu|\bct\.|hccl|cncl|nccl|apex|amp\b|"
                         r"amp\.|scale_loss|non_blocking|int32|set_device|device_count|dist_backend|backend=")


def print_lines(lines):
    """Line numbers (1-based) that belong to a Python print(...) statement, continuations included:
    output, not device work, whatever device words the message holds."""
    out, depth = set(), 0
    for i, line in enumerate(lines, 1):
        t = line.strip()
        if depth == 0 and not re.match(r"print\s*\(", t):
            continue
        out.add(i)
        text = re.sub(r"'[^']*'|\"[^\"]*\"", "", t)
        depth = max(0, depth + text.count("(") - text.count(")"))
    return out


def changed(base_text, port_text, path, device_only=False):
    """(counted, carried, output): code lines of `port_text` that are added or changed with respect
    to `base_text` and count as hand-changed; those that only carry an upstream line over (the same
    text, re-indented or moved, e.g. under a new `else:` branch); and (with `device_only`) print
    statements. With `device_only` only lines about the device count.
    A .patch or .diff file counts only its added lines: the hand edit it carries; its context and
    removed lines are what diff printed around it."""
    a, b = base_text.split("\n"), port_text.split("\n")
    keep = code_lines(port_text, path)
    if path.endswith((".patch", ".diff")):
        keep = {i for i in keep if b[i - 1].startswith("+") and not b[i - 1].startswith("+++")}
    output = print_lines(b) if device_only else set()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    # Upstream lines the diff removes, by text without indentation: a changed line with the same
    # text is that line carried over (each removed line is matched once).
    removed = {}
    for tag, i1, i2, _, _ in ops:
        if tag in ("replace", "delete"):
            for i in range(i1, i2):
                t = a[i].strip()
                if t:
                    removed[t] = removed.get(t, 0) + 1
    counted = carried = printed = 0
    for tag, _, _, j1, j2 in ops:
        if tag not in ("replace", "insert"):
            continue
        for j in range(j1 + 1, j2 + 1):
            if j not in keep:
                continue
            t = b[j - 1].strip()
            if removed.get(t, 0) > 0:
                removed[t] -= 1
                carried += 1
            elif device_only and j in output:
                printed += 1
            elif not device_only or DEVICE_LINE.search(b[j - 1].lower()):
                counted += 1
    return counted, carried, printed


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
    total = [0, 0, 0]

    def show(counts, name):
        for k in range(3):
            total[k] += counts[k]
        print(f"{counts[0]:6}  {name}" + (f"  (carried over {counts[1]}, print {counts[2]})" if any(counts[1:]) else ""))

    if args.files:
        base, port = (open(p, errors="replace").read() for p in args.files)
        show(changed(base, port, args.files[1], args.device_only), args.files[1])
    elif args.git_dir and len(args.rest) >= 2:
        base, port, specs = args.rest[0], args.rest[1], args.rest[2:]
        names = git(args.git_dir, "diff", "--name-only", "--diff-filter=AM", base, port, "--", *specs).split()
        for name in names:
            before = git(args.git_dir, "show", f"{base}:{name}")
            after = git(args.git_dir, "show", f"{port}:{name}")
            show(changed(before, after, name, args.device_only), name)
    else:
        ap.error("give --git-dir DIR BASE PORT [PATHSPEC...] or --files BASE PORT")
    print(f"{total[0]:6}  total  (not counted: {total[1]} upstream lines carried over, {total[2]} print lines)")


if __name__ == "__main__":
    sys.exit(main())
