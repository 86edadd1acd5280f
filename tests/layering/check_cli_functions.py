#!/usr/bin/env python3
"""Checks that the command line stays thin: no function in analyzer/cli is longer than LIMIT
lines (scan orchestration belongs in analyzer/scan). A function is a brace block opened at
namespace level (outside any other braces but namespaces); its length counts from the line of its
opening brace to its closing one. Prints each offender as FILE:LINE and exits 1 if there is one."""
import pathlib
import re
import sys

LIMIT = 80
ROOT = pathlib.Path(__file__).resolve().parents[2]


def strip(text):
    """Blanks out comments, strings and character literals, keeping line breaks."""
    out = re.sub(r'R"([^(]*)\((?:.|\n)*?\)\1"', lambda m: "\n" * m.group(0).count("\n"), text)
    out = re.sub(r'//[^\n]*|/\*(?:.|\n)*?\*/', lambda m: "\n" * m.group(0).count("\n"), out)
    out = re.sub(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', '""', out)
    return out


def functions(text):
    stack = []  # (kind, line)
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            head = text[max(0, text.rfind("\n", 0, max(0, i - 200))):i]
            kind = "namespace" if re.search(r'\bnamespace\b[^;{}]*$', head) or re.search(r'extern\s+"C"\s*$', head) else "block"
            if kind == "block" and all(k == "namespace" for k, _ in stack):
                stack.append(("function", line))
            else:
                stack.append((kind, line))
        elif c == "}" and stack:
            kind, start = stack.pop()
            if kind == "function":
                yield start, line


violations = []
for path in sorted((ROOT / "analyzer" / "cli").glob("*.cpp")):
    for start, end in functions(strip(path.read_text(errors="replace"))):
        if end - start + 1 > LIMIT:
            violations.append("%s:%d: a block of %d lines (limit %d)" % (path.relative_to(ROOT), start, end - start + 1, LIMIT))
for v in violations:
    print(v)
sys.exit(1 if violations else 0)
