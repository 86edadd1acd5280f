"""The upstream inputs opscope derives itself, and what regenerate.py does when the snapshot
lacks them.

Every folder of ../shared/upstream is a copy of a public upstream, except three files opscope makes
with its own scripts, two from Debian packages:

* hip/declarations.tsv (+ hip/SOURCES.md): snapshot_hip_headers.py over Debian's libamdhip64-dev
  headers (/usr/include/hip) with clang++-19; read by dcu_hipify.py.
* pytorch/onnx_symbolic_aten_ops.tsv (+ a section of pytorch/SOURCES.md):
  extract_torch_onnx_symbolics.py over Debian's python3-torch (torch/onnx, needs python3-onnx);
  read by onnx_inferred_from_aten.py.
* enflame/tops_struct_members.tsv (+ a section of enflame/SOURCES.md): snapshot_tops_structs.py
  over a checkout or git directory of EnflameTechnology/tops-codec-headers (--tops-headers; read
  at the commit enflame/SOURCES.md records for HDR, the headers the snapshot's tops_runtime_*.tsv
  come from); read by npu_struct_fields.py. There is no default location.

A snapshot without them (CI's pristine copy) is read through an overlay: a temporary directory
whose entries link to the snapshot's, plus the missing file made there by its script. The
snapshot itself is never written. When a file cannot be made (no clang++-19, no headers, no
python3-torch), `prepare` says why, and regenerate.py --check leaves out exactly the committed
files whose generated header names that input (and says so).
"""

import importlib.util
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_HIP_INCLUDE = Path("/usr/include")
DEFAULT_TORCH_ONNX = Path("/usr/lib/python3/dist-packages/torch/onnx")


@dataclass(frozen=True)
class DerivedInput:
    """One upstream file opscope derives itself: its path in the snapshot, the script making it
    and the importer reading it."""
    key: str
    path: str
    made_by: str
    read_by: str


HIP = DerivedInput("hip", "hip/declarations.tsv", "snapshot_hip_headers.py", "dcu_hipify.py")
TORCH_ONNX = DerivedInput("torch_onnx", "pytorch/onnx_symbolic_aten_ops.tsv",
                          "extract_torch_onnx_symbolics.py", "onnx_inferred_from_aten.py")
TOPS = DerivedInput("tops", "enflame/tops_struct_members.tsv", "snapshot_tops_structs.py",
                    "npu_struct_fields.py")
DERIVED = (HIP, TORCH_ONNX, TOPS)


def _last_line(text):
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else "no message"


def _overlay(upstream, tmp, own_dirs):
    """tmp/upstream: a symlink per entry of `upstream`, except the folders in `own_dirs`, which
    are real directories (their files linked one by one) so files can be added to them."""
    root = tmp / "upstream"
    root.mkdir()
    for entry in sorted(upstream.iterdir()):
        if entry.name in own_dirs:
            continue
        (root / entry.name).symlink_to(entry)
    for name in own_dirs:
        (root / name).mkdir()
        src = upstream / name
        if name == "hip" or not src.is_dir():
            continue  # snapshot_hip_headers.py writes both hip/ files; never link what it writes
        for entry in sorted(src.iterdir()):
            if entry.name == "SOURCES.md":  # a copy: a section may be added to it
                shutil.copyfile(entry, root / name / entry.name)
            else:
                (root / name / entry.name).symlink_to(entry)
    return root


def _make_hip(out_dir, hip_include, clang):
    """None when made, else the reason it could not be."""
    if not shutil.which(clang):
        return f"{clang} not found (Debian: clang-19)"
    if not (hip_include / "hip" / "hip_runtime.h").is_file():
        return f"{hip_include}/hip/hip_runtime.h not found (Debian: libamdhip64-dev)"
    proc = subprocess.run([sys.executable, str(HERE / HIP.made_by), "--hip-include", str(hip_include),
                           "--out", str(out_dir), "--clang", clang], capture_output=True, text=True)
    if proc.returncode != 0:
        return f"{HIP.made_by} failed: {_last_line(proc.stderr)}"
    return None


def _make_torch_onnx(pytorch_dir, torch_onnx):
    """None when made, else the reason it could not be."""
    if not (torch_onnx / "symbolic_opset9.py").is_file():
        return f"{torch_onnx}/symbolic_opset9.py not found (Debian: python3-torch)"
    # The extractor needs python3-onnx: Debian's interpreter has it where this one (a pyenv or
    # venv python) may not.
    python = sys.executable
    if importlib.util.find_spec("onnx") is None and Path("/usr/bin/python3").is_file():
        python = "/usr/bin/python3"
    proc = subprocess.run([python, str(HERE / TORCH_ONNX.made_by), str(torch_onnx)],
                          capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout.startswith("aten_op\t"):
        return f"{TORCH_ONNX.made_by} failed: {_last_line(proc.stderr)}"
    (pytorch_dir / "onnx_symbolic_aten_ops.tsv").write_text(proc.stdout, encoding="utf-8")
    md = pytorch_dir / "SOURCES.md"
    text = md.read_text(encoding="utf-8") if md.is_file() else "# pytorch/\n"
    if "onnx_symbolic_aten_ops.tsv" not in text:
        text += (f"\n### `onnx_symbolic_aten_ops.tsv`\n* Made for this run by "
                 f"`opdb/importers/{TORCH_ONNX.made_by}` from `{torch_onnx}` (temporary copy).\n")
    (pytorch_dir / "SOURCES.md").write_text(text, encoding="utf-8")
    return None


def _make_tops(enflame_dir, tops_headers):
    """None when made, else the reason it could not be."""
    if tops_headers is None:
        return ("no --tops-headers given (a checkout or the git directory of "
                "EnflameTechnology/tops-codec-headers)")
    if not tops_headers.exists():
        return f"{tops_headers} not found"
    proc = subprocess.run([sys.executable, str(HERE / TOPS.made_by), "--tops-headers", str(tops_headers),
                           "--out", str(enflame_dir)], capture_output=True, text=True)
    if proc.returncode != 0:
        return f"{TOPS.made_by} failed: {_last_line(proc.stderr)}"
    return None


def prepare(upstream, tmp, log, hip_include=DEFAULT_HIP_INCLUDE, torch_onnx=DEFAULT_TORCH_ONNX,
            clang="clang++-19", tops_headers=None):
    """(the directory to read as the snapshot, {DerivedInput: why it is unavailable}).

    `upstream` itself when it has every derived file; otherwise an overlay under `tmp` (which must
    outlive the reading) holding the missing files made by their scripts. Says on `log` which
    file was made and from what."""
    missing = [d for d in DERIVED if not (upstream / d.path).is_file()]
    if not missing:
        return upstream, {}
    root = _overlay(upstream, tmp, {d.path.split("/")[0] for d in missing})
    unavailable = {}
    for d in missing:
        if d is HIP:
            why = _make_hip(root / "hip", hip_include, clang)
            source = f"{hip_include}/hip with {clang}"
        elif d is TOPS:
            why = _make_tops(root / "enflame", tops_headers)
            source = str(tops_headers)
        else:
            why = _make_torch_onnx(root / "pytorch", torch_onnx)
            source = str(torch_onnx)
        if why:
            unavailable[d] = why
        else:
            print(f"{d.path}: not in the snapshot; made for this run by {d.made_by} from {source} "
                  "(in a temporary directory)", file=log)
    return root, unavailable


def reads(first_line, derived):
    """Whether a generated file's first line names `derived` among the upstream files it is made
    from ("# Generated by opdb/importers/X.py from a, b, c (snapshot: ...")."""
    m = re.match(r"# Generated by opdb/importers/\S+ from (.*?) \(snapshot:", first_line)
    return bool(m) and derived.path in [p.strip() for p in m.group(1).split(",")]
