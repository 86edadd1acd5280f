#!/usr/bin/env python3
"""Snapshot what the HIP headers of an installed HIP declare: one row per declaration.

    python3 opdb/importers/snapshot_hip_headers.py [--hip-include DIR] [--out DIR]

Not an importer: it makes the upstream snapshot `hip/` (default <project>/../shared/upstream/hip)
that `dcu_hipify.py` reads, the way the other snapshot folders were made from their upstreams.
It parses <hip/hip_runtime.h> and the other public HIP headers with Clang as HIP device code
(clang++-19 -x hip --cuda-device-only -Xclang -ast-dump) and keeps every function (each overload
with its type), record, data member, typedef, variable and enumerator whose declaration sits in the HIP headers
(nvcc_detail/ and nvidia_detail/, the NVIDIA back end, are left out), plus every #define of those
headers, and the enumerators the headers mark "Cuda only". Writes hip/declarations.tsv and
hip/SOURCES.md.

Needs clang++-19 and the headers (Debian: libamdhip64-dev). Deterministic: rows sorted.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
HEADERS = ["hip/hip_runtime.h", "hip/hip_cooperative_groups.h", "hip/hip_fp16.h",
           "hip/hip_bfloat16.h", "hip/hip_complex.h", "hip/hiprtc.h", "hip/hip_ext.h",
           "hip/hip_vector_types.h", "hip/math_functions.h", "hip/device_functions.h"]
SKIP_DIRS = ("nvcc_detail/", "nvidia_detail/")
DECLS = {"FunctionDecl": "function", "CXXMethodDecl": "function", "CXXConstructorDecl": None,
         "CXXRecordDecl": "type", "ClassTemplateDecl": "type", "TypedefDecl": "type",
         "TypeAliasDecl": "type", "VarDecl": "variable", "EnumDecl": "type",
         "EnumConstantDecl": "enum_value", "FunctionTemplateDecl": "function", "FieldDecl": "field"}
LOC = re.compile(r"(/[^<>:, ]+|<scratch space>|<built-in>|line|col):\d+(?::\d+)?")
NODE = re.compile(r"^(?P<indent>[| `-]*)(?P<kind>[A-Z][A-Za-z]+)\b(?P<rest>.*)$")
# Clang's HIP wrapper headers (lib/clang/N/include/__clang_hip_*.h) declare the device math
# library and the runtime wrapper that HIP programs compile against.
CLANG_HIP = re.compile(r"/lib/clang/\d+/include/(__clang_hip_\w+\.h)$")
NAME = re.compile(r"^\s*(?:(?:used|referenced|implicit|invalid|friend_undeclared|constexpr|"
                  r"class|struct|union|typename) )*([A-Za-z_]\w*)(?: '([^']*)')?")


BASE = re.compile(r"^(?P<indent>[| `-]*)(?:public|protected|private)(?: virtual)? "
                  r"'(?P<type>[^']+)'")
SCOPE_KINDS = {"NamespaceDecl", "CXXRecordDecl", "ClassTemplateDecl"}
# Nodes a public declaration may sit in (a declaration inside a function body is local).
CONTAINER_KINDS = SCOPE_KINDS | {"TranslationUnitDecl", "LinkageSpecDecl", "FunctionTemplateDecl",
                                 "ExternCContextDecl"}


def _qualified(stack):
    """The qualified name of the innermost namespace or class of `stack`."""
    outer = []
    for _, k, n in stack:
        if k in SCOPE_KINDS and n and (not outer or outer[-1] != n):
            outer.append(n)
    return "::".join(outer)


def parse_dump(text, include_root):
    """(qualified name, kind, signature, header) for every declaration in the HIP headers.

    Clang's text dump prints a location's file only when it differs from the last one printed,
    so the file is tracked across lines. A declaration's file is that of its name (the location
    after its source range), or of its range's start when the name comes from a macro expansion
    (scratch space)."""
    rows = set()
    current = ""          # the dumper's sticky file name
    stack = []            # (depth, node kind, name) of the enclosing nodes
    root = str(include_root / "hip") + "/"
    for line in text.splitlines():
        base = BASE.match(line)
        if base:   # a base class of the record being dumped
            depth = len(base.group("indent")) // 2
            while stack and stack[-1][0] >= depth:
                stack.pop()
            owner = _qualified(stack)
            clang_hip = CLANG_HIP.search(current)
            if owner and current.startswith(root) and stack[-1][1] == "CXXRecordDecl":
                rows.add((owner, "base", re.sub(r"<.*", "", base.group("type")),
                          current[len(str(include_root)) + 1:]))
            continue
        m = NODE.match(line)
        if not m:
            for t in LOC.finditer(line):
                if t.group(1) not in ("line", "col"):
                    current = t.group(1)
            continue
        depth = len(m.group("indent")) // 2
        kind, rest = m.group("kind"), m.group("rest")
        close = rest.find("> ")
        begin_file = name_file = None
        for t in LOC.finditer(rest):
            if t.group(1) not in ("line", "col"):
                current = t.group(1)
            if begin_file is None:
                begin_file = current
            if close >= 0 and t.start() > close and name_file is None:
                name_file = current
        decl_file = name_file or begin_file or current
        if decl_file.startswith("<") and begin_file:
            decl_file = begin_file
        while stack and stack[-1][0] >= depth:
            stack.pop()
        after = rest[close + 1:] if close >= 0 else ""
        after = LOC.sub("", after, count=1)
        name_m = NAME.match(after) if kind.endswith("Decl") else None
        name = name_m.group(1) if name_m else None
        parents = list(stack)
        stack.append((depth, kind, name))
        if " implicit " in rest or DECLS.get(kind) is None or not name:
            continue
        if any(k not in CONTAINER_KINDS for _, k, _ in parents):
            continue  # local to a function, or a parameter
        clang_hip = CLANG_HIP.search(decl_file)
        if not (decl_file.startswith(root) or clang_hip) or any(s in decl_file for s in SKIP_DIRS):
            continue
        header = ("clang/" + clang_hip.group(1)) if clang_hip else \
            decl_file[len(str(include_root)) + 1:]
        outer = _qualified(parents)
        if outer.endswith("::" + name) or outer == name:
            if kind in ("CXXRecordDecl", "ClassTemplateDecl"):
                outer = outer[:-len(name)].rstrip(":")   # the record inside its class template
        qual = f"{outer}::{name}" if outer else name
        signature = (name_m.group(2) or "") if DECLS[kind] in ("function", "variable", "field") else ""
        rows.add((qual, DECLS[kind], signature, header))
    return rows


def header_lines(include_root):
    """(path relative to include_root, line) for every line of the HIP headers read."""
    for path in sorted((include_root / "hip").rglob("*.h")):
        rel = path.relative_to(include_root).as_posix()
        if any(s in rel for s in SKIP_DIRS):
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            yield rel, line


def macro_rows(include_root):
    rows = set()
    for rel, line in header_lines(include_root):
        m = re.match(r"\s*#\s*define\s+([A-Za-z_]\w*)", line)
        if m:
            rows.add((m.group(1), "macro", "", rel))
    return rows


# An enumerator whose trailing doc comment starts "Cuda only" (hipDeviceAttribute_t marks the
# attributes only HIP's NVIDIA back end answers that way).
CUDA_ONLY = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?:=[^,/]*)?,?\s*///<\s*Cuda only\b", re.I)


def cuda_only_rows(include_root):
    """A `cuda_only` row for every enumerator the headers mark "Cuda only" in its comment: a
    fact about the comment, not its text."""
    rows = set()
    for rel, line in header_lines(include_root):
        m = CUDA_ONLY.match(line)
        if m:
            rows.add((m.group(1), "cuda_only", "", rel))
    return rows


def hip_version(include_root):
    text = (include_root / "hip" / "hip_version.h").read_text(encoding="utf-8")
    parts = [re.search(rf"#define HIP_VERSION_{k} (\d+)", text).group(1)
             for k in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hip-include", type=Path, default=Path("/usr/include"))
    ap.add_argument("--out", type=Path, default=PROJECT.parent / "shared" / "upstream" / "hip")
    ap.add_argument("--clang", default="clang++-19")
    args = ap.parse_args(argv)
    root = args.hip_include.resolve()
    if not (root / "hip" / "hip_runtime.h").is_file():
        print(f"error: {root}/hip/hip_runtime.h not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "inventory.hip"
        src.write_text("".join(f"#include <{h}>\n" for h in HEADERS))
        cmd = [args.clang, "-x", "hip", "--offload-arch=gfx906", "-nogpulib", "--cuda-device-only",
               "-fsyntax-only", "-fno-color-diagnostics", "-Xclang", "-ast-dump", str(src)]
        if root != Path("/usr/include"):
            cmd[1:1] = ["-isystem", str(root)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"error: {' '.join(cmd)} failed:\n{proc.stderr[:4000]}", file=sys.stderr)
            return 2
    rows = parse_dump(proc.stdout, root) | macro_rows(root) | cuda_only_rows(root)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "declarations.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("name\tkind\tsignature\theader\n")
        for r in sorted(rows):
            f.write("\t".join(c.replace("\t", " ") for c in r) + "\n")
    version = hip_version(root)
    clang = subprocess.run([args.clang, "--version"], capture_output=True, text=True).stdout
    (args.out / "SOURCES.md").write_text(f"""# hip/ — what the installed HIP headers declare

| item | value |
| --- | --- |
| upstream | HIP headers as installed by Debian's `libamdhip64-dev` (source package `rocm-hipamd`) under `{root}/hip` |
| HIP version | `{version}` (`hip/hip_version.h`) |
| package page | https://packages.debian.org/source/sid/rocm-hipamd |
| license | MIT (AMD) |
| read on | the day `snapshot_hip_headers.py` ran; see the git log of the importer |

## Files

### `declarations.tsv` — extracted facts ({len(rows)} rows + header)
* Made by `opdb/importers/snapshot_hip_headers.py` (opscope): Clang ({clang.splitlines()[0] if clang else 'clang'})
  parses {', '.join('<' + h + '>' for h in HEADERS)} as HIP device code and dumps the AST; every
  function (one row per overload, with its type), record, data member (`Record::member`, with its
  type), typedef, variable and enumerator declared
  in those headers or in Clang's HIP wrapper headers (`clang/__clang_hip_*.h`, the device math
  library HIP programs compile against) is kept, namespaces and classes joined with `::`; `nvcc_detail/` and
  `nvidia_detail/` (the NVIDIA back end) are left out. Every `#define` of the headers is a `macro` row.
  An enumerator whose trailing `///<` comment starts "Cuda only" also has a `cuda_only` row (the
  comment's text is not kept).
* Columns: `name`, `kind` (function, type, variable, field, enum_value, macro, base, cuda_only), `signature` (functions,
  variables and fields: the type Clang prints; `base` rows: the base class as written, template arguments dropped), `header` (path under the include root).
* No header text is copied; only names, kinds and types.
""", encoding="utf-8")
    print(f"wrote {args.out}/declarations.tsv ({len(rows)} rows, HIP {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
