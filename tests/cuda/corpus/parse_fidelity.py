#!/usr/bin/env python3
"""Parse fidelity of an `opscope scan` over a real project (issue 16's measure).

Reads the scan's JSON results and reports the share of compilation units (.cu, .cpp, .cc, .c) the
semantic pass parsed with zero errors, excusing units whose only problem is a third-party header
absent from the machine (lexicalReason missing-header). With --exclude-graphics, units that use
graphics interop (OpenGL, EGL, Vulkan, Direct3D, NvMedia/NvSci, X11: their headers or CUDA's
*_interop.h) are left out, as the issue's samples target says. Lists every other unit with its
reason class and first error.

Usage: parse_fidelity.py RESULTS.json ROOT [--exclude-graphics] [--target PERCENT]
Exit 1 when --target is given and the share is below it.
"""
import argparse
import json
import os
import re
import sys

UNIT_EXT = (".cu", ".cpp", ".cc", ".cxx", ".c")
GRAPHICS = re.compile(r'#\s*include\s*[<"](GL/|GLFW/|GLES|EGL/|vulkan/|d3d|D3D|DirectX|dxgi|nvmedia|nvsci|X11/|'
                      r'drm|cuda_gl_interop|cuda_egl_interop|cudaEGL|cudaGL|cuda_d3d|cuda_vdpau|helper_gl|'
                      r'windows\.h|GL\.h|glew)', re.I)


def includes_graphics(path, root, seen):
    """True when the file or a project header it includes (quoted, found next to it) uses graphics."""
    if path in seen or not os.path.exists(path) or len(seen) > 200:
        return False
    seen.add(path)
    try:
        text = open(path, errors="replace").read()
    except OSError:
        return False
    if GRAPHICS.search(text) or re.search(r"\bcudaGraphics\w+|\bcuGraphics\w+", text):
        return True
    for inc in re.findall(r'#\s*include\s*"([^"]+)"', text):
        candidate = os.path.normpath(os.path.join(os.path.dirname(path), inc))
        if includes_graphics(candidate, root, seen):
            return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results")
    ap.add_argument("root")
    ap.add_argument("--exclude-graphics", action="store_true")
    ap.add_argument("--target", type=float)
    args = ap.parse_args()
    inputs = json.load(open(args.results))["inputs"]
    units = [i for i in inputs if i["path"].endswith(UNIT_EXT) and i["language"] in ("cuda", "c++", "c")]
    excluded, clean, excused, rest = [], [], [], []
    for u in units:
        full = os.path.join(args.root, u["path"])
        if args.exclude_graphics and includes_graphics(full, args.root, set()):
            excluded.append(u)
        elif u["status"] == "semantic":
            clean.append(u)
        elif u.get("lexicalReason") == "missing-header":
            excused.append(u)
        else:
            rest.append(u)
    counted = len(clean) + len(rest)
    share = 100.0 * len(clean) / counted if counted else 100.0
    print(f"{args.root}: {len(units)} units; {len(excluded)} graphics interop excluded; "
          f"{len(excused)} excused (third-party header absent); {len(clean)}/{counted} parse with zero errors "
          f"= {share:.1f}%")
    for u in excused:
        print(f"  excused  {u['path']}: {u.get('missingHeader', '')} missing"
              + (f" (apt install {u['package']})" if u.get("package") else ""))
    for u in rest:
        first = re.sub(r"; findings Clang could not resolve.*", "", u["message"])
        print(f"  {u.get('lexicalReason', '?'):9} {u['path']}: {first[:220]}")
    if args.target is not None and share < args.target:
        sys.exit(1)


if __name__ == "__main__":
    main()
