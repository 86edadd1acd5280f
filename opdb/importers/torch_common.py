"""Helpers the per-platform PyTorch importers share: aten op names, version ranges, composite
fallbacks, the migration tools' device-module renames, and entry/document assembly."""

import re

from common import coverage_doc, entry, generated_header, join_note

COMPOSITE_KEYS = ("CompositeImplicitAutograd", "CompositeExplicitAutograd",
                  "CompositeExplicitAutogradNonFunctional")


def aten(func):
    """`aten::add.Tensor` for a native_functions func name `add.Tensor`."""
    return "aten::" + func


def version_span(versions):
    """'v2.1-v2.15' for an ordered list of version labels (consecutive in the source's order),
    or a comma list when the versions are not one run of the given order."""
    return f"{versions[0]}-{versions[-1]}" if len(versions) > 1 else versions[0]


def composite_fallbacks(universe, covered, source_id, platform_words, build_pytorch):
    """Entries for the aten ops a platform does not register whose PyTorch kernel is composite:
    `emulated`, `inferred` (they decompose into other aten ops on any backend). The composite
    kernels are those of the universe's PyTorch (the only native_functions.yaml the snapshot
    holds); the note names the PyTorch version the platform's build targets (`build_pytorch`),
    where an operator added later does not exist."""
    out = []
    for sym in universe.torch.aten:
        if sym["name"] in covered:
            continue
        keys = [k for k in sym.get("dispatch", []) if k in COMPOSITE_KEYS]
        if not keys:
            continue
        out.append(entry(sym["name"], "emulated", source_id, "inferred", note=join_note([
            f"{platform_words} registers no kernel for it, but PyTorch's own kernel is composite "
            f"({keys[0]}): it runs on any device as other aten operators, so it works where "
            "those do",
            f"judged on PyTorch {universe_version(universe)}'s native_functions.yaml; "
            f"{platform_words} targets PyTorch {build_pytorch}, whose native_functions.yaml the "
            "snapshot does not hold: an operator PyTorch added after that does not exist there"])))
    return out


def universe_version(universe):
    """The PyTorch version of the aten universe ("2.14.1"), from its source id."""
    src = universe.torch.aten[0].get("source", "") if universe.torch.aten else ""
    m = re.search(r"v?(\d+\.\d+(?:\.\d+)?)", src)
    return m.group(1) if m else "?"


def trim(text, limit=300):
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


class DeviceModule:
    """A migration tool's device module: `torch.cuda.X` -> `<to>.X` (torch.npu, torch.mlu, ...)."""

    def __init__(self, frm, to):
        self.frm, self.to = frm, to

    def target(self, name):
        if name == self.frm or name.startswith(self.frm + "."):
            return self.to + name[len(self.frm):]
        return None


def own_kinds(universe, entries):
    """Entries for aten operators the 2.14.1 universe lacks (older overloads, vendor operators
    registered in the aten namespace) carry their own kind, library and category."""
    out = []
    for e in entries:
        if e["symbol"].startswith("aten::") and e["symbol"] not in universe.torch.aten_by_name \
                and "kind" not in e:
            e = {"symbol": e["symbol"], "kind": "aten_op", "library": "aten",
                 "category": "aten/not-in-pytorch-2.14",
                 **{k: v for k, v in e.items() if k != "symbol"}}
        out.append(e)
    return out


def add_rebindings(out, universe, rebinds, source_id, tool, device, unsupported=None):
    """Adds to `out` ({symbol: entry}) what a migration tool rebinds: `rebinds` is a list of
    (torch attribute, replacement). A public torch.* attribute replaced by a torch.* name ->
    mapped (official); one the tool disables (`unsupported`: {attribute: words}) -> emulated.
    An attribute that already has an answer gets the tool's rebinding in its note (and as its
    target when it names none). `device` is the device's name ("NPU")."""
    unsupported = unsupported or {}
    for tgt, by in rebinds:
        if not tgt.startswith("torch.") or any(seg.startswith("_") for seg in tgt.split(".")):
            continue
        if tgt in unsupported:
            status, target = "emulated", None
            parts = [f"{tool}: {tgt}: {unsupported[tgt]}"]
        elif by.startswith("torch."):
            status, target = "mapped", by
            parts = [f"{tool} rebinds {tgt} to {by}",
                     f"without the tool, write the {device} name"]
        else:
            continue
        if tgt in out:
            e = out[tgt]
            e["note"] = join_note([e.get("note", ""), parts[0]])
            if target and "target" not in e and e["status"] in ("native", "partial"):
                status = "mapped" if e["status"] == "native" else "partial"
                rebuilt = entry(tgt, status, e["source"], e["confidence"], target=target,
                                note=e["note"])
                out[tgt] = {**rebuilt, **{k: v for k, v in e.items() if k not in rebuilt}}
            continue
        e = entry(tgt, status, source_id, "official", target=target, note=join_note(parts))
        if tgt not in universe.torch.api_names:
            e = {"symbol": tgt, "kind": "torch_api", "library": "torch",
                 **{k: v for k, v in e.items() if k != "symbol"}}
        out[tgt] = e


def document(platform, script, inputs, sources, entries):
    """A coverage document and its generated header; the snapshot line names every cited
    source."""
    entries = sorted(entries, key=lambda e: e["symbol"])
    doc = coverage_doc(platform, sources, entries)
    snap = "; ".join(
        f"{s['repository'][19:]} {s['commit']}, {s['date']}" if "repository" in s else
        f"{s['url']}, {s['date']}" for s in doc["sources"])
    return generated_header(script, inputs, snap), doc


COVERED = ("native", "mapped", "partial", "emulated")


def add_aliases(out, universe, preferred_source=None):
    """One answer for a method and its function: `torch.Tensor.sigmoid` and `torch.sigmoid` call
    the same aten operator. A name with no answer takes its twin's (confidence derived); when
    both have answers that disagree, the one from `preferred_source` (the platform's newest
    official page) decides for both; when one list marks one of the two unsupported and the
    other supported, the supported answer holds for both (they run the same operator)."""
    def copy_of(twin, name):
        src = out[twin]
        e = entry(name, src["status"], src["source"], "derived", target=src.get("target"),
                  note=join_note([f"the answer for {twin}, the same aten operator",
                                  src.get("note", "")]))
        if "constraints" in src:
            e["constraints"] = dict(src["constraints"])
        return e

    for name in sorted(universe.torch.api_names):
        if not name.startswith("torch.Tensor.") or name.count(".") != 2:
            continue
        method = name[len("torch.Tensor."):]
        if method.startswith("_") or method.endswith("_"):
            continue
        func = "torch." + method
        if func not in universe.torch.api_names:
            continue
        if name in out and func in out:
            a, b = out[name], out[func]
            if a["status"] == b["status"]:
                continue
            if preferred_source and b["source"] == preferred_source and a["source"] != preferred_source:
                out[name] = copy_of(func, name)
            elif preferred_source and a["source"] == preferred_source and b["source"] != preferred_source:
                out[func] = copy_of(name, func)
            elif a["status"] == "missing" and b["status"] in COVERED:
                # One list marks the method unsupported and the function supported: both run
                # the same aten operator, so the supported answer holds for both.
                out[name] = copy_of(func, name)
                out[name]["note"] = join_note([out[name]["note"], f"the list marks {name} "
                                               f"unsupported, though {func} runs the same operator"])
            elif b["status"] == "missing" and a["status"] in COVERED:
                out[func] = copy_of(name, func)
                out[func]["note"] = join_note([out[func]["note"], f"the list marks {func} "
                                               f"unsupported, though {name} runs the same operator"])
        elif func in out:
            out[name] = copy_of(func, name)
        elif name in out:
            out[func] = copy_of(name, func)


def add_device_strings(out, source_id, tool, pairs):
    """`device:cuda` and `dist_backend:nccl` (the scanner's symbols for the strings 'cuda' and
    'nccl') are `mapped` where a migration tool rewrites them: `pairs` is a list of (symbol,
    target string, what the tool's rule says)."""
    for symbol, target, rule in pairs:
        if symbol in out:
            continue
        e = entry(symbol, "mapped", source_id, "official", target=target,
                  note=join_note([f"{tool} rewrites it to '{target}': {rule}",
                                  f"without the tool, write '{target}'"]))
        out[symbol] = {"symbol": symbol, "kind": "torch_api", "library": "torch",
                       **{k: v for k, v in e.items() if k != "symbol"}}
