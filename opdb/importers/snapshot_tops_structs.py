#!/usr/bin/env python3
"""Make enflame/tops_struct_members.tsv: the data members of the structs the official TOPS headers
define (EnflameTechnology/tops-codec-headers, include/tops/*.h), names and types only.

    python3 opdb/importers/snapshot_tops_structs.py --tops-headers PATH --out DIR [--commit HASH]

PATH is a checkout of tops-codec-headers (PATH/include/tops/*.h is read as it is) or its git
directory (the headers are read at --commit, by default the commit enflame/SOURCES.md records for
row HDR). The snapshot's enflame/ tables name the TOPS structs (tops_runtime_names.tsv) but not
their members; this is the one fact opscope derives itself from the same headers, at the same
commit. Nothing of the headers is copied: one row per member (struct, member, type as written,
header, line). Also appends a section to DIR/SOURCES.md saying how the file was made.

Exit codes: 0 made, 2 bad input (no headers, no struct read).
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

HEADERS = ("tops_runtime_api.h", "driver_types.h", "tops_ext.h")
OUT_NAME = "tops_struct_members.tsv"
COLUMNS = ("struct", "member", "type", "header", "line")


def strip_comments(text):
    """The text with comments blanked (newlines kept, so line numbers stay right)."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)


def struct_members(text, header):
    """[(struct, member, type, header, line)] of every `typedef struct NAME { ... } NAME;` and
    `struct NAME { ... };` without nested braces in `text`."""
    text = strip_comments(text)
    out = []
    pattern = re.compile(r"(?:typedef\s+)?struct\s+(\w+)\s*\{([^{}]*)\}\s*(\w*)\s*;")
    for m in pattern.finditer(text):
        name = m.group(3) or m.group(1)
        body_start = m.start(2)
        offset = 0
        for statement in m.group(2).split(";"):
            start = body_start + offset + (len(statement) - len(statement.lstrip()))
            offset += len(statement) + 1
            statement = " ".join(statement.split())
            if not statement or statement.startswith("#"):
                continue
            declarators = [d.strip() for d in statement.split(",")]
            words = declarators[0].replace("*", " * ").split()
            if len(words) < 2:
                raise ValueError(f"{header}:{text.count(chr(10), 0, start) + 1}: cannot read member "
                                 f"{statement!r} of struct {name}")
            first = words[-1]
            rest = words[:-1]
            # "int maxThreadsDim[3]": the array suffix belongs to the declarator
            base = " ".join(w for w in rest if w != "*")
            declarators[0] = "*" * rest.count("*") + first
            line = text.count("\n", 0, start) + 1
            for d in declarators:
                pointer = "*" * (len(d) - len(d.lstrip("*")))
                member = re.sub(r"\[.*", "", d.lstrip("*")).strip()
                if not re.fullmatch(r"[A-Za-z_]\w*", member):
                    raise ValueError(f"{header}:{line}: cannot read member {d!r} of struct {name}")
                arrays = "".join(re.findall(r"\[\s*\w+\s*\]", d)).replace(" ", "")
                out.append((name, member, base + (" " + pointer if pointer else "") + arrays,
                            header, str(line)))
    return out


def hdr_commit(sources_md):
    """The full commit enflame/SOURCES.md records for row HDR."""
    for line in sources_md.read_text(encoding="utf-8").splitlines():
        if line.startswith("| HDR |"):
            m = re.search(r"\b[0-9a-f]{40}\b", line)
            if m:
                return m.group(0)
    raise ValueError(f"{sources_md}: no row HDR with a full commit")


def read_headers(path, commit):
    """{header file name: text} of HEADERS, from a checkout or a git directory at `commit`."""
    out = {}
    if (path / "include" / "tops").is_dir():
        for h in HEADERS:
            f = path / "include" / "tops" / h
            if not f.is_file():
                raise ValueError(f"{f}: not found")
            out[h] = f.read_text(encoding="utf-8", errors="replace")
        return out
    for h in HEADERS:
        proc = subprocess.run(["git", "--git-dir", str(path), "show", f"{commit}:include/tops/{h}"],
                              capture_output=True, text=True, errors="replace")
        if proc.returncode != 0:
            raise ValueError(f"{path}: cannot read include/tops/{h} at {commit}: "
                             f"{proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else 'git failed'}")
        out[h] = proc.stdout
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tops-headers", type=Path, required=True,
                    help="a checkout of EnflameTechnology/tops-codec-headers, or its git directory")
    ap.add_argument("--out", type=Path, required=True, help="the snapshot's enflame/ folder (or a copy)")
    ap.add_argument("--commit", help="the commit to read from a git directory (default: SOURCES.md's HDR)")
    args = ap.parse_args(argv)
    try:
        commit = args.commit or hdr_commit(args.out / "SOURCES.md")
        texts = read_headers(args.tops_headers, commit)
        rows = []
        for h in HEADERS:
            rows.extend(struct_members(texts[h], h))
        if not any(r[0] == "topsDeviceProp_t" for r in rows):
            raise ValueError(f"{args.tops_headers}: no struct topsDeviceProp_t read")
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    lines = ["\t".join(COLUMNS)] + ["\t".join(r) for r in rows]
    (args.out / OUT_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    md = args.out / "SOURCES.md"
    text = md.read_text(encoding="utf-8") if md.is_file() else "# enflame/\n"
    if OUT_NAME not in text:
        text += (f"\n### {OUT_NAME}\n- Made by `opdb/importers/snapshot_tops_structs.py` from HDR "
                 f"`include/tops/{{{', '.join(HEADERS)}}}` at {commit}: one row per data member of "
                 f"each struct (struct, member, type, header, line); {len(rows)} rows.\n")
        md.write_text(text, encoding="utf-8")
    print(f"{args.out / OUT_NAME}: {len(rows)} members of "
          f"{len({r[0] for r in rows})} structs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
