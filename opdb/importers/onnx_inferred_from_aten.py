"""Inferred ONNX coverage for platforms with no public ONNX operator list (Cambricon, Enflame),
for models exported by PyTorch.

Neither MagicMind (Cambricon) nor TopsInference (Enflame) publishes the ONNX operators its
parser takes. What is public is each platform's PyTorch build coverage of aten operators
(cambricon/aten.yaml, enflame/aten.yaml) and, from torch.onnx itself, which ONNX operators each
aten operator is exported as (pytorch/onnx_symbolic_aten_ops.tsv, PyTorch 1.13.1). A node of a
PyTorch-exported model came from one of the aten operators that export to its op type; whether
the platform's PyTorch build runs those says whether the model's PyTorch source would run there.

For each ai.onnx operator some aten operator exports to: `native` when every such aten operator
the platform's aten file answers is covered there (the note names those it has no data for), `partial` when some are and some are not (the
note names both), `missing` when none are; no entry when the aten file answers none of them.
Confidence `inferred`, category `onnx-inferred-aten`: the CLI uses these entries only for models
whose producer is PyTorch, and says the platform has no public ONNX list.
"""

from common import coverage_doc, entry, generated_header, join_note, read_text, read_tsv, require

SCRIPT = "onnx_inferred_from_aten.py"
CATEGORY = "onnx-inferred-aten"
COVERED = {"native", "mapped", "partial", "emulated"}
PLATFORMS = {"cambricon": "torch_mlu (Cambricon's PyTorch build)",
             "enflame": "torch_gcu (Enflame's PyTorch build)"}
MAX_NAMED = 6


def torch_record(up):
    md = read_text(up / "pytorch" / "SOURCES.md")
    require("onnx_symbolic_aten_ops.tsv" in md, "pytorch/SOURCES.md: no onnx_symbolic_aten_ops.tsv section")
    return {
        "id": "torch-onnx-symbolics-1.13.1",
        "title": "torch.onnx symbolic registrations, PyTorch 1.13.1 (Debian python3-torch 1.13.1+dfsg-4; "
                 "shared/upstream/pytorch/onnx_symbolic_aten_ops.tsv)",
        "url": "https://sources.debian.org/src/pytorch/1.13.1+dfsg-4/torch/onnx/",
        "date": "2023-03-14",
        "license": "BSD-3-Clause",
    }


def exporters(up):
    """{onnx op: sorted aten ops (no overload) that export to it}."""
    out = {}
    for r in read_tsv(up / "pytorch" / "onnx_symbolic_aten_ops.tsv"):
        for op in filter(None, r["onnx_ops"].split(",")):
            out.setdefault(op, set()).add(r["aten_op"])
    require(out, "onnx_symbolic_aten_ops.tsv: no rows")
    return {k: sorted(v) for k, v in out.items()}


def aten_status(doc):
    """{aten op without overload: 'covered' or 'missing'} from a platform's aten coverage doc:
    covered when any overload is covered."""
    out = {}
    for e in doc["entries"]:
        name = e["symbol"].split(".")[0]
        if e["status"] in COVERED:
            out[name] = "covered"
        elif e["status"] == "missing":
            out.setdefault(name, "missing")
    return out


def named(ops):
    return ", ".join(ops[:MAX_NAMED]) + (f" and {len(ops) - MAX_NAMED} more" if len(ops) > MAX_NAMED else "")


def outputs(universe, generated):
    """`generated`: the documents already produced ({rel: (header, doc)}), for the aten files."""
    up = universe.upstream
    rec = torch_record(up)
    by_onnx = exporters(up)
    files = {}
    for platform, build in PLATFORMS.items():
        require(f"{platform}/aten.yaml" in generated, f"{platform}/aten.yaml not generated before {SCRIPT}")
        status = aten_status(generated[f"{platform}/aten.yaml"][1])
        entries = []
        for op, atens in sorted(by_onnx.items()):
            if ("ai.onnx", op) not in universe.onnx.ops:
                continue
            covered = [a for a in atens if status.get(a) == "covered"]
            missing = [a for a in atens if status.get(a) == "missing"]
            if not covered and not missing:
                continue
            st = "native" if covered and not missing else "partial" if covered else "missing"
            parts = [f"inferred for PyTorch-exported models: torch.onnx exports {op} for {named(atens)}"]
            if covered:
                parts.append(f"{build} covers {named(covered)}")
            if missing:
                parts.append(f"{build} does not cover {named(missing)}")
            unanswered = [a for a in atens if a not in status]
            if unanswered:
                parts.append(f"no coverage data for {named(unanswered)}")
            parts.append("no public list of the ONNX operators the platform's own converter takes")
            e = entry(f"onnx::{op}", st, rec["id"], "inferred", note=join_note(parts))
            e = {"symbol": e["symbol"], "category": CATEGORY, **{k: v for k, v in e.items() if k != "symbol"}}
            entries.append(e)
        hdr = generated_header(SCRIPT, ["pytorch/onnx_symbolic_aten_ops.tsv", f"opdb/{platform}/aten.yaml"],
                               f"{rec['url']}, {rec['date']}")
        files[f"{platform}/onnx.yaml"] = (hdr, coverage_doc(platform, [rec], entries))
    return files
