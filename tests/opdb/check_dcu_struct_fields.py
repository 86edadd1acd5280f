#!/usr/bin/env python3
"""Check opdb/dcu/cuda_struct_fields.yaml as committed against the HIP headers themselves.

    python3 tests/opdb/check_dcu_struct_fields.py [--hip-include DIR]

The importer (opdb/importers/dcu_struct_fields.py) reads the HIP headers through Clang's AST
(hip/declarations.tsv); this check reads the header text instead, so the two must agree:

* every `native` (or `partial`: another type) entry cites a header (in its note) whose `typedef struct <HipStruct> { ... }`
  body declares the member;
* every `missing` entry names a HIP struct whose body in the HIP headers lacks the member;
* a "Cuda only" claim about a hipDeviceAttribute_t enumerator is in the header's comment on it,
  and an entry that does not make the claim names an enumerator the header does not mark;
* every member of the four structs in opscope's CUDA shim (analyzer/cuda/shims/core/cudart.h)
  has an entry, and the members issue 14 names come out as the HIP 5.2 headers say
  (unifiedAddressing and asyncEngineCount missing, major native).

Exit 0 when all hold, 1 listing what does not, 77 (skipped) when the HIP headers are absent.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIELDS = ROOT / "opdb" / "dcu" / "cuda_struct_fields.yaml"
SHIM = ROOT / "analyzer" / "cuda" / "shims" / "core" / "cudart.h"
ENTRY = re.compile(r'^\s*- \{symbol: "(?P<symbol>[^"]+)", status: (?P<status>\w+),.*?note: "(?P<note>(?:[^"\\]|\\.)*)"')
STRUCTS = ("cudaDeviceProp", "cudaPointerAttributes", "cudaFuncAttributes", "cudaChannelFormatDesc")


def struct_bodies(include):
    """{HIP struct name: (header relative to the include root, body text)} for every
    `typedef struct X { ... } X;` of the HIP headers (the NVIDIA back end left out)."""
    out = {}
    for path in sorted((include / "hip").rglob("*.h")):
        rel = path.relative_to(include).as_posix()
        if "nvidia_detail" in rel or "nvcc_detail" in rel:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"typedef\s+struct\s+(\w+)\s*\{(.*?)\}\s*(\w+)\s*;", text, re.S):
            if m.group(1) == m.group(3):
                out.setdefault(m.group(1), (rel, m.group(2)))
    return out


def declares(body, member):
    code = re.sub(r"//[^\n]*|/\*.*?\*/", "", body, flags=re.S)
    return re.search(r"[\s,*]" + re.escape(member) + r"\s*(\[[^\]]*\]\s*)*[;,]", code) is not None


def shim_members(struct):
    text = SHIM.read_text(encoding="utf-8")
    body = re.search(r"\bstruct\s+" + struct + r"\s*\{([^{}]*)\};", text).group(1)
    names = []
    for statement in body.split(";"):
        statement = re.sub(r"\[[^\]]*\]", "", statement).strip()
        if statement:
            parts = statement.split(",")
            names.append(parts[0].split()[-1].lstrip("*"))
            names.extend(p.strip().lstrip("*") for p in parts[1:])
    return names


def cuda_only(include, enumerator):
    for path in sorted((include / "hip").rglob("*.h")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if re.match(r"\s*" + re.escape(enumerator) + r"\b", line):
                return "Cuda only" in line
    return None


def check(include):
    problems = []
    bodies = struct_bodies(include)
    entries = {}
    for line in FIELDS.read_text(encoding="utf-8").splitlines():
        m = ENTRY.match(line)
        if m:
            entries[m.group("symbol")] = (m.group("status"), m.group("note").replace('\\"', '"'))
    if not entries:
        return [f"{FIELDS}: no entries read"]
    for symbol, (status, note) in sorted(entries.items()):
        struct, member = symbol.split("::")
        hip = re.match(r"(\w+) \(HIPIFY's counterpart of " + struct, note)
        if not hip or hip.group(1) not in bodies:
            problems.append(f"{symbol}: the note names no HIP struct the headers define")
            continue
        header, body = bodies[hip.group(1)]
        if status in ("native", "partial"):  # partial: the same member with another type
            cited = re.search(r" in (hip/\S+?\.h) ", note)
            if not cited or cited.group(1) != header:
                problems.append(f"{symbol}: {status}, but cites {cited and cited.group(1)}; "
                                f"{hip.group(1)} is defined in {header}")
            if not declares(body, member):
                problems.append(f"{symbol}: {status}, but {header} declares no {hip.group(1)}::{member}")
        elif status == "missing":
            if declares(body, member):
                problems.append(f"{symbol}: missing, but {header} declares {hip.group(1)}::{member}")
        else:
            problems.append(f"{symbol}: status {status}; a struct member is native, partial or missing")
        attr = re.search(r"hipDeviceGetAttribute with (\w+)", note)
        if attr:
            marked = cuda_only(include, attr.group(1))
            if marked is None:
                problems.append(f"{symbol}: the note names {attr.group(1)}, which no HIP header declares")
            elif marked != ('"Cuda only"' in note):
                problems.append(f"{symbol}: the header {'marks' if marked else 'does not mark'} "
                                f"{attr.group(1)} Cuda only, the note says otherwise")
    for struct in STRUCTS:
        for member in shim_members(struct):
            if f"{struct}::{member}" not in entries:
                problems.append(f"{struct}::{member}: declared by the shim, no DCU entry")
    expected = {"cudaDeviceProp::unifiedAddressing": "missing", "cudaDeviceProp::asyncEngineCount": "missing",
                "cudaDeviceProp::major": "native", "cudaPointerAttributes::device": "native"}
    for symbol, status in expected.items():
        got = entries.get(symbol, ("no entry",))[0]
        if got != status:
            problems.append(f"{symbol}: {got}, HIP 5.2's headers make it {status}")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hip-include", type=Path, default=Path("/usr/include"))
    args = ap.parse_args(argv)
    if not (args.hip_include / "hip" / "hip_runtime_api.h").is_file():
        print(f"skipped: {args.hip_include}/hip/hip_runtime_api.h not found (Debian: libamdhip64-dev)")
        return 77
    problems = check(args.hip_include)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {FIELDS.relative_to(ROOT)}")
        return 1
    print(f"ok: every entry of {FIELDS.relative_to(ROOT)} agrees with {args.hip_include}/hip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
