"""Hygon DCU answers at a stated HIP level, and the names HIP declares under CUDA's spelling.

Reads hip/declarations.tsv and hip/SOURCES.md (what the HIP 5.2 headers of Debian's
libamdhip64-dev declare; made by snapshot_hip_headers.py). Used by dcu_hipify.py.

* The HIP level. No public source in the snapshot states which HIP a DTK release ships, so the
  default level is the HIP whose headers were read (DEFAULT_HIP, the verified floor). A HIPIFY
  answer whose HIP name has a `hip_added`/`hip_removed` version carries that range in
  `constraints.sdk` ("HIP >=6.2.0", "HIP >=1.5.0 <6.0.0"); the entry's status, target and note
  are the answer at the default level, and analyzer/db re-decides for another level
  (`dcu@hip-6.2`, db::TargetDescriptor): inside the range the answer is `native` (the target is
  the CUDA name) or `mapped`; outside it `missing`. Where the range excludes the default level the
  entry is `missing` (or `partial` when HIP declares the maskless form of a `*_sync` warp
  function), naming the version that adds it, in one sentence that starts "At HIP 5.2" (the
  lookup at another level replaces that sentence with its own). A name the HIP 5.2 headers declare is available at
  5.2 whatever HIPIFY's version says.
* Overloads. A device function HIP declares only for half/bfloat16 arguments (`__ldcs`) while
  CUDA declares it for other types is `partial`, naming the overloads HIP has.
* Same spelling. A CUDA name HIPIFY gives no HIP name for (no row: `dim3`, `float4`,
  `make_uint2`, `warpSize`, ...) that the HIP headers declare under the same name is `native`,
  citing the header. So are the device C library functions CUDA provides to kernels (`printf`,
  `memcpy`, `malloc`, ...). The cooperative-groups names the scanner reports (its shim,
  analyzer/cuda/shims/core/cooperative_groups.h; the CUDA universe does not list them) are
  native where HIP declares them, on the class or on a class HIP derives it from, and `missing`
  at HIP 5.2 where the headers declare no such name (`reduce`, `meta_group_rank`).
"""

import re

from common import read_text, read_tsv, require

DEFAULT_HIP = "5.2"
# Device-side C library functions CUDA declares for kernels (CUDA C++ Programming Guide,
# "Formatted Output", "Dynamic Global Memory Allocation"; the scanner reports them as
# device_intrinsics). Each gets an entry only if the HIP headers declare it too.
DEVICE_LIBC = ("printf", "memcpy", "memset", "malloc", "free", "__assert_fail", "__assertfail")
HALF_TYPES = re.compile(r"\b(__half2?|half2?|__hip_bfloat16|hip_bfloat16|__half2_raw|__half_raw)\b")


def vkey(version):
    parts = [int(p) for p in re.findall(r"\d+", version)[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def short_version(version):
    major, minor, patch = vkey(version)
    return f"{major}.{minor}" + (f".{patch}" if patch else "")


class HipHeaders:
    """What the HIP headers of one HIP version declare: name -> [(kind, signature, header)]."""

    def __init__(self, upstream):
        rows = read_tsv(upstream / "hip" / "declarations.tsv")
        require(rows and set(rows[0]) >= {"name", "kind", "signature", "header"},
                "hip/declarations.tsv: unexpected columns")
        self.by_name = {}
        for r in rows:
            self.by_name.setdefault(r["name"], []).append(r)
        md = read_text(upstream / "hip" / "SOURCES.md")
        m = re.search(r"HIP version \| `(\d+)\.(\d+)\.(\d+)`", md)
        require(m, "hip/SOURCES.md: no HIP version")
        self.version = f"{m.group(1)}.{m.group(2)}"
        require(self.version == DEFAULT_HIP,
                f"hip/SOURCES.md: HIP {self.version}, but the default DCU level is {DEFAULT_HIP}")
        self.record = {
            "id": f"hip-{self.version}-headers",
            "title": f"HIP {self.version} headers as Debian's libamdhip64-dev installs them "
                     "(/usr/include/hip; declarations read with Clang: "
                     "shared/upstream/hip/declarations.tsv)",
            "url": "https://packages.debian.org/source/sid/rocm-hipamd",
            "path": "hip/hip_runtime.h and the headers it includes",
            "date": "2026-12-07",
            "license": "MIT",
        }

    def declares(self, name):
        return bool(self.by_name.get(name))

    def header(self, name):
        rows = self.by_name.get(name) or []
        return sorted({r["header"] for r in rows})[0] if rows else None

    def signatures(self, name):
        return sorted({r["signature"] for r in self.by_name.get(name, []) if r["signature"]})

    def half_only(self, name):
        """The overload signatures when every overload HIP declares takes half/bf16 types."""
        sigs = [s for s in self.signatures(name) if "(" in s]
        if sigs and all(HALF_TYPES.search(s.split("(", 1)[1]) for s in sigs):
            return sigs
        return None


def sdk_range(row, prefix="hip"):
    """"HIP >=A[ <R]" from a HIPIFY row's hip_added/hip_removed (roc_* for a roc* target), or
    None."""
    added, removed = row.get(f"{prefix}_added", ""), row.get(f"{prefix}_removed", "")
    if not added and not removed:
        return None
    parts = ["HIP"]
    if added:
        parts.append(f">={added}")
    if removed:
        parts.append(f"<{removed}")
    return " ".join(parts)


def at_level(sym, row, status, target, notes, headers, api):
    """The answer at the default HIP level: (status, target, notes, sdk constraint or None)."""
    if status not in ("native", "mapped") or row is None or api == "API_DNN":
        return status, target, notes, None
    prefix = "hip" if target == row.get("hip_name") else "roc"
    sdk = sdk_range(row, prefix)
    level = vkey(DEFAULT_HIP)
    added, removed = row.get(f"{prefix}_added", ""), row.get(f"{prefix}_removed", "")
    declared = headers.declares(target)
    in_range = (not added or vkey(added) <= level) and (not removed or level < vkey(removed))
    core = api in ("API_RUNTIME", "API_DRIVER", "API_RTC") or row.get("map", "").startswith(
        "CUDA_DEVICE")
    if declared and core and not in_range and added and vkey(added) > level:
        in_range = True
        notes = notes + [f"HIPIFY dates {target} to HIP {added}, but the HIP {DEFAULT_HIP} "
                         f"headers already declare it ({headers.header(target)})"]
        sdk = None
    if in_range:
        half = headers.half_only(target) if core else None
        if half and sym["library"] not in ("cuda_fp16", "cuda_bf16"):
            return "partial", target, notes + [
                f"HIP {DEFAULT_HIP} declares {target} only for " + "; ".join(half) +
                f" ({headers.header(target)}); CUDA declares it for other types too"], None
        return status, target, notes, sdk
    release = "HIP" if core else "ROCm"
    if added and vkey(added) > level:
        why = f"At HIP {DEFAULT_HIP} (opscope's default DCU level) {target} is not there yet: " \
              f"{release} {added} adds it (pick the level with --target dcu@hip-X)"
    else:
        why = f"At HIP {DEFAULT_HIP} (opscope's default DCU level) {target} is gone: " \
              f"{release} {removed} removed it"
    maskless = sym["name"][:-len("_sync")] if sym["name"].endswith("_sync") else None
    if maskless and headers.declares(maskless):
        return "partial", target, [why + f"; HIP {DEFAULT_HIP} declares the maskless {maskless} "
                                   f"({headers.header(maskless)}): drop the mask argument"] + \
            notes, sdk
    return "missing", target, [why] + notes, sdk


def same_spelled(sym, headers):
    """(status, target, notes) for a CUDA name HIPIFY gives no HIP name, when HIP declares it."""
    if not headers.declares(sym["name"]):
        return None
    return "native", sym["name"], [
        f"HIP {DEFAULT_HIP} declares {sym['name']} under the same name "
        f"({headers.header(sym['name'])}); HIPIFY leaves it unchanged"]


CG_SHIM = "analyzer/cuda/shims/core/cooperative_groups.h"


def scanner_cg_names(project):
    """The cooperative-groups names the CUDA scanner reports, as its shim declares them (the
    project's own declarations of CUDA's cooperative_groups API): [(name, kind)]. Members are
    named by the class that declares them in the shim (`cooperative_groups::thread_group::sync`);
    `details::` helpers are left out."""
    text = (project / CG_SHIM).read_text(encoding="utf-8")
    body = text[text.index("namespace cooperative_groups {"):]
    out, cls, skip = [], None, False
    for line in body.splitlines()[1:]:
        if re.match(r"namespace \w+ \{\s*$", line):
            skip = True
            continue
        if skip:
            skip = not line.startswith("}")
            continue
        m = re.match(r"(?:template <[^>]*> )?class (\w+)\b", line)
        if m:
            out.append((f"cooperative_groups::{m.group(1)}", "type"))
            cls = None if line.rstrip().endswith("{};") else m.group(1)
            continue
        if cls and line.startswith("};"):
            cls = None
            continue
        m = re.match(r"(?:template <[^>]*> )?struct (\w+)", line)
        if m:
            out.append((f"cooperative_groups::{m.group(1)}", "type"))
            cls = m.group(1) if line.rstrip().endswith("{") else None  # a body over several lines
            continue
        if cls and (re.search(rf"\b{cls}\(", line) or re.search(r"\boperator\b", line)):
            continue  # constructors and conversion operators are not API names
        # name(args) [const] [-> trailing return type] ; or {
        m = re.search(r"\b(\w+)\((?:[^()]|\([^()]*\))*\)(?: const)?(?:\s*->[^;{]*)?\s*(?:;|\{)", line)
        if m and ("__device__" in line or "constexpr" in line) and m.group(1) != "operator":
            scope = f"cooperative_groups::{cls}::" if cls and line.startswith(" ") else \
                "cooperative_groups::"
            out.append((scope + m.group(1), "intrinsic"))
    return sorted(set(out))


def _hip_bases(headers, cls):
    """cls and the classes HIP derives it from, transitively (qualified names)."""
    seen, todo = [], [cls]
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.append(c)
        ns = c.rsplit("::", 1)[0]
        for r in headers.by_name.get(c, []):
            if r["kind"] == "base":
                for cand in (f"{ns}::{r['signature']}", f"cooperative_groups::{r['signature']}"):
                    if headers.declares(cand):
                        todo.append(cand)
                        break
    return seen


def cg_answer(name, headers):
    """(status, notes) for one cooperative-groups name at the HIP level of `headers`."""
    hdr = "hip/amd_detail/amd_hip_cooperative_groups.h"
    if headers.declares(name):
        return "native", [f"HIP {DEFAULT_HIP} declares {name} under CUDA's name "
                          f"({headers.header(name)})"]
    parts = name.split("::")
    if len(parts) == 3 and headers.declares("::".join(parts[:2])):
        cls, member = "::".join(parts[:2]), parts[2]
        for base in _hip_bases(headers, cls)[1:]:
            if headers.declares(f"{base}::{member}"):
                return "native", [f"HIP {DEFAULT_HIP} declares {member} on {base}, which its "
                                  f"{cls} derives from ({headers.header(base + '::' + member)})"]
    return "missing", [f"the HIP {DEFAULT_HIP} headers declare no {name} (HIP's cooperative "
                       f"groups: {hdr}); a newer HIP may have it"]


def extra_names(headers, universe_names, project):
    """Names outside the CUDA universe that the scanner reports: the device C library functions
    and the cooperative-groups API: (name, status, kind, library, notes)."""
    out = []
    for name in DEVICE_LIBC:
        if headers.declares(name) and name not in universe_names:
            out.append((name, "native", "intrinsic", "device_intrinsics", [
                f"CUDA provides {name} to device code; HIP {DEFAULT_HIP} declares it for device "
                f"code too ({headers.header(name)})"]))
    for name, kind in scanner_cg_names(project):
        if name in universe_names:
            continue
        status, notes = cg_answer(name, headers)
        out.append((name, status, kind, "cooperative_groups", notes))
    return out
