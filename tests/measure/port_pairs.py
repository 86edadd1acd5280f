#!/usr/bin/env python3
"""Compares opscope's answers on an upstream project with what a public hand-made port changed.

Fetches nothing: give it the upstream tree, the port tree, the file pairs and opscope's JSON
report of the upstream tree (`opscope scan UPSTREAM --target ascend --format json -o R.json`).

    port_pairs.py UPSTREAM PORT REPORT.json up/a.py=port/a.py [up/b.py=port/b.py ...]

Lines are compared ignoring whitespace, blank lines and comments. An upstream line the port
replaced or deleted is "changed"; a port insertion counts against the upstream line before it.
Each changed line gets a reason from the upstream and port text (device, import, amp, dtype,
operator, or other: argument parsing, logging, ...), and only the first five are scored.
Flags are opscope's answers on the line's statement (all lines of a call continued in brackets):
a finding whose platform status is missing, unknown or partial, a hazard finding with an answer,
or a suggestion there (the line after the statement counts, for insertions after it). Prints the three shares of issue 17 and the per-reason counts.

--classes FILE gives a hand classification of changed lines (tests/measure/pairs/*.txt), one per
line: `path:line | class | upstream text | why`. It replaces the regex reason of that line; the
upstream text (whitespace ignored, a prefix is enough) is checked against the tree, and an entry
for a line the port did not change is an error, so a stale table cannot pass silently. A class
`other:KIND` (the port's own launcher, features, hyper-parameters, refactors, an SDK era that
needed what today's SDK does not) takes the line out of the score; every such line is printed with
its reason, and the exclusions are counted per kind.

Suggestion matching. The edit suggestions on one upstream line are applied together; each of them
matches when the line they produce is a line of the port (whitespace ignored), or when the port's
line for it makes the same token changes, as whole tokens (and possibly more). An inserted
statement matches when the port has it anywhere (whitespace ignored). Two edits are also counted, each printed under its own name:
- equivalent device move: ours is `.npu()` (any arguments dropped or `non_blocking=`), the port's
  line is ours with `.npu(...)` written `.to(D)` or `.to(D, non_blocking=...)`, and the port binds D to
  an 'npu' device (`D = torch.device('npu...')`, `D = 'npu:{}'.format(...)`, an f-string): the same
  tensor on the same device;
- excluded: an inserted `import torch_npu` when the port tree never imports torch_npu (it was made
  for Ascend's PyTorch 1.5 fork, where torch.npu is built in): neither right nor wrong for it.
"""
import difflib
import json
import os
import re
import sys
import tokenize
from collections import Counter, defaultdict

PLATFORM = "ascend"  # --platform P: another platform's answers and suggestions
SCORED = ("amp", "device", "dtype", "import", "operator")
REASONS = [
    ("amp", re.compile(r"\bamp\b|autocast|GradScaler|scale_loss|loss_scale")),
    ("device", re.compile(r"\b(cuda|npu|nccl|hccl|device|set_device|gpu)\b|\.to\(")),
    ("dtype", re.compile(r"\.half\(|\.float\(|\.double\(|\.int\(|\.long\(|dtype|float16|float64|int32|int64|bfloat16")),
    ("import", re.compile(r"^\s*(import|from)\s+(torch|torch_npu|apex|mmcv|npu)")),
    ("operator", re.compile(r"\btorch\b|\bF\b|\bcpu\b|optim|Loss\b|nms|roi|\bnonzero\b|\bitem\b")),
]


def code_lines(path):
    """(line number, normalised text) of the lines that are code."""
    out = []
    for n, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
        t = line.strip()
        if t and not t.startswith("#"):
            out.append((n, re.sub(r"\s+", "", t)))
    return out


def tokens(text):
    text = re.sub(r"""(['"])[^'"]*/[^'"]*\1""", "PATH", text)  # file paths name no device
    return re.findall(r"[A-Za-z_][A-Za-z0-9_]*|\S", text)


def reason_of(up_text, port_texts):
    """The reason of a change: from the tokens the port changed when a port line corresponds to
    the upstream line (difflib ratio >= 0.5), else from the upstream line (a deletion) or the
    inserted lines."""
    best = max(port_texts, key=lambda t: difflib.SequenceMatcher(a=up_text, b=t).ratio(), default=None)
    if up_text and best is not None and difflib.SequenceMatcher(a=up_text, b=best).ratio() >= 0.5:
        a, b = tokens(up_text), tokens(best)
        diff = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if tag != "equal":
                diff += a[i1:i2] + b[j1:j2]
        texts = [" ".join(diff), "".join(diff)]  # "".join: `.to('cpu')` as written
    else:
        texts = [up_text] + list(port_texts) if up_text else list(port_texts)
    for name, rx in REASONS:
        if any(rx.search(t) for t in texts if t):
            return name
    return "other"


def token_changes(a, b):
    ta, tb = tokens(a), tokens(b)
    out = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ta, b=tb, autojunk=False).get_opcodes():
        if tag != "equal":
            out.add((" ".join(ta[i1:i2]), " ".join(tb[j1:j2])))
    return out


def edit_within(old, new, change):
    """True when the port changed `old` into a line that makes the token change `old` -> `new`."""
    if not change:
        return False
    best = max(change[1], key=lambda t: difflib.SequenceMatcher(a=old, b=t).ratio(), default=None)
    if best is None or difflib.SequenceMatcher(a=old, b=best).ratio() < 0.5:
        return False
    ours, theirs = token_changes(old, new), token_changes(old, best)
    # whole tokens: ours `cuda` -> `npu` is inside theirs `cuda ( async` -> `to ( device`, never
    # a part of a name (`npu` is not in `npu_format_cast`)
    return all(any(f" {o[0]} " in f" {t[0]} " and f" {o[1]} " in f" {t[1]} " for t in theirs) for o in ours)


def changed_lines(up_path, port_path):
    """{upstream line: (reason, port texts)}."""
    up, port = code_lines(up_path), code_lines(port_path)
    raw_up = {n: l.strip() for n, l in enumerate(open(up_path, encoding="utf-8", errors="replace"), 1)}
    raw_port = [l.strip() for l in open(port_path, encoding="utf-8", errors="replace")]
    sm = difflib.SequenceMatcher(a=[t for _, t in up], b=[t for _, t in port], autojunk=False)
    out = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        new = [raw_port[port[j][0] - 1] for j in range(j1, j2)]
        if tag in ("replace", "delete"):
            for i in range(i1, i2):
                n = up[i][0]
                out[n] = (reason_of(raw_up[n], new), new)
        else:  # insert: against the line before
            n = up[i1 - 1][0] if i1 > 0 else up[0][0]
            if n not in out:
                out[n] = (reason_of("", new), new)
    return out


def logical_lines(path):
    """{physical line: (first, last) line of its logical line}: a statement continued inside
    brackets is one line, so a flag on a call covers the argument lines the port edited."""
    out = {}
    start = None
    with open(path, "rb") as f:
        try:
            for tok in tokenize.tokenize(f.readline):
                if tok.type in (tokenize.ENCODING, tokenize.COMMENT, tokenize.NL) and start is None:
                    continue
                if start is None:
                    start = tok.start[0]
                if tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                    for n in range(start, tok.end[0] + 1):
                        out[n] = (start, tok.end[0])
                    start = None
        except (tokenize.TokenError, IndentationError):
            pass
    return out


def load_classes(path):
    """{(file, line): (class, text, why)} from a classification file."""
    out = {}
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        raw = raw.rstrip("\n")
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split(" | ")]
        if len(parts) != 4 or ":" not in parts[0]:
            sys.exit(f"{path}:{n}: error: expected `path:line | class | upstream text | why`")
        file, line = parts[0].rsplit(":", 1)
        cls = parts[1]
        if cls not in SCORED and not cls.startswith("other:"):
            sys.exit(f"{path}:{n}: error: class {cls!r} is none of {', '.join(SCORED)} or other:KIND")
        out[(file, int(line))] = (cls, parts[2], parts[3], n)
    return out


NPU_DEVICE_BINDING = re.compile(
    r"^\s*(\w+)\s*=\s*(?:torch\.device\(\s*)?(?:f?['\"]npu[:'\"{]|['\"]npu:\{\}['\"]\.format)", re.M)


def device_move_equivalent(new, port_lines, port_source):
    """True when `new` (our edited line) moving a value with `.npu(...)` is the port's line
    with `.to(D)`/`.to(D, non_blocking=...)` there, D bound to an 'npu' device in the port."""
    names = set(NPU_DEVICE_BINDING.findall(port_source))
    if ".npu(" not in new or not names:
        return False
    norm = re.sub(r"\s+", "", new)
    for name in names:
        for to in (f".to({name})", f".to({name},non_blocking=True)"):
            cand = re.sub(r"\.npu\((?:non_blocking=True)?\)", to, norm)
            if cand in port_lines:
                return True
            # the port also assigns the result back (`model.npu()` -> `model = model.to(D)`)
            m = re.match(r"^([\w.]+)\.to\(", cand)
            if m and f"{m.group(1)}={cand}" in port_lines:
                return True
    return False


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    global PLATFORM
    if "--platform" in argv:
        i = argv.index("--platform")
        PLATFORM = argv[i + 1]
        del argv[i:i + 2]
    classes = {}
    if "--classes" in argv:
        i = argv.index("--classes")
        classes = load_classes(argv[i + 1])
        del argv[i:i + 2]
    used_classes = set()
    excluded = Counter()
    up_root, port_root, report = argv[1], argv[2], json.load(open(argv[3]))
    pairs = [a.split("=", 1) for a in argv[4:]]
    findings, suggestions = defaultdict(list), defaultdict(list)
    for f in report["findings"]:
        findings[(f["file"], f["line"])].append(f)
    for s in report["suggestions"]:
        if s["platform"] == PLATFORM:
            suggestions[(s["file"], s["line"])].append(s)

    # A hazard's status for the platform, from its advice ("partial: ... (rule ID)"), until the
    # scan reports the rules' answers on the hazard findings themselves.
    hazard_status = {}
    for s in report["suggestions"]:
        m = re.match(r"(native|mapped|partial|emulated|missing|unknown): .*\(rule ([\w-]+)\)$", s["reason"])
        if s["platform"] == PLATFORM and m:
            hazard_status[m.group(2)] = m.group(1)

    def status_of(f):
        if f["kind"] == "hazard":
            return f.get("coverage", {}).get(PLATFORM, {}).get("status") or hazard_status.get(f["symbol"])
        return f.get("coverage", {}).get(PLATFORM, {}).get("status")

    def flagged(key):
        for f in findings.get(key, []):
            st = status_of(f)
            if st in ("missing", "unknown", "partial") or (f["kind"] == "hazard" and st):
                return True
        return bool(suggestions.get(key))

    by_reason, flagged_by_reason = Counter(), Counter()
    non_native = non_native_untouched = 0
    edits = edits_matching = edits_equivalent = edits_excluded = advice = advice_on_changed = 0
    port_imports_torch_npu = False
    for dirpath, _, files in os.walk(port_root):
        for name in files:
            if name.endswith(".py") and "torch_npu" in open(os.path.join(dirpath, name), encoding="utf-8",
                                                           errors="replace").read():
                port_imports_torch_npu = True
    for up_rel, port_rel in pairs:
        changed = changed_lines(f"{up_root}/{up_rel}", f"{port_root}/{port_rel}")
        port_source = open(f"{port_root}/{port_rel}", encoding="utf-8").read()
        port_text = {re.sub(r"\s+", "", l) for l in port_source.split("\n")}
        up_lines = open(f"{up_root}/{up_rel}", encoding="utf-8").read().split("\n")
        spans = logical_lines(f"{up_root}/{up_rel}")
        for n in list(changed):
            entry = classes.get((up_rel, n))
            if entry is None:
                continue
            cls, text, why, _ = entry
            if not re.sub(r"\s+", "", up_lines[n - 1]).startswith(re.sub(r"\s+", "", text)):
                sys.exit(f"classes: {up_rel}:{n} is {up_lines[n - 1].strip()!r}, not {text!r}")
            used_classes.add((up_rel, n))
            changed[n] = (cls, changed[n][1])
            if cls.startswith("other:"):
                excluded[cls] += 1
                if verbose:
                    print(f"  excl {cls:22} {up_rel}:{n}: {up_lines[n - 1].strip()[:60]}  -- {why}")
        for n, (reason, _) in changed.items():
            if reason.startswith("other:"):
                continue
            if reason == "other":
                if verbose:
                    print(f"  skip other    {up_rel}:{n}: {up_lines[n - 1].strip()[:90]}")
                continue
            by_reason[reason] += 1
            first, last = spans.get(n, (n, n))
            hit = any(flagged((up_rel, k)) for k in range(first, last + 1)) or flagged((up_rel, last + 1))
            flagged_by_reason[reason] += hit
            if verbose:
                print(f"  {'FLAG' if hit else 'miss'} {reason:8} {up_rel}:{n}: {up_lines[n - 1].strip()[:90]}")
        for (file, line), fs in findings.items():
            if file != up_rel:
                continue
            for f in fs:
                st = status_of(f)
                if st and st != "native":
                    non_native += 1
                    non_native_untouched += line not in changed
                    if verbose and line not in changed:
                        print(f"  untouched {up_rel}:{line}: {f['symbol']} {st or ''}")
        for (file, line), ss in suggestions.items():
            if file != up_rel:
                continue
            for s in ss:
                if s["length"] == 0 and not s["replacement"]:  # advice, no edit
                    advice += 1
                    advice_on_changed += line in changed
                    continue
                how = ""
                if "\n" in s["replacement"]:  # an inserted statement: is it in the port?
                    ok = re.sub(r"\s+", "", s["replacement"]) in port_text
                    if not ok and s["replacement"].strip() == "import torch_npu" and not port_imports_torch_npu:
                        edits_excluded += 1
                        if verbose:
                            print(f"  edit excluded {up_rel}:{line}: 'import torch_npu' (the port tree never imports "
                                  "torch_npu: made for Ascend's PyTorch 1.5 fork)")
                        continue
                else:  # the port's line makes this edit (and maybe more on the same line)
                    # every edit on the line applied together (`.cuda(async=` gets two): the line
                    # they produce is what a user of the suggestions gets
                    text = up_lines[line - 1]
                    new = text
                    for o in sorted((o for o in ss if "\n" not in o["replacement"] and (o["length"] or o["replacement"])),
                                    key=lambda o: -o["column"]):
                        col = o["column"] - 1
                        new = new[:col] + o["replacement"] + new[col + o["length"]:]
                    ok = re.sub(r"\s+", "", new) in port_text or edit_within(text, new, changed.get(line))
                    if not ok and device_move_equivalent(new, port_text, port_source):
                        ok, how = True, " (equivalent device move)"
                        edits_equivalent += 1
                edits += 1
                edits_matching += ok
                if verbose:
                    print(f"  edit {'match' if ok else 'differ'}{how} {up_rel}:{line}: {s['replacement'].strip()!r}")
    stale = [k for k in classes if k not in used_classes]
    for k in stale:
        print(f"classes: {k[0]}:{k[1]} (entry at line {classes[k][3]}) is not a changed line", file=sys.stderr)
    if stale:
        sys.exit(1)
    total = sum(by_reason.values())
    flagged_total = sum(flagged_by_reason.values())
    print("changed lines by reason (flagged/total):",
          ", ".join(f"{r} {flagged_by_reason[r]}/{by_reason[r]}" for r, _ in REASONS))
    print(f"flagged: {flagged_total}/{total} = {100 * flagged_total / max(total, 1):.1f}%")
    print(f"non-native answers on untouched lines: {non_native_untouched}/{non_native} = "
          f"{100 * non_native_untouched / max(non_native, 1):.1f}%")
    if classes:
        print(f"classified by hand: {len(used_classes)} lines; excluded from the score: {sum(excluded.values())} ("
              + ", ".join(f"{k} {v}" for k, v in sorted(excluded.items())) + ")")
    print(f"edit suggestions matching the port's edit: {edits_matching}/{edits} = "
          f"{100 * edits_matching / max(edits, 1):.1f}% ({edits_equivalent} of them equivalent device moves; "
          f"exact: {edits_matching - edits_equivalent}/{edits} = "
          f"{100 * (edits_matching - edits_equivalent) / max(edits, 1):.1f}%; {edits_excluded} excluded); "
          f"advice on changed lines: {advice_on_changed}/{advice}")


if __name__ == "__main__":
    main(sys.argv)
