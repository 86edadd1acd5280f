#!/usr/bin/env python3
"""Runs one case of the bad-input corpus (cases.txt) against the opscope binary and checks its
expectation: the exit code, the message fragments, no crash or sanitizer report, and bounded time
and memory (a wall-clock timeout; an address-space limit, except under sanitizers, which reserve
terabytes of address space; and the child's peak RSS, measured by the kernel).

  run_case.py --opscope BUILD/opscope --case NAME [--sanitized] [--list]
Exit 0: the case holds (or is skipped, with the reason printed); 1: it does not."""
import argparse
import os
import pwd
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_files  # noqa: E402  (the ONNX wire helpers)

GOOD_PY = "import torch\ntorch.cuda.synchronize()\n"
GOOD_FINDING = "torch.cuda.synchronize"
TIME_LIMIT = 120          # seconds per opscope run; a hang fails the case
AS_LIMIT = 4 << 30        # address space, without sanitizers
RSS_LIMIT = 1536 << 20    # peak resident memory of the run
RSS_LIMIT_SANITIZED = 3 << 30
UNIT_DEADLINE = 10        # --unit-timeout of the `unit` cases, seconds


class Skip(Exception):
    pass


def read_cases():
    cases = {}
    with open(os.path.join(HERE, "cases.txt")) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ")]
            name, how, source, code, fragments = parts
            cases[name] = (how, source, int(code), [x.strip() for x in fragments.split("&&")])
    return cases


def deep_yaml(prefix, levels=1_000_000):
    return prefix + "[" * levels + "]" * levels + "\n"


def generate(name, work):
    """Makes gen:NAME in `work`; returns its path."""
    path = os.path.join(work, name)
    if name == "deep-subgraphs.onnx":
        data = make_files.deep_model(10_000)
    elif name in ("one-line-50mb.py", "one-line-50mb.cu"):
        unit = b"x = 1; " if name.endswith(".py") else b"int x; "
        data = unit * ((50 << 20) // len(unit))
        data += b" " * ((50 << 20) - len(data))
    elif name == "deep-parens.py":
        data = ("x = " + "(" * 100_000 + ")" * 100_000 + "\n").encode()
    elif name == "deep-overlay.yaml":
        data = deep_yaml("opdb: 1\nkind: coverage\nplatform: ascend\nentries: ").encode()
    elif name == "deep-config.yaml":
        data = deep_yaml("targets: ").encode()
    elif name == "deep-rules.yaml":
        data = deep_yaml("opscope-rules: 1\nkind: python\nplatform: ascend\nrenames: ").encode()
    elif name == "redecl-20000.cpp":
        # Valid C++ that Clang needs about 100 s for: one unit must not stall the scan.
        data = b"int a;\n" * 20_000
    elif name == "crash-parse.cu":
        # An ordinary kernel; $OPSCOPE_TEST_CRASH_PARSE makes its parse crash (the test hook).
        data = (b"__global__ void scale(float* x, float s) {\n"
                b"  x[threadIdx.x] *= s;\n  __syncthreads();\n}\n")
    elif name == "deep-hazards.yaml":
        data = deep_yaml("opscope-rules: 1\nkind: hazards\nhazards: ").encode()
    elif name == "deep-results.json":
        data = ('{"schema": "opscope-report/1", "findings": ' + "[" * 1_000_000 + "]" * 1_000_000 + "}").encode()
    else:
        raise ValueError("no generator for gen:" + name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def make_tree(work, extra=None):
    tree = os.path.join(work, "tree")
    os.makedirs(tree, exist_ok=True)
    with open(os.path.join(tree, "good.py"), "w") as f:
        f.write(GOOD_PY)
    if extra:
        shutil.copy(extra, os.path.join(tree, os.path.basename(extra)))
    return tree


def drop_privileges_or_skip(work):
    """Permission cases mean nothing to root: run them as nobody (setpriv), or skip."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        raise Skip("running as root and setpriv is missing: root reads every directory")
    nobody = pwd.getpwnam("nobody")
    # nobody must reach the tree and write nothing else.
    for d in (work,):
        os.chmod(d, 0o755)
    return [setpriv, "--reuid=%d" % nobody.pw_uid, "--regid=%d" % nobody.pw_gid, "--clear-groups", "--"]


def run(cmd, sanitized, prefix=()):
    def limits():
        os.setsid()
        if not sanitized:
            resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))

    env = dict(os.environ, OPSCOPE_PROGRESS="never", NO_COLOR="1")
    start = time.monotonic()
    proc = subprocess.Popen(list(prefix) + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=limits, env=env)
    try:
        out, err = proc.communicate(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError("no answer within %d s (hang?): %s" % (TIME_LIMIT, " ".join(cmd)))
    # The kernel's accounting of the child's peak RSS (ru_maxrss, KiB): the largest child so far.
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - start, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opscope", required=True)
    ap.add_argument("--case")
    ap.add_argument("--sanitized", action="store_true")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    cases = read_cases()
    if a.list:
        print("\n".join(cases))
        return 0
    how, source, code, fragments = cases[a.case]
    opscope = os.path.abspath(a.opscope)
    work = tempfile.mkdtemp(prefix="opscope-badinput-")
    prefix = []
    try:
        if source.startswith("gen:"):
            gen = source[4:]
            input_path = None if gen in ("symlink-loop", "unreadable-dir", "unreadable-file") else generate(gen, work)
        else:
            gen = None
            input_path = os.path.join(HERE, source)
        name = os.path.basename(input_path) if input_path else ""

        if how == "onnx":
            cmd = [opscope, "onnx", input_path]
        elif how == "scan":
            tree = make_tree(work, input_path)
            if gen == "symlink-loop":
                os.symlink("loop.py", os.path.join(tree, "loop.py"))
                os.symlink("b.py", os.path.join(tree, "a.py"))
                os.symlink("a.py", os.path.join(tree, "b.py"))
                os.symlink(".", os.path.join(tree, "self"))  # a directory loop: never entered
            elif gen in ("unreadable-dir", "unreadable-file"):
                prefix = drop_privileges_or_skip(work)
                os.chmod(tree, 0o755)
                os.chmod(os.path.join(tree, "good.py"), 0o644)
                if gen == "unreadable-dir":
                    locked = os.path.join(tree, "locked")
                    os.makedirs(locked)
                    with open(os.path.join(locked, "hidden.py"), "w") as f:
                        f.write(GOOD_PY)
                    os.chmod(locked, 0)
                else:
                    with open(os.path.join(tree, "locked.py"), "w") as f:
                        f.write(GOOD_PY)
                    os.chmod(os.path.join(tree, "locked.py"), 0)
            cmd = [opscope, "scan", tree, "--no-config"]
        elif how == "unit":
            # One C/C++/CUDA unit that hangs or crashes its parse: it is marked, keeps its lexical
            # findings, and the other inputs are still reported.
            tree = make_tree(work, input_path)
            if gen == "crash-parse.cu":
                os.environ["OPSCOPE_TEST_CRASH_PARSE"] = "crash-parse"
            cmd = [opscope, "scan", tree, "--no-config", "--no-cache", "--unit-timeout", str(UNIT_DEADLINE)]
        elif how == "overlay":
            cmd = [opscope, "scan", make_tree(work), "--no-config", "--db", input_path]
        elif how == "config":
            tree = make_tree(work)
            shutil.copy(input_path, os.path.join(tree, ".opscope.yaml"))
            cmd = [opscope, "scan", tree]
        elif how == "compdb":
            tree = make_tree(work)
            with open(os.path.join(tree, "main.cpp"), "w") as f:
                f.write("int main() { return 0; }\n")
            cmd = [opscope, "scan", tree, "--no-config", "-p", input_path]
        elif how == "report":
            cmd = [opscope, "report", input_path]
        elif how == "merge":
            good = os.path.join(work, "good.json")
            rc, out, err, _, _ = run([opscope, "scan", make_tree(work), "--no-config", "--format", "json", "-o", good], a.sanitized)
            if rc != 0:
                raise AssertionError("making good.json failed (%d): %s" % (rc, err))
            cmd = [opscope, "merge", good, input_path, "-o", os.path.join(work, "all.json")]
        elif how == "rules":
            rc, out, err, _, _ = run([opscope, "rewrite", "--help"], a.sanitized)
            if rc != 0 or "--rules" not in out:
                raise Skip("this opscope has no `rewrite --rules`")
            cmd = [opscope, "rewrite", make_tree(work), "--target", "ascend", "--rules", input_path]
        elif how == "scanrules":
            cmd = [opscope, "scan", make_tree(work), "--no-config", "--rules", input_path]
        else:
            raise ValueError("unknown HOW " + how)

        rc, out, err, seconds, rss = run(cmd, a.sanitized, prefix)
        both = out + err
        print("$ " + " ".join(prefix + cmd))
        print("exit %d in %.1f s, peak RSS %.0f MiB" % (rc, seconds, rss / (1 << 20)))
        print(both[-4000:])
        problems = []
        if rc < 0:
            problems.append("killed by signal %d (crash)" % -rc)
        elif rc != code:
            problems.append("exit %d, expected %d" % (rc, code))
        for marker in ("AddressSanitizer", "LeakSanitizer", "runtime error:", "internal error"):
            if marker in both:
                problems.append("output reports: " + marker)
        for frag in fragments:
            want = frag.replace("{name}", name)
            if want not in both:
                problems.append("missing message fragment: " + want)
        if how in ("scan", "unit") and GOOD_FINDING not in out:
            problems.append("the scan did not go on: good.py's finding is missing")
        if how == "unit" and seconds > UNIT_DEADLINE + 30:
            problems.append("took %.0f s, more than the unit deadline of %d s plus 30 s" % (seconds, UNIT_DEADLINE))
        limit = RSS_LIMIT_SANITIZED if a.sanitized else RSS_LIMIT
        if rss > limit:
            problems.append("peak RSS %d MiB over the limit of %d MiB" % (rss >> 20, limit >> 20))
        if problems:
            print("FAILED " + a.case + ":\n  " + "\n  ".join(problems))
            return 1
        print("ok " + a.case)
        return 0
    except Skip as s:
        print("SKIPPED " + a.case + ": " + str(s))
        return 0
    finally:
        for root, dirs, files in os.walk(work):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
