#!/usr/bin/env python3
"""The progress line as a terminal sees it: opscope scan with stderr on a pseudo-terminal (no
--progress option: auto mode), the delay set to 0 so a short scan shows it. Checks: drawn with
carriage returns, coloured unless NO_COLOR is set, erased at the end, and nothing on a terminal
when --progress never.   progress_tty.py OPSCOPE SCAN_PATH"""
import os
import pty
import subprocess
import sys


def run(opscope, path, extra_env, args=()):
    master, slave = pty.openpty()
    env = dict(os.environ, OPSCOPE_PROGRESS_DELAY="0")
    env.pop("NO_COLOR", None)
    env.pop("OPSCOPE_PROGRESS", None)
    env.update(extra_env)
    p = subprocess.Popen([opscope, "scan", path, "--no-config", *args], stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    if p.wait() != 0:
        sys.exit("opscope exited %d: %r" % (p.returncode, out[-500:]))
    return out


def main():
    opscope, path = sys.argv[1], sys.argv[2]
    failures = []
    colored = run(opscope, path, {})
    plain = run(opscope, path, {"NO_COLOR": "1"})
    never = run(opscope, path, {}, ["--progress", "never"])
    if b"\ropscope: " not in colored:
        failures.append("no progress line on a terminal: %r" % colored[:200])
    if b"\x1b[36m" not in colored:
        failures.append("no colour on a terminal without NO_COLOR")
    if not colored.endswith(b"\r\x1b[K"):
        failures.append("the line is not erased at the end: %r" % colored[-40:])
    if b"\ropscope: " not in plain or b"\x1b[36m" in plain or b"\x1b[0m" in plain:
        failures.append("NO_COLOR: expected the line without colour: %r" % plain[:200])
    if b"opscope: " in never:
        failures.append("--progress never still drew: %r" % never[:200])
    for f in failures:
        print("FAILED: " + f)
    print("ok" if not failures else "%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
