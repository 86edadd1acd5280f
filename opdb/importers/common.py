"""Shared helpers of the opdb importers: reading the upstream snapshot, provenance records taken
from its SOURCES.md files, and a small deterministic YAML writer.

Standard library only (python3-yaml is used by regenerate.py to verify what is written here).
"""

import csv
import re
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Reading the snapshot


class UpstreamError(Exception):
    """An upstream file does not look the way an importer expects."""


def read_tsv(path):
    """Rows of a TSV file (UTF-8, one header row, no quoting) as dicts."""
    path = Path(path)
    if not path.is_file():
        raise UpstreamError(f"missing upstream file {path}")
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_text(path):
    path = Path(path)
    if not path.is_file():
        raise UpstreamError(f"missing upstream file {path}")
    return path.read_text(encoding="utf-8")


def require(cond, message):
    if not cond:
        raise UpstreamError(message)


_HASH = re.compile(r"\b([0-9a-f]{40})\b")
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})")
_REPO = re.compile(r"(?:github\.com/)?([A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*)")


def _cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def provenance_table(sources_md):
    """The 'provenance key' table of a SOURCES.md: {key: {column: cell}}.

    The table is the first markdown table whose header starts with `key` or `id` and has a
    `commit` column (cambricon/, enflame/ and ascend/ use it)."""
    text = read_text(sources_md)
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("|"):
            continue
        head = [c.lower() for c in _cells(line)]
        if head and head[0] in ("key", "id") and "commit" in " ".join(head):
            table = {}
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                cells = _cells(row)
                if len(cells) != len(head):
                    continue
                table[cells[0]] = dict(zip(head, cells))
            return table
    raise UpstreamError(f"{sources_md}: no provenance table found")


def repo_record(sources_md, key, record_id, title, path):
    """A source record (repository + commit form) for row `key` of a SOURCES.md provenance
    table."""
    row = provenance_table(sources_md).get(key)
    require(row is not None, f"{sources_md}: no provenance row '{key}'")
    commit_cell = next((v for k, v in row.items() if k.startswith("commit")), "")
    commit = _HASH.search(commit_cell)
    require(commit, f"{sources_md}: row '{key}' has no full commit hash")
    date_cell = next((v for k, v in row.items() if k.endswith("date")), "")
    date = _DATE.search(date_cell)
    require(date, f"{sources_md}: row '{key}' has no date")
    repo_cell = row.get("repository", "")
    repo = _REPO.search(repo_cell)
    require(repo, f"{sources_md}: row '{key}' has no repository")
    license_ = row.get("license", "").replace("`", "").strip()
    require(license_, f"{sources_md}: row '{key}' has no license")
    return {
        "id": record_id,
        "title": title,
        "repository": "https://github.com/" + repo.group(1),
        "commit": commit.group(1),
        "path": path,
        "date": date.group(1),
        "license": license_,
    }


def short(commit):
    return commit[:8]


def record(sources_md, key, id_prefix, title, path):
    """repo_record for row `key`, with the id `<id_prefix>-<short commit>`."""
    rec = repo_record(sources_md, key, "", title, path)
    rec["id"] = f"{id_prefix}-{short(rec['commit'])}"
    return rec


# ---------------------------------------------------------------------------------------------
# YAML writing
#
# Every value is a string (or the integer 1 of `opdb: 1`). A string is written plain only when it
# cannot be read as anything else by a YAML 1.1 or 1.2 parser (PyYAML, LLVM's YAML parser);
# otherwise it is double-quoted with escapes valid in both.

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_./+-]*\Z")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "y", "n", "null"}


def scalar(value):
    if isinstance(value, bool):
        raise TypeError("booleans are not used in the opdb")
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"cannot write {value!r}")
    if _PLAIN.match(value) and value.lower() not in _RESERVED:
        return value
    out = ['"']
    for ch in value:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F or o in (0x85, 0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def flow(mapping):
    """One mapping on one line: {k: v, ...}. Keys are plain identifiers."""
    parts = []
    for k, v in mapping.items():
        require(re.fullmatch(r"[a-z_]+|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+", k) is not None,
                f"bad key {k!r}")
        if isinstance(v, dict):
            parts.append(f"{k}: {flow(v)}")
        elif isinstance(v, list):
            parts.append(f"{k}: [" + ", ".join(scalar(x) for x in v) + "]")
        else:
            parts.append(f"{k}: {scalar(v)}")
    return "{" + ", ".join(parts) + "}"


def block_item(mapping, indent="  "):
    """One list item as a block mapping (used for the few, long source records)."""
    lines = []
    first = True
    for k, v in mapping.items():
        prefix = indent + ("- " if first else "  ")
        lines.append(f"{prefix}{k}: {scalar(v)}")
        first = False
    return lines


def render(header, doc, block_lists=("sources",)):
    """The text of one opdb file: comment header, then the top-level keys in insertion order.
    Lists named in `block_lists` are written one block mapping per item, other lists one flow
    mapping per line."""
    out = [f"# {line}" if line else "#" for line in header]
    for key, value in doc.items():
        if isinstance(value, list):
            require(value, f"empty list for {key}")
            out.append(f"{key}:")
            for item in value:
                if key in block_lists:
                    out.extend(block_item(item))
                else:
                    out.append("  - " + flow(item))
        else:
            out.append(f"{key}: {scalar(value)}")
    return "\n".join(out) + "\n"


def generated_header(script, upstream_files, snapshot):
    """The comment lines every generated file starts with."""
    return [
        f"Generated by opdb/importers/{script} from {', '.join(upstream_files)} "
        f"(snapshot: {snapshot}). Do not edit.",
        "Regenerate with: python3 opdb/importers/regenerate.py (see opdb/importers/README.md).",
    ]


def coverage_doc(platform, sources, entries):
    """A `kind: coverage` document with only the sources its entries cite, in first-use order."""
    used = []
    for e in entries:
        if e["source"] not in used:
            used.append(e["source"])
    by_id = {s["id"]: s for s in sources}
    for sid in used:
        require(sid in by_id, f"entry cites unknown source {sid}")
    return {
        "opdb": 1,
        "kind": "coverage",
        "platform": platform,
        "sources": [by_id[s] for s in sorted(used)],
        "entries": entries,
    }


def entry(symbol, status, source, confidence, target=None, note=None):
    """One coverage entry with the keys in a fixed order."""
    e = {"symbol": symbol, "status": status}
    if target:
        e["target"] = target
    e["source"] = source
    e["confidence"] = confidence
    if note:
        e["note"] = note
    return e


def _sentence(text):
    """Capitalise a sentence that starts with a plain lower-case word (never an identifier)."""
    word = re.match(r"[a-z]+\b(?![(_])", text)
    return text[0].upper() + text[1:] if word else text


def join_note(parts):
    """Sentences joined with '. '. The first one is kept verbatim (the fixed wording of each
    importer); the others are capitalised when they start with a plain word."""
    parts = [p.strip().rstrip(".") for p in parts if p and p.strip()]
    if not parts:
        return None
    return ". ".join([parts[0]] + [_sentence(p) for p in parts[1:]]) + "."
