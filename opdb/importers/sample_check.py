"""Developer check: a seeded random sample of the coverage entries that changed since a git
revision, each checked against the upstream snapshot file it cites, independently of the
importers' code (it reads the raw snapshot files itself).

  python3 opdb/importers/sample_check.py --since REV [--per-platform 40] [--seed 15]

For every sampled entry it checks what can be checked mechanically: the target is declared or
used in the upstream file the note or source names (ACL/HCCL declaration inventories, aclnn API
list, cnrt.h names, CNNL/CNCL usage lists, TOPS headers, TopsATen/ECCL usage lists, the DIPU/
InfiniCore/UHHI pair tables), the header named in the note is the header that declares it, and a
"pairs it with" note has that pair row. It prints one line per entry (OK or the mismatch) and
exits 1 if any entry fails.
"""

import argparse
import csv
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLATFORMS = ("ascend", "cambricon", "enflame")


def tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def names_in_text(path, column=0):
    out = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) > column:
            out.add(cols[column].strip())
    return out


class Upstream:
    def __init__(self, up):
        self.acl = {}
        for f in ("ascend/cann-api/acl_runtime_api.tsv", "ascend/cann-api/hccl_api.tsv"):
            for r in tsv(up / f):
                self.acl.setdefault(r["name"], set()).add(r["header"])
        self.aclnn = {}  # an operator several repositories declare has a row in each
        for r in tsv(up / "ascend/cann-ops/aclnn_api.tsv"):
            self.aclnn.setdefault(r["op_name"], []).append(r)
        self.cnrt = names_in_text(up / "cambricon/cnrt_api_names.txt", 1)
        self.cnnl = names_in_text(up / "cambricon/cnnl_api_names.txt")
        self.camb = {r["name"] for r in tsv(up / "cambricon/cambricon_api_names.tsv")}
        self.camb_pairs = {(r["cuda_api"], r["vendor_api"]) for r in
                           tsv(up / "cambricon/cuda_to_cnrt_pairs.tsv")}
        self.tops = {r["function"]: r["header"] for r in
                     tsv(up / "enflame/tops_runtime_api_functions.tsv")}
        self.tops_names = {r["name"] for r in tsv(up / "enflame/tops_runtime_names.tsv")}
        self.topsaten = names_in_text(up / "enflame/topsaten_names.txt")
        self.tops_other = {r["name"] for r in tsv(up / "enflame/enflame_other_api_names.tsv")}
        self.eccl = names_in_text(up / "enflame/eccl_api_names.txt")
        # Header files each platform's snapshot names (for kind: header answers): declaring
        # headers of the inventories, aclnn op headers, and the header names the Cambricon name
        # lists state in their first lines.
        acl_headers = {h for hs in self.acl.values() for h in hs}
        self.headers = {
            "ascend": acl_headers | {r["header_path"] for rs in self.aclnn.values() for r in rs},
            "cambricon": {h for f in ("cambricon/cnrt_api_names.txt", "cambricon/cnnl_api_names.txt")
                          for h in re.findall(r"\b(\w+\.h)\b", (up / f).read_text("utf-8")[:600])},
            "enflame": {"include/tops/" + h for h in self.tops.values()},
        }
        self.tops_pairs = {(r["cuda_api"], r["vendor_api"]) for r in
                           tsv(up / "enflame/cuda_to_tops_pairs.tsv")}
        # torch_gcu: transfer_to_gcu's lists, the user guide's interface table, the README, the
        # registrations, and PyTorch's own operator table (composite kernels, structured delegates).
        self.transfer = json.loads((up / "enflame/transfer_to_gcu_facts.json").read_text("utf-8"))
        self.gcu_guide = (up / "enflame/torch_gcu/manuals/user_guide/content/source/"
                          "torch_gcu_python_suppport.rst").read_text("utf-8")
        self.gcu_readme = (up / "enflame/torch_gcu/README.md").read_text("utf-8")
        self.gcu_registered = {"aten::" + r["op"] for r in tsv(up / "enflame/gcu_native_functions.tsv")
                               if r["namespace"] == "aten" and r["registered"] == "yes"}
        self.composite = {"aten::" + r["op"] for r in tsv(up / "pytorch/native_functions_ops.tsv")
                          if r["implicit_composite"] == "True" or "Composite" in r["dispatch_keys"]}
        self.delegate = {"aten::" + r["op"]: "aten::" + r["structured_delegate"]
                         for r in tsv(up / "pytorch/native_functions_ops.tsv") if r["structured_delegate"]}

    def check_gcu_torch(self, e):
        """torch_gcu-derived torch API answers (enflame_torch_inferred.py), or None when the entry
        is not one of them."""
        sym, note, src = e["symbol"], e.get("note", ""), e["source"]
        if src.startswith("transfer-to-gcu") and "transfer_to_gcu rewrites its" in note:
            listed = {n for k, v in self.transfer.items() if isinstance(v, list) for n in v
                      if isinstance(n, str)}
            wrapped = {w.get("target") for w in self.transfer["wrapped_or_patched_callables"]}
            ok = sym in listed | wrapped or sym + ".__init__" in listed
            return "" if ok else f"{sym} not in transfer_to_gcu's lists"
        if src.startswith("torch-gcu-readme") and e.get("target", "").startswith("torch.gcu."):
            return "" if re.search(rf"- {re.escape(e['target'])}\s*\n\s*- {re.escape(sym)}\s*\n",
                                   self.gcu_guide) else "pair not in the interface table"
        if src.startswith("torch-gcu-readme") and sym in ("torch.compile", "compile_backend:inductor"):
            return "" if "Inductor" in self.gcu_readme else "README names no Inductor backend"
        if src.startswith("torch-gcu-codegen") and e["confidence"] == "inferred" and \
                sym.startswith("torch."):
            for op, status in re.findall(r"(aten::[\w.]+) (native|emulated|partial)", note):
                if status == "native" and op not in self.gcu_registered and \
                        self.delegate.get(op) not in self.gcu_registered:
                    return f"{op} is not registered by torch_gcu (nor its structured delegate)"
                if status == "emulated" and op not in self.composite:
                    return f"{op} has no composite kernel in PyTorch's table"
            return ""
        return None

    def check(self, platform, e):
        """'' when the entry agrees with the upstream file it cites, else the mismatch."""
        target, note = e.get("target", ""), e.get("note", "")
        sym = e["symbol"]
        if e.get("kind") == "header":  # npu_headers.py: a vendor header replaces the include
            if e["status"] == "missing":
                return "" if "no public counterpart library" in note else "no reason in the note"
            if "replace the include" not in note.lower():
                return "note does not say to replace the include"
            if target and not any(h == target or h.endswith("/" + target) or
                                  h.endswith("/" + target.rsplit("/", 1)[-1]) and
                                  h.rsplit("/", 2)[-2:-1] == target.split("/")[-2:-1]
                                  for h in self.headers[platform]):
                return f"{target} is not a header the {platform} snapshot names"
            return ""
        if platform == "enflame":
            gcu = self.check_gcu_torch(e)
            if gcu is not None:
                return gcu
            if e["status"] == "missing" and "declare no host fp16" in note:
                bad = [n for n in self.tops_names if re.search(r"half|bfloat|bf16|fp16", n, re.I)
                       and not n.startswith(("TOPS_AD_FORMAT", "topsReduce"))]
                return f"TOPS names that look like a half type: {bad[:3]}" if bad else ""
        m = re.search(r"pairs it with (\S+) in", note)
        if m and e["confidence"] == "third-party":
            pairs = self.camb_pairs if platform == "cambricon" else self.tops_pairs
            if (sym, m.group(1)) not in pairs:
                return f"no pair row {sym} -> {m.group(1)}"
        if not target or " " in target:  # no target, or a kernel language ("Ascend C")
            return "" if note else "no note"
        if platform == "ascend":
            if target in self.aclnn:
                ok = any((r["header_path"] or r["doc_path"]) in note and r["repo"] in note
                         for r in self.aclnn[target])
                return "" if ok else "aclnn path/repo not in note"
            if target not in self.acl:
                return f"{target} not declared in the ACL/HCCL inventories"
            m = re.search(r"header (\S+\.h)|declared in (\S+\.h)", note)
            hdr = m and (m.group(1) or m.group(2))
            if hdr and hdr not in self.acl[target]:
                return f"{target} is declared in {sorted(self.acl[target])}, note says {hdr}"
            return ""
        if platform == "cambricon":
            if "cnrt.h 6.14.1 declares" in note and target not in self.cnrt:
                return f"{target} not among the cnrt.h names"
            if target.startswith(("cnnl", "CNNL")) and target not in self.cnnl | self.camb:
                return f"{target} not in the CNNL usage lists"
            if target.startswith(("cncl", "cnrt", "CNRT", "cnclI")) and \
                    target not in self.cnrt | self.camb | {b for _, b in self.camb_pairs}:
                return f"{target} not in cnrt.h, torch_mlu usage or the pair table"
            return ""
        if target.startswith("tops") and not target.startswith(("topsaten", "topsvllm")):
            if target not in self.tops and target not in self.tops_names and \
                    target not in self.tops_other and (sym, target) not in self.tops_pairs:
                return f"{target} not in the TOPS headers, TopsOp names or pair table"
            h = re.search(r"header (\S+\.h)", note)
            if h and self.tops.get(target) and self.tops[target] != h.group(1):
                return f"{target} is in {self.tops[target]}, note says {h.group(1)}"
            return ""
        if target.startswith(("topsaten", "topsvllm")) and target not in self.topsaten:
            return f"{target} not in topsaten_names.txt"
        if target.startswith("eccl") and target not in self.eccl:
            return f"{target} not in eccl_api_names.txt"
        return ""


def changed_entries(since, platform):
    diff = subprocess.run(["git", "-C", str(ROOT), "diff", since, "--", f"opdb/{platform}/"],
                          capture_output=True, text=True, check=True).stdout
    import yaml
    out = []
    for line in diff.splitlines():
        if line.startswith("+  - {symbol:"):
            out.append(yaml.safe_load(line[4:]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--since", required=True)
    ap.add_argument("--per-platform", type=int, default=40)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--upstream", default=str(ROOT.parent / "shared" / "upstream"))
    args = ap.parse_args()
    up = Upstream(Path(args.upstream))
    failed = 0
    for platform in PLATFORMS:
        entries = changed_entries(args.since, platform)
        sample = random.Random(args.seed).sample(entries, min(args.per_platform, len(entries)))
        bad = 0
        for e in sample:
            problem = up.check(platform, e)
            bad += bool(problem)
            print(f"{platform:9} {'FAIL ' + problem if problem else 'OK'}: {e['symbol']} -> "
                  f"{e.get('target', '')} [{e['status']}, {e['source']}]")
        print(f"{platform}: {len(sample) - bad}/{len(sample)} of {len(entries)} changed entries "
              "agree with the cited upstream file")
        failed += bad
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
