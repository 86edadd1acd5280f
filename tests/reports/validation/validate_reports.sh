#!/usr/bin/env bash
# Validates opscope's JSON report against reports/schema/opscope-report-v1.schema.json (Python's
# jsonschema) and its SARIF against SARIF 2.1.0 (Microsoft's sarif-multitool), for the bundled
# samples and for a tree with awkward file names.
# usage: validate_reports.sh OPSCOPE SOURCE_DIR WORK_DIR
set -uo pipefail
opscope="$1"; src="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work/odd tree/sub dir"
validator="${OPSCOPE_CACHE:-$HOME/.cache/opscope}/npm/node_modules/.bin/sarif-multitool"
if [ ! -x "$validator" ] || ! python3 -c 'import jsonschema' 2>/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: the validators are not installed (run .ci/install-deps)"; exit 1
  fi
  echo "SKIP: sarif-multitool or python3-jsonschema missing (run .ci/install-deps)"; exit 77
fi

cat > "$work/odd tree/sub dir/weird, \"name\" #1 ü.cu" <<'CU'
#include <cuda_runtime.h>
__global__ void k(float* x) { x[0] = 1; }
void f(float* p) { cudaMalloc(&p, 4); k<<<1, 1>>>(p); cudaNotARealApi(p); }
CU

fail=0
for tree in "$src/samples" "$work/odd tree"; do
  name=$(basename "$tree" | tr ' ' '_')
  "$opscope" scan "$tree" --no-config --format json,sarif -o "$work/$name" >/dev/null || { echo "FAIL: scan of $tree"; exit 1; }
  # The same results through `opscope report`, which derives the porting plan (summary.<p>.plan).
  "$opscope" report "$work/$name/opscope-report.json" --format json,sarif -o "$work/$name-plan" >/dev/null ||
    { echo "FAIL: report of $tree"; exit 1; }
  for dir in "$work/$name" "$work/$name-plan"; do
  python3 - "$src/reports/schema/opscope-report-v1.schema.json" "$dir/opscope-report.json" "$dir" <<'PY' || fail=1
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(report), key=lambda e: list(e.path))
for e in errors[:20]:
    print("JSON schema:", "/".join(map(str, e.path)), e.message)
if not report["findings"]:
    print("JSON: no findings at all"); sys.exit(1)
if sys.argv[3].endswith("-plan") and not all("plan" in s for s in report["summary"].values()):
    print("JSON: opscope report gives no summary.<platform>.plan"); sys.exit(1)
sys.exit(1 if errors else 0)
PY
  rm -f "$dir/validation.sarif"
  out=$(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$validator" validate "$dir/opscope-report.sarif" \
        -o "$dir/validation.sarif" 2>&1)
  rc=$?
  echo "$out"
  if [ $rc -ne 0 ] || echo "$out" | grep -Eq ': error [A-Z]+[0-9]+'; then echo "FAIL: SARIF of $dir"; fail=1; fi
  done
done
[ $fail -eq 0 ] && echo "PASS: JSON schema and SARIF 2.1.0 validation"
exit $fail
