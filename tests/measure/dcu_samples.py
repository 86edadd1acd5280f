#!/usr/bin/env python3
"""Measures the DCU rewrite on NVIDIA's cuda-samples: which runtime-only samples, once rewritten by
`opscope rewrite --target dcu`, compile with hipcc, and whether `opscope rewrite --verify` says the
same file by file. Fetches nothing: give it a local cuda-samples checkout (tests/measure/README.md).

A sample is runtime-only when none of its files includes a CUDA library, graphics-interop,
driver-API or third-party header (LIBRARY_HEADER below) and none calls a driver-API function
(cuXxx(...)). Its translation units are its .cu/.cpp files that no other file of it includes; each
is compiled as the sample's own CMake build does (C++17, the sample's directory, its inc/ and
Common/ on the include path, -fopenmp where its CMake uses OpenMP) with
    hipcc --offload-arch=gfx906 -std=c++17 -c FILE
A sample whose CMake builds it only with OpenMP is skipped, and named, when hipcc has no OpenMP.
Exit status: 0 when the figures were measured (and, with --verify, every verdict agreed with
hipcc), 1 when a verdict disagreed, 2 on a usage error.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

LIBRARY_HEADER = re.compile(
    r'#\s*include\s*[<"](cublas|cufft|curand|cusparse|cusolver|npp|nvjpeg|nvrtc|thrust/|cub/|cuda/|nvtx|mma\.h|GL/|GLUT|'
    r'EGL|cudaEGL|\w*_interop\.h|d3d|vulkan|GLFW|mpi\.h|boost/|helper_cuda_drvapi|cuda\.h|helper_gl|cufile|cudla|nvml|'
    r'cupti|nvcomp|nvsci|cuda_drvapi|helper_nvJPEG|helper_cusolver|rendercheck|dynlink)')
DRIVER_CALL = re.compile(r'\bcu(?!C)[A-Z]\w*\s*\(')  # cuMemAlloc(...); cuComplex's cuCaddf is runtime
SOURCE_EXT = ('.cu', '.cpp', '.cuh', '.h', '.hpp')
UNIT_EXT = ('.cu', '.cpp')


def sample_files(sample_dir):
    out = []
    for root, _, files in os.walk(sample_dir):
        out += [os.path.join(root, f) for f in files if f.endswith(SOURCE_EXT)]
    return sorted(out)


def read(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read()


def runtime_only(sample_dir):
    files = sample_files(sample_dir)
    if not any(f.endswith(UNIT_EXT) for f in files):
        return False
    return not any(LIBRARY_HEADER.search(read(f)) or DRIVER_CALL.search(read(f)) for f in files)


def units(sample_dir):
    """The sample's .cu/.cpp files that no file of it includes (bisect_util.cu is #included)."""
    files = sample_files(sample_dir)
    included = set()
    for f in files:
        included.update(os.path.basename(m) for m in re.findall(r'#\s*include\s*"([^"]+)"', read(f)))
    return [f for f in files if f.endswith(UNIT_EXT) and os.path.basename(f) not in included]


def select(samples_root, categories):
    chosen = []
    for cat in categories:
        base = os.path.join(samples_root, 'Samples', cat)
        for name in sorted(os.listdir(base)):
            d = os.path.join(base, name)
            if os.path.isdir(d) and runtime_only(d):
                chosen.append(os.path.join(cat, name))
    return chosen


def needs_openmp(samples_root, sample):
    cmake = os.path.join(samples_root, 'Samples', sample, 'CMakeLists.txt')
    return os.path.exists(cmake) and 'find_package(OpenMP' in read(cmake)


def hipcc_has_openmp(hipcc, work):
    """The sample's CMake builds it only when the compiler has OpenMP (FindOpenMP); so do we."""
    probe = os.path.join(work, 'omp_probe.cpp')
    with open(probe, 'w') as f:
        f.write('#include <omp.h>\nint threads() { return omp_get_max_threads(); }\n')
    return subprocess.run([hipcc, '--offload-arch=gfx906', '-fopenmp', '-c', probe, '-o', os.devnull],
                          capture_output=True).returncode == 0


def first_error(log):
    for line in log.splitlines():
        if ': error:' in line or ' error: ' in line:
            return line.strip()
    return log.strip().splitlines()[-1] if log.strip() else ''


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('cuda_samples', help='a local checkout of NVIDIA/cuda-samples')
    ap.add_argument('--opscope', default='build/opscope')
    ap.add_argument('--hipcc', default='hipcc')
    ap.add_argument('--categories', default='0_Introduction',
                    help='comma-separated Samples/ folders to take the runtime-only samples from')
    ap.add_argument('--only', help='comma-separated sample names (of those selected) to measure alone')
    ap.add_argument('--work', help='keep the trees here (default: a temporary directory, removed)')
    ap.add_argument('--verify', action='store_true', help='also run opscope rewrite --verify and compare')
    ap.add_argument('--json', help='write every file\'s result to this file')
    ap.add_argument('-v', '--verbose', action='store_true', help='print every file, not only failures')
    a = ap.parse_args()
    root = os.path.abspath(a.cuda_samples)
    if not os.path.isdir(os.path.join(root, 'Samples')) or not os.path.isdir(os.path.join(root, 'Common')):
        print(f'{root}: not a cuda-samples checkout (no Samples/ and Common/)', file=sys.stderr)
        return 2
    work = os.path.abspath(a.work) if a.work else tempfile.mkdtemp(prefix='opscope-dcu-samples-')
    tree, out = os.path.join(work, 'in'), os.path.join(work, 'out')
    for d in (tree, out):
        shutil.rmtree(d, ignore_errors=True)
    chosen = select(root, a.categories.split(','))
    os.makedirs(work, exist_ok=True)
    openmp = hipcc_has_openmp(a.hipcc, work)
    for s in [s for s in chosen if needs_openmp(root, s) and not openmp]:
        print(f'skip {s}: its CMake builds it only with OpenMP, and hipcc has none here (omp.h of hipcc\'s Clang)')
        chosen.remove(s)
    if a.only:
        chosen = [s for s in chosen if s.split('/')[-1] in a.only.split(',')]
    # The helper headers the samples include (Common/*.h), not the GL/NPP folders.
    os.makedirs(os.path.join(tree, 'Common'))
    for f in os.listdir(os.path.join(root, 'Common')):
        if f.endswith(('.h', '.hpp')):
            shutil.copy(os.path.join(root, 'Common', f), os.path.join(tree, 'Common', f))
    for s in chosen:
        shutil.copytree(os.path.join(root, 'Samples', s), os.path.join(tree, 'Samples', s),
                        ignore=lambda d, names: [n for n in names if n == 'CMakeLists.txt' or n.endswith('.md')])
    cmd = [a.opscope, 'rewrite', tree, '--target', 'dcu', '--out-dir', out]
    verdicts = {}
    if a.verify:
        cmd += ['--verify', '--verify-format', 'json', '--verify-output', os.path.join(work, 'verify.json')]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        print('opscope rewrite failed:\n' + r.stderr, file=sys.stderr)
        return 2
    if a.verify:
        with open(os.path.join(work, 'verify.json')) as f:
            for v in json.load(f)['files']:
                verdicts[v['file']] = v
    results = []
    for s in chosen:
        sdir = os.path.join(out, 'Samples', s)
        incs = ['-I' + sdir] + (['-I' + os.path.join(sdir, 'inc')] if os.path.isdir(os.path.join(sdir, 'inc')) else [])
        for unit in units(os.path.join(tree, 'Samples', s)):
            rel = os.path.relpath(unit, tree)
            f = os.path.join(out, rel)
            flags = ['-fopenmp'] if needs_openmp(root, s) else []
            c = subprocess.run([a.hipcc, '--offload-arch=gfx906', '-std=c++17', '-c', f, '-o', os.devnull] + flags + incs +
                               ['-I' + os.path.join(out, 'Common')], capture_output=True, text=True)
            log = '\n'.join(l for l in (c.stdout + c.stderr).splitlines()
                            if 'rocm_agent_enumerator' not in l and not l.startswith(('Traceback', '  File', '    ')) and
                            not l.startswith(('FileNotFoundError', '             ', '                       ')))
            res = {'sample': s, 'file': rel, 'hipcc': c.returncode == 0, 'first_error': '' if c.returncode == 0 else first_error(log)}
            if a.verify:
                v = verdicts.get(rel)
                res['verify'] = None if v is None else v['compiles']
                res['verify_first_error'] = '' if v is None or not v['errors'] else v['errors'][0]
            results.append(res)
            bad = not res['hipcc'] or (a.verify and res['verify'] != res['hipcc'])
            if a.verbose or bad:
                mark = 'ok  ' if res['hipcc'] else 'FAIL'
                agree = '' if not a.verify else ('  verify agrees' if res['verify'] == res['hipcc'] else
                                                 f'  VERIFY DISAGREES ({res["verify"]}: {res["verify_first_error"]})')
                print(f'{mark} {rel}{agree}' + (f'\n     {res["first_error"]}' if not res['hipcc'] else ''))
    ok = sum(r['hipcc'] for r in results)
    samples_ok = sum(all(r['hipcc'] for r in results if r['sample'] == s) for s in chosen)
    print(f'{len(chosen)} runtime-only samples ({a.categories}), {len(results)} files: '
          f'{ok}/{len(results)} compile with hipcc ({100.0 * ok / max(1, len(results)):.1f}%); '
          f'{samples_ok}/{len(chosen)} samples compile whole')
    disagree = 0
    if a.verify:
        disagree = sum(r['verify'] != r['hipcc'] for r in results)
        print(f'--verify agrees with hipcc on {len(results) - disagree}/{len(results)} files')
    if a.json:
        with open(a.json, 'w') as f:
            json.dump({'samples': chosen, 'files': results}, f, indent=1)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if disagree else 0


if __name__ == '__main__':
    sys.exit(main())
