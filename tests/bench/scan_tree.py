#!/usr/bin/env python3
"""Scale benchmark: generates a tree of many small files (a monorepo's mix: Python scripts, some
C++/CUDA sources, and files no frontend reads), scans it with `opscope scan --progress always`,
and prints the wall time, the peak RSS (the kernel's ru_maxrss of the opscope process) and what
the progress line showed. Fails (exit 1) when peak RSS reaches --max-rss-mb (default 1024) or
no progress was shown although the scan ran longer than the progress delay.

  scan_tree.py --opscope build/opscope [--files 100000] [--cpp-share 0.02] [--python-share 0.6]
               [--dir DIR] [--keep] [-j N]

The default run (100,000 files) is the figure the README quotes; ctest runs it on 2,000 files
(bench.ScanTree) only to check that it works."""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

PY = [
    "import torch\nx = torch.zeros({n}).cuda()\ntorch.cuda.synchronize()\n",
    "import torch.nn.functional as F\n\ndef f{n}(x):\n    return F.relu(x).to('cuda:0')\n",
    "import os\nimport torch.distributed as dist\ndist.init_process_group('nccl')\nos.environ['NCCL_DEBUG'] = 'INFO'\n",
    "def helper_{n}(a, b):\n    return [a + b for _ in range({n} % 7)]\n",
]
CU = [
    "#include <cuda_runtime.h>\n__global__ void k{n}(float* p) {{ p[threadIdx.x] = {n}; }}\n"
    "void run{n}(float* p) {{ cudaMalloc(&p, 4); k{n}<<<1, 32>>>(p); cudaDeviceSynchronize(); }}\n",
    "int add{n}(int a, int b) {{ return a + b + {n}; }}\n",
]
OTHER = ["# notes {n}\n", "{{\"id\": {n}}}\n", "plain text {n}\n"]
OTHER_EXT = [".md", ".json", ".txt"]


def generate(root, files, cpp_share, python_share):
    rng = random.Random(1234)
    per_dir = 100
    for i in range(files):
        d = os.path.join(root, "pkg%03d" % (i // (per_dir * 100)), "mod%03d" % ((i // per_dir) % 100))
        if i % per_dir == 0:
            os.makedirs(d, exist_ok=True)
        r = rng.random()
        if r < python_share:
            name, text = "m%d.py" % i, PY[i % len(PY)].format(n=i)
        elif r < python_share + cpp_share:
            kind = i % len(CU)
            name, text = ("k%d.cu" % i if kind == 0 else "f%d.cpp" % i), CU[kind].format(n=i)
        else:
            k = i % len(OTHER)
            name, text = "doc%d%s" % (i, OTHER_EXT[k]), OTHER[k].format(n=i)
        with open(os.path.join(d, name), "w") as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--opscope", required=True)
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--cpp-share", type=float, default=0.02)
    ap.add_argument("--python-share", type=float, default=0.6)
    ap.add_argument("--dir", help="generate here (default: a temporary directory)")
    ap.add_argument("--keep", action="store_true", help="keep the generated tree")
    ap.add_argument("-j", "--jobs", type=int, default=0)
    ap.add_argument("--max-rss-mb", type=int, default=1024)
    a = ap.parse_args()

    root = a.dir or tempfile.mkdtemp(prefix="opscope-scale-")
    tree = os.path.join(root, "tree")
    t0 = time.monotonic()
    if not os.path.isdir(tree):
        generate(tree, a.files, a.cpp_share, a.python_share)
    print("generated %d files in %.1f s under %s" % (a.files, time.monotonic() - t0, tree))

    out_json = os.path.join(root, "report.json")
    cmd = [os.path.abspath(a.opscope), "scan", tree, "--no-config", "--format", "json", "-o", out_json,
           "--progress", "always", "-j", str(a.jobs)]
    env = dict(os.environ)
    env.setdefault("OPSCOPE_PROGRESS_DELAY", "2")
    err_path = os.path.join(root, "stderr.txt")
    start = time.monotonic()
    with open(err_path, "wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    rss_mb = usage.ru_maxrss / 1024.0
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    frames = [s for s in re.split(r"[\r\n]", stderr) if s.startswith("opscope: ") and ("[" in s or s.rstrip()[-1:].isdigit())]
    stages = []
    for s in frames:
        m = re.match(r"opscope: (.*?)( \[| [|/\\-] )", s)
        if m and m.group(1) not in stages:
            stages.append(m.group(1))
    findings = inputs = -1
    if code == 0 and os.path.exists(out_json):
        import json
        with open(out_json) as f:
            report = json.load(f)
        findings, inputs = len(report.get("findings", [])), len(report.get("inputs", []))

    print("$ " + " ".join(cmd))
    print("exit %d; %d inputs scanned, %d findings" % (code, inputs, findings))
    print("wall time %.1f s; peak RSS %.0f MiB (user %.1f s, system %.1f s)" % (seconds, rss_mb, usage.ru_utime, usage.ru_stime))
    print("progress: %d redraws; stages: %s" % (len(frames), "; ".join(stages) or "none"))
    if frames:
        print("last progress line: " + frames[-1].strip())
    ok = code == 0
    if rss_mb >= a.max_rss_mb:
        print("FAIL: peak RSS %.0f MiB is not below %d MiB" % (rss_mb, a.max_rss_mb))
        ok = False
    if seconds > float(env["OPSCOPE_PROGRESS_DELAY"]) + 2 and not frames:
        print("FAIL: the scan ran %.1f s and showed no progress" % seconds)
        ok = False
    if code != 0:
        print(stderr[-2000:])
    if not a.keep and not a.dir:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
