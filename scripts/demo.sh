#!/bin/sh
# demo.sh — `make demo`: build the example department (examples/hongshan-2026)
# into out/demo in every format, audit the txt it produced, and say where
# the output is.  $1 = the yusuan binary.
set -u
BIN=${1:-build/yusuan}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
OUT=out/demo
EX=examples/hongshan-2026
echo "== yusuan check $EX"
"$BIN" check "$EX" || exit 2
echo "== yusuan build $EX -o $OUT"
rm -rf "$OUT"; mkdir -p "$(dirname "$OUT")"
"$BIN" build "$EX" -o "$OUT" --format txt,md,html,xlsx,csv,json || exit 2
echo "== yusuan audit $OUT/budget-2026.txt"
"$BIN" audit "$OUT/budget-2026.txt"
rc=$?
echo
echo "output: $ROOT/$OUT"
ls "$OUT" | sed 's/^/  /'
echo "open $ROOT/$OUT/budget-2026.html in a browser; the audit above exited $rc (0 = no error)."
exit 0
