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
"""
import difflib
import json
import re
import sys
import tokenize
from collections import Counter, defaultdict

PLATFORM = "ascend"
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
    return all(any(o[0] in t[0] and o[1] in t[1] for t in theirs) for o in ours)


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


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
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
    edits = edits_matching = advice = advice_on_changed = 0
    for up_rel, port_rel in pairs:
        changed = changed_lines(f"{up_root}/{up_rel}", f"{port_root}/{port_rel}")
        port_text = {re.sub(r"\s+", "", l) for l in open(f"{port_root}/{port_rel}", encoding="utf-8")}
        up_lines = open(f"{up_root}/{up_rel}", encoding="utf-8").read().split("\n")
        spans = logical_lines(f"{up_root}/{up_rel}")
        for n, (reason, _) in changed.items():
            if reason == "other":
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
                if s["length"] == 0 and not s["replacement"]:
                    advice += 1
                    advice_on_changed += line in changed
                    continue
                edits += 1
                if "\n" in s["replacement"]:  # an inserted statement: is it in the port?
                    ok = re.sub(r"\s+", "", s["replacement"]) in port_text or line - 1 in changed
                else:  # the port's line makes this edit (and maybe more on the same line)
                    text = up_lines[line - 1]
                    col = s["column"] - 1
                    new = text[:col] + s["replacement"] + text[col + s["length"]:]
                    ok = re.sub(r"\s+", "", new) in port_text or edit_within(text, new, changed.get(line))
                edits_matching += ok
                if verbose:
                    print(f"  edit {'match' if ok else 'differ'} {up_rel}:{line}: {s['replacement'].strip()!r}")
    total = sum(by_reason.values())
    flagged_total = sum(flagged_by_reason.values())
    print("changed lines by reason (flagged/total):",
          ", ".join(f"{r} {flagged_by_reason[r]}/{by_reason[r]}" for r, _ in REASONS))
    print(f"flagged: {flagged_total}/{total} = {100 * flagged_total / max(total, 1):.1f}%")
    print(f"non-native answers on untouched lines: {non_native_untouched}/{non_native} = "
          f"{100 * non_native_untouched / max(non_native, 1):.1f}%")
    print(f"edit suggestions matching the port's edit: {edits_matching}/{edits} = "
          f"{100 * edits_matching / max(edits, 1):.1f}%; advice on changed lines: "
          f"{advice_on_changed}/{advice}")


if __name__ == "__main__":
    main(sys.argv)
