#!/usr/bin/env python3
"""Huawei Ascend: the aten operators torch_npu registers in its own core, not in op-plugin.

    python3 opdb/importers/ascend_core_registrations.py FILE --commit HASH --date YYYY-MM-DD

FILE is torch_npu/csrc/aten/npu_native_functions.yaml of github.com/Ascend/pytorch (the snapshot
in ../shared/upstream does not hold it; read a checkout of the public repository), HASH the
commit it was read at and the date that commit was made. Writes opdb/ascend/aten_core.yaml.
regenerate.py runs it when given --npu-native-functions FILE (with --npu-native-commit and
--npu-native-date) and otherwise leaves the committed file alone, saying so.

The file's `supported` and `symint` lists name the aten operators whose NPU kernels live in
torch_npu's core (view, as_strided, copy_, _to_copy, resize_, empty_strided, ...): each one the
aten universe knows and op-plugin does not register (ascend/op-plugin/op_plugin_functions_flat.tsv)
is `native` (official). `custom` holds torch_npu's own operators (npu_format_cast, ...), which are
not aten's and are left out. ascend_torch.py reads the committed output to leave these operators
out of its composite `emulated` entries.
"""

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

from common import UpstreamError, entry, join_note, read_text, read_tsv, render, require  # noqa: E402
from torch_common import aten, document  # noqa: E402

SCRIPT = "ascend_core_registrations.py"
PLATFORM = "ascend"
OUTPUT = "ascend/aten_core.yaml"
UPSTREAM_PATH = "torch_npu/csrc/aten/npu_native_functions.yaml"
REPOSITORY = "https://github.com/Ascend/pytorch"


def core_functions(text):
    """{func name: flags} of the `supported` and `symint` lists: `- name` or `- func: name` items
    with their `op_api` flag. Raises UpstreamError on a file of another shape."""
    out, section, current = {}, None, None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        top = re.fullmatch(r"([a-z_]+):\s*(.*)", line)
        if top:
            section = top.group(1)
            current = None
            continue
        if section not in ("supported", "symint"):
            continue
        item = re.fullmatch(r"  - (?:func:\s*)?([A-Za-z0-9_.]+)\s*", line)
        if item:
            current = item.group(1)
            out.setdefault(current, set())
            continue
        flag = re.fullmatch(r"    ([a-z_]+):\s*(\S+)\s*", line)
        if flag and current:
            if flag.group(2) == "True":
                out[current].add(flag.group(1))
            continue
        raise UpstreamError(f"{UPSTREAM_PATH}:{number}: unexpected line in '{section}': {line.strip()!r}")
    require(out, f"{UPSTREAM_PATH}: no 'supported' operators")
    return out


def outputs(universe, path, commit, date):
    """{OUTPUT: (header, doc)} from the file at `path`, read at `commit` (made on `date`)."""
    require(re.fullmatch(r"[0-9a-f]{40}", commit or ""), "--commit must be a full 40-hex commit hash")
    require(re.fullmatch(r"\d{4}-\d\d-\d\d", date or ""), "--date must be YYYY-MM-DD")
    functions = core_functions(read_text(Path(path)))
    op_plugin = {r["func"] for r in read_tsv(universe.upstream / "ascend" / "op-plugin" /
                                              "op_plugin_functions_flat.tsv")}
    source = {"id": f"torch-npu-core-{commit[:8]}",
              "title": "torch_npu core ATen registrations (npu_native_functions.yaml)",
              "repository": REPOSITORY, "commit": commit, "path": UPSTREAM_PATH, "date": date,
              "license": "BSD-3-Clause (PyTorch-derived LICENSE)"}
    entries = []
    for func, flags in sorted(functions.items()):
        if func in op_plugin or aten(func) not in universe.torch.aten_by_name:
            continue  # op-plugin's answer stands; or not an aten operator of the universe
        parts = ["torch_npu registers an NPU kernel for it in its own core (not op-plugin)"]
        if "op_api" in flags:
            parts.append("the kernel takes the aclnn path")
        entries.append(entry(aten(func), "native", source["id"], "official", note=join_note(parts)))
    require(entries, f"{UPSTREAM_PATH}: no aten operator left to answer")
    header, doc = document(PLATFORM, SCRIPT, [f"{UPSTREAM_PATH} (Ascend/pytorch, read from a checkout)",
                                              "ascend/op-plugin/op_plugin_functions_flat.tsv"],
                           [source], entries)
    return {OUTPUT: (header, doc)}


def committed_symbols(opdb):
    """The symbols the committed output answers (empty when it is not there): what
    ascend_torch.py leaves out of its composite entries."""
    path = opdb / OUTPUT
    if not path.exists():
        return set()
    return set(re.findall(r'symbol: "([^"]+)"', path.read_text(encoding="utf-8")))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", type=Path, help=f"{UPSTREAM_PATH} of Ascend/pytorch")
    ap.add_argument("--commit", required=True, help="the commit the file was read at (40 hex)")
    ap.add_argument("--date", required=True, help="that commit's date, YYYY-MM-DD")
    ap.add_argument("--upstream", type=Path, default=HERE.parent.parent.parent / "shared" / "upstream")
    ap.add_argument("--output", type=Path, default=HERE.parent, help="the opdb directory to write into "
                    "(default: %(default)s)")
    args = ap.parse_args(argv)
    from universe import Universe
    try:
        files = outputs(Universe(args.upstream.resolve()), args.file, args.commit, args.date)
    except (UpstreamError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for rel, (header, doc) in files.items():
        path = args.output / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(header, doc), encoding="utf-8")
        print(f"wrote: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
