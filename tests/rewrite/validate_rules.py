#!/usr/bin/env python3
"""Checks every built-in rules file (rules/**/*.yaml) against rules/schema/opscope-rules-v1.schema.json,
and that the schema rejects a broken file, so the schema cannot silently accept anything."""
import json
import pathlib
import sys

import datetime

import jsonschema
import yaml

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "rules/schema/opscope-rules-v1.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)



def plain(node):
    # YAML reads an unquoted YYYY-MM-DD as a date; the loaders read it as text.
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node.isoformat() if isinstance(node, datetime.date) else node


failed = 0
files = sorted((root / "rules").glob("*/*.yaml"))
for f in files:
    for e in validator.iter_errors(plain(yaml.safe_load(f.read_text()))):
        print(f"{f.relative_to(root)}: {'/'.join(map(str, e.path))}: {e.message}")
        failed += 1
broken = {"opscope-rules": 1, "kind": "rewrites", "platform": "dcu", "calls": [{"id": "x", "symbol": "a b", "template": "f"}]}
if not list(validator.iter_errors(broken)):
    print("the schema accepts a broken rewrites file")
    failed += 1
print(f"{len(files)} rules files checked, {failed} problem(s)")
sys.exit(1 if failed or len(files) < 9 else 0)
