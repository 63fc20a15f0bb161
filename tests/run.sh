#!/bin/sh
# Run every test against the build in $1: the unit tests (build/tests/test_*,
# cmocka) and the end-to-end scripts (tests/e2e_*.sh).  With --valgrind,
# each runs under valgrind's memcheck and any error or leak fails it.
# Prints one line per test and a closing "N passed, N failed" line.
BUILD=${1:-build}
MODE=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
export YS_ROOT="$ROOT"
export YS_SHARED="${YS_SHARED:-$ROOT/../shared}"
export YUSUAN="$ROOT/$BUILD/yusuan"
export YS_BUILD="$ROOT/$BUILD"
WRAP=""
if [ "$MODE" = "--valgrind" ]; then
  WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
fi
export YS_WRAP="$WRAP"
[ -d "$YS_SHARED" ] || echo "note: $YS_SHARED is absent: tests that read the shared documents will skip"
pass=0; fail=0; failed=""
LOG="$ROOT/$BUILD/test-logs"; mkdir -p "$LOG"
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  if $WRAP "$t" > "$LOG/$name.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -n 30 "$LOG/$name.log"
  fi
done
for t in tests/e2e_*.sh; do
  [ -f "$t" ] || continue
  name=$(basename "$t" .sh)
  if sh "$t" > "$LOG/$name.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $name"; grep -h '^skip' "$LOG/$name.log" | head -n 5
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -n 30 "$LOG/$name.log"
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
