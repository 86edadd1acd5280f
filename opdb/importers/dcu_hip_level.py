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
  function), naming the version that adds it. A name the HIP 5.2 headers declare is available at
  5.2 whatever HIPIFY's version says.
* Overloads. A device function HIP declares only for half/bfloat16 arguments (`__ldcs`) while
  CUDA declares it for other types is `partial`, naming the overloads HIP has.
* Same spelling. A CUDA name HIPIFY gives no HIP name for (no row: `dim3`, `float4`,
  `make_uint2`, `warpSize`, ...) that the HIP headers declare under the same name is `native`,
  citing the header. So are the device C library functions CUDA provides to kernels (`printf`,
  `memcpy`, `malloc`, ...) and the cooperative-groups API (`cooperative_groups::*`), which the
  CUDA universe does not list: entries with their own kind and library.
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


def sdk_range(row):
    """"HIP >=A[ <R]" from a HIPIFY row's hip_added/hip_removed, or None."""
    added, removed = row.get("hip_added", ""), row.get("hip_removed", "")
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
    sdk = sdk_range(row)
    level = vkey(DEFAULT_HIP)
    added, removed = row.get("hip_added", ""), row.get("hip_removed", "")
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
        return "partial", target, [why, f"HIP {DEFAULT_HIP} declares the maskless {maskless} "
                                   f"({headers.header(maskless)}): drop the mask argument, "
                                   "which HIP's wavefront-wide form ignores"] + notes, sdk
    return "missing", target, [why] + notes, sdk


def same_spelled(sym, headers):
    """(status, target, notes) for a CUDA name HIPIFY gives no HIP name, when HIP declares it."""
    if not headers.declares(sym["name"]):
        return None
    return "native", sym["name"], [
        f"HIP {DEFAULT_HIP} declares {sym['name']} under the same name "
        f"({headers.header(sym['name'])}); HIPIFY leaves it unchanged"]


def extra_names(headers, universe_names):
    """Names outside the CUDA universe that CUDA code uses unchanged on HIP: (name, kind,
    library, notes)."""
    out = []
    for name in DEVICE_LIBC:
        if headers.declares(name) and name not in universe_names:
            out.append((name, "intrinsic", "device_intrinsics", [
                f"CUDA provides {name} to device code; HIP {DEFAULT_HIP} declares it for device "
                f"code too ({headers.header(name)})"]))
    for name in sorted(headers.by_name):
        if not name.startswith("cooperative_groups::") or name in universe_names:
            continue
        if re.search(r"::(__|internal|impl|details?|multi_grid)\b", name) or \
                re.search(r"::_[a-z]", name):
            continue  # HIP's implementation internals
        kinds = {r["kind"] for r in headers.by_name[name]}
        kind = "type" if "type" in kinds else "intrinsic"
        out.append((name, kind, "cooperative_groups", [
            f"HIP {DEFAULT_HIP} declares {name} under CUDA's name ({headers.header(name)})"]))
    return out
