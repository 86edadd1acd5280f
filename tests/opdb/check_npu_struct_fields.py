#!/usr/bin/env python3
"""Check the Ascend and Enflame answers for CUDA struct members (opdb/{ascend,enflame}/
cuda_struct_fields.yaml, made by opdb/importers/npu_struct_fields.py) against what they cite.

    python3 tests/opdb/check_npu_struct_fields.py UPSTREAM [--tops-headers PATH]

Ascend (against UPSTREAM/ascend/cann-api/acl_runtime_api.tsv, the declarations of the CANN runtime
headers the entries cite):
* every cudaDeviceProp member of opscope's CUDA shim has an entry, `missing`, derived, citing the
  cann-runtime source;
* acl_rt.h declares no struct whose name says it holds device properties;
* every note lists exactly the aclrtDevAttr enumerators acl_rt.h declares, and all notes are the
  same text (no member is paired with an attribute).

Enflame (against the text of the official TOPS headers, PATH: a checkout or the git directory of
EnflameTechnology/tops-codec-headers, read at the commit the entries' source names; skipped when
PATH is not given):
* each struct's entries name the TOPS struct opdb/enflame/cuda_runtime.yaml maps it to;
* `mapped` (or `partial`) entries target `TopsStruct::member`, and the header and line the note
  cites hold that member inside the struct's body; `missing` entries name a struct whose body
  lacks it; a member named as "instead" is in the body;
* the members issue 15 names come out as the header says (unifiedAddressing, multiProcessorCount
  mapped; warpSize, cudaPointerAttributes::type missing).

Exit 0 when all hold, 1 listing what does not, 77 (skipped) when UPSTREAM is absent.
"""

import argparse
import csv
import re
import subprocess
import sys
from pathlib import Path

from check_dcu_struct_fields import shim_members  # the shim's members of a CUDA struct

ROOT = Path(__file__).resolve().parents[2]
ASCEND = ROOT / "opdb" / "ascend" / "cuda_struct_fields.yaml"
ENFLAME = ROOT / "opdb" / "enflame" / "cuda_struct_fields.yaml"
ENFLAME_RUNTIME = ROOT / "opdb" / "enflame" / "cuda_runtime.yaml"
ACL_RT = "include/external/acl/acl_rt.h"
STRUCTS = ("cudaDeviceProp", "cudaPointerAttributes", "cudaFuncAttributes", "cudaChannelFormatDesc")
PAIR = re.compile(r'\s*(\w+): ("(?:[^"\\]|\\.)*"|[^,}]*)\s*(?:,|\})')


def entries(path):
    """{symbol: {key: value}} of a generated coverage file's one-line flow-mapping entries."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line.startswith("- {"):
            continue
        e = {}
        for k, v in PAIR.findall(line[3:]):
            v = v.strip()
            e[k] = v[1:-1].replace('\\"', '"').replace("\\\\", "\\") if v.startswith('"') else v
        out[e["symbol"]] = e
    return out


def source_commit(path, source_id):
    text = path.read_text(encoding="utf-8")
    m = re.search(r"- id: " + re.escape(source_id) + r"\n(?:    .*\n)*?    commit: \"?([0-9a-f]{40})", text)
    return m.group(1) if m else None


def check_ascend(upstream):
    problems = []
    got = entries(ASCEND)
    rows = list(csv.DictReader((upstream / "ascend" / "cann-api" / "acl_runtime_api.tsv")
                               .open(encoding="utf-8"), delimiter="\t"))
    rt = [r for r in rows if r["header"] == ACL_RT]
    attrs = []
    for r in rt:
        if r["kind"] == "enumerator" and r["notes"].startswith("enum=aclrtDevAttr ") and r["name"] not in attrs:
            attrs.append(r["name"])
    if not attrs:
        problems.append(f"{ACL_RT}: no aclrtDevAttr enumerator in the snapshot")
    props = [r["name"] for r in rt if r["kind"] in ("struct", "union", "typedef")
             and re.search(r"dev(ice)?_?prop", r["name"], re.I)]
    if props:
        problems.append(f"{ACL_RT} declares {props}: the answers say it has no device-property struct")
    notes = set()
    for member in shim_members("cudaDeviceProp"):
        symbol = f"cudaDeviceProp::{member}"
        e = got.get(symbol)
        if e is None:
            problems.append(f"ascend {symbol}: declared by the shim, no entry")
            continue
        if (e["status"], e["confidence"]) != ("missing", "derived") or not e["source"].startswith("cann-runtime-"):
            problems.append(f"ascend {symbol}: {e['status']}/{e['confidence']}/{e['source']}, "
                            "expected missing/derived/cann-runtime-*")
        note = e.get("note", "")
        notes.add(note)
        named = re.findall(r"\bACL_DEV_ATTR_\w+", note)
        if sorted(set(named)) != sorted(attrs) or len(named) != len(attrs):
            problems.append(f"ascend {symbol}: the note lists {len(named)} aclrtDevAttr values, "
                            f"{ACL_RT} declares {len(attrs)} ({sorted(set(attrs) ^ set(named))[:5]} differ)")
        if "no device-property struct" not in note or "aclrtGetDeviceInfo" not in note:
            problems.append(f"ascend {symbol}: the note does not say ACL has no property struct "
                            "and asks aclrtGetDeviceInfo")
    if len(notes) > 1:
        problems.append(f"ascend: {len(notes)} different notes; one note for every member (no "
                        "member is paired with an attribute)")
    extra = [s for s in got if not s.startswith("cudaDeviceProp::")]
    if extra:
        problems.append(f"ascend: entries for {extra[:3]}: the snapshot lists no members of ACL's structs")
    return problems


def tops_header_text(tops, commit, header):
    if (tops / "include" / "tops").is_dir():
        return (tops / "include" / "tops" / header).read_text(encoding="utf-8", errors="replace")
    proc = subprocess.run(["git", "--git-dir", str(tops), "show", f"{commit}:include/tops/{header}"],
                          capture_output=True, text=True, errors="replace")
    return proc.stdout if proc.returncode == 0 else None


def struct_body(text, struct):
    """(body, first line number of the body) of `typedef struct S { ... } S;`."""
    m = re.search(r"typedef\s+struct\s+" + struct + r"\s*\{(.*?)\}\s*" + struct + r"\s*;", text, re.S)
    if not m:
        return None, None
    return m.group(1), text.count("\n", 0, m.start(1)) + 1


def declares(body, member):
    code = re.sub(r"//[^\n]*|/\*.*?\*/", "", body, flags=re.S)
    return re.search(r"[\s,*]" + re.escape(member) + r"\s*(\[[^\]]*\]\s*)*[;,]", code) is not None


def check_enflame(tops):
    problems = []
    got = entries(ENFLAME)
    runtime = entries(ENFLAME_RUNTIME)
    for symbol, e in sorted(got.items()):
        commit = source_commit(ENFLAME, e["source"])
        struct, member = symbol.split("::")
        tops_struct = runtime.get(struct, {}).get("target")
        note = e.get("note", "")
        if not tops_struct or not note.startswith(f"{tops_struct} (the opdb's counterpart of {struct}"):
            problems.append(f"enflame {symbol}: the note does not name {tops_struct}, the target of {struct}")
            continue
        header = re.search(r"\b(tops_runtime_api\.h|driver_types\.h|tops_ext\.h)\b", note)
        text = header and tops_header_text(tops, commit, header.group(1))
        if not text:
            problems.append(f"enflame {symbol}: cites no TOPS header readable at {commit}")
            continue
        body, first = struct_body(text, tops_struct)
        if body is None:
            problems.append(f"enflame {symbol}: {header.group(1)} defines no {tops_struct}")
            continue
        if e["status"] in ("mapped", "partial"):
            if e.get("target") != f"{tops_struct}::{member}":
                problems.append(f"enflame {symbol}: target {e.get('target')}, expected {tops_struct}::{member}")
            if not declares(body, member):
                problems.append(f"enflame {symbol}: {e['status']}, but {tops_struct} in {header.group(1)} "
                                f"declares no {member}")
            line = re.search(r" line (\d+)", note)
            lines = text.splitlines()
            n = int(line.group(1)) if line else 0
            last = first + body.count("\n")
            if not (first <= n <= last and re.search(r"\b" + re.escape(member) + r"\b", lines[n - 1])):
                problems.append(f"enflame {symbol}: cites line {n} of {header.group(1)}, which is not "
                                f"{member} in {tops_struct}")
        elif e["status"] == "missing":
            if declares(body, member):
                problems.append(f"enflame {symbol}: missing, but {tops_struct} declares {member}")
            instead = re.search(r"has ([\w, ]+) instead", note)
            for other in (instead.group(1).split(", ") if instead else []):
                if not declares(body, other):
                    problems.append(f"enflame {symbol}: names {other} instead, which {tops_struct} lacks")
        else:
            problems.append(f"enflame {symbol}: status {e['status']}; mapped, partial or missing expected")
        if e.get("confidence") != "derived":
            problems.append(f"enflame {symbol}: confidence {e.get('confidence')}, derived expected")
    for struct in STRUCTS:
        if struct in runtime and runtime[struct].get("status") == "mapped":
            for member in shim_members(struct):
                if f"{struct}::{member}" not in got:
                    problems.append(f"enflame {struct}::{member}: declared by the shim, no entry")
    expected = {"cudaDeviceProp::unifiedAddressing": "mapped", "cudaDeviceProp::multiProcessorCount": "mapped",
                "cudaDeviceProp::warpSize": "missing", "cudaPointerAttributes::type": "missing",
                "cudaFuncAttributes::numRegs": "mapped", "cudaChannelFormatDesc::f": "mapped"}
    for symbol, status in expected.items():
        have = got.get(symbol, {}).get("status", "no entry")
        if have != status:
            problems.append(f"enflame {symbol}: {have}, the TOPS header makes it {status}")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("upstream", type=Path)
    ap.add_argument("--tops-headers", type=Path,
                    help="a checkout or the git directory of EnflameTechnology/tops-codec-headers")
    args = ap.parse_args(argv)
    if not (args.upstream / "ascend" / "cann-api" / "acl_runtime_api.tsv").is_file():
        print(f"skipped: {args.upstream} has no ascend/cann-api/acl_runtime_api.tsv")
        return 77
    problems = check_ascend(args.upstream)
    checked = ["ascend"]
    if args.tops_headers and args.tops_headers.exists():
        problems += check_enflame(args.tops_headers)
        checked.append("enflame")
    else:
        print("enflame not checked: no --tops-headers (a checkout or git directory of "
              "EnflameTechnology/tops-codec-headers)")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"ok: the {' and '.join(checked)} struct-member answers agree with what they cite")
    return 0


if __name__ == "__main__":
    sys.exit(main())
