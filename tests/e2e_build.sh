#!/bin/sh
# e2e_build.sh — `yusuan check` and `yusuan build` end to end:
#  - broken packages (unknown code, wrong kind, an amount that does not parse,
#    a missing sheet, a missing column, a project without details, duplicate
#    lines) each give a located error FILE:LINE, exit 2 and no output files;
#  - the example builds in every format; `yusuan audit` on the built txt
#    reports no error and no warning, and with --rounding balanced nothing.
# Gets $YUSUAN, $YS_ROOT, $YS_WRAP from tests/run.sh.
set -u
YUSUAN=${YUSUAN:-build/yusuan}
ROOT=${YS_ROOT:-.}
WRAP=${YS_WRAP:-}
EX="$ROOT/examples/hongshan-2026"
TMP=$(mktemp -d /tmp/ys_e2e_build.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# A fresh copy of the example to break.
fresh() { rm -rf "$TMP/pkg"; cp -r "$EX" "$TMP/pkg"; }

# build must fail with exit 2, name FILE:LINE on stderr, and leave no files.
expect_broken() {
  what=$1 file=$2 line=$3
  rm -rf "$TMP/out"
  $WRAP "$YUSUAN" build "$TMP/pkg" -o "$TMP/out" > "$TMP/stdout" 2> "$TMP/stderr"
  rc=$?
  [ "$rc" -eq 2 ] || bad "$what: exit $rc, expected 2"
  if [ "$line" -gt 0 ]; then
    grep -q "$file:$line: " "$TMP/stderr" || { bad "$what: no '$file:$line: ' in:"; cat "$TMP/stderr"; }
  else
    grep -q "$file" "$TMP/stderr" || { bad "$what: '$file' not named in:"; cat "$TMP/stderr"; }
  fi
  if [ -d "$TMP/out" ] && [ -n "$(ls -A "$TMP/out")" ]; then
    bad "$what: output files were left: $(ls "$TMP/out")"
  fi
  echo "ok: $what -> $(head -n 1 "$TMP/stderr")"
}

# the line number (1-based) of the first line matching a fixed string
line_of() { grep -n -F -- "$2" "$1" | head -n 1 | cut -d: -f1; }

# 1. unknown function code
fresh
n=$(line_of "$TMP/pkg/lines.csv" "2101102,30110")
sed -i "${n}s/2101102/2101199/" "$TMP/pkg/lines.csv"
expect_broken "unknown code" lines.csv "$n"
# check reports the same place with exit 1
$WRAP "$YUSUAN" check "$TMP/pkg" > "$TMP/check" 2>&1; rc=$?
[ "$rc" -eq 1 ] || bad "check on unknown code: exit $rc, expected 1"
grep -q "lines.csv:$n: error\[P.code\]" "$TMP/check" || { bad "check: no located P.code"; cat "$TMP/check"; }

# 2. wrong kind: an office-expense line booked as 人员经费
fresh
n=$(line_of "$TMP/pkg/lines.csv" "30207,公用经费")
sed -i "${n}s/30207,公用经费/30207,人员经费/" "$TMP/pkg/lines.csv"
expect_broken "wrong kind" lines.csv "$n"

# 3. an amount that does not parse
fresh
n=$(line_of "$TMP/pkg/lines.csv" "30209,公用经费")
sed -i "${n}s/,[0-9.]*\$/,29OO3OO.OO/" "$TMP/pkg/lines.csv"
expect_broken "bad amount" lines.csv "$n"

# 4. a missing sheet
fresh
rm "$TMP/pkg/projects.csv"
expect_broken "missing sheet" projects.csv 0

# 5. a missing column
fresh
sed -i '1s/,economic,/,econ,/' "$TMP/pkg/lines.csv"
expect_broken "missing column" lines.csv 1

# 6. a project without details
fresh
grep -v '^42011126014Y000000101,detail,' "$EX/project_items.csv" > "$TMP/pkg/project_items.csv"
n=$(line_of "$TMP/pkg/projects.csv" "42011126014Y000000101,")
expect_broken "project without details" projects.csv "$n"

# 7. duplicate lines
fresh
dup=$(sed -n 5p "$TMP/pkg/lines.csv")
echo "$dup" >> "$TMP/pkg/lines.csv"
n=$(wc -l < "$TMP/pkg/lines.csv")
expect_broken "duplicate line" lines.csv "$n"

# The example itself: check is clean, build writes every format.
$WRAP "$YUSUAN" check "$EX" > "$TMP/check" 2>&1 || { bad "check on the example failed"; cat "$TMP/check"; }
for mode in half-up balanced; do
  out="$TMP/$mode"
  if ! $WRAP "$YUSUAN" build "$EX" -o "$out" --rounding "$mode" > "$TMP/stdout" 2> "$TMP/stderr"; then
    bad "build ($mode) failed"; cat "$TMP/stderr"; continue
  fi
  for ext in txt md html xlsx json; do
    [ -s "$out/budget-2026.$ext" ] || bad "build ($mode): no budget-2026.$ext"
  done
  [ -s "$out/budget-2026-5-1.csv" ] || bad "build ($mode): no table CSV"
  "$YUSUAN" audit "$out/budget-2026.txt" > "$TMP/audit" 2>&1
  errors=$(grep -c ': error\[' "$TMP/audit")
  warnings=$(grep -c ': warning\[' "$TMP/audit")
  notes=$(grep -c ': note\[' "$TMP/audit")
  echo "audit ($mode): $errors errors, $warnings warnings, $notes notes"
  if [ "$errors" -ne 0 ] || [ "$warnings" -ne 0 ]; then
    bad "audit of the built txt ($mode) is not clean"; grep -E ': (error|warning)\[' "$TMP/audit" | head -n 20
  fi
  if [ "$mode" = balanced ] && [ "$notes" -ne 0 ]; then
    bad "audit of the balanced txt has notes"; head -n 20 "$TMP/audit"
  fi
done

# The complete small example of docs/package.md checks, builds and audits clean.
mkdir -p "$TMP/doc"
awk -v dir="$TMP/doc" '
  /^`[a-z_]+\.csv`$/ { name = substr($0, 2, length($0) - 2); next }
  /^```/ { if (name != "" && !inside) { inside = 1; next } if (inside) { inside = 0; name = ""; next } }
  inside { print > (dir "/" name) }' "$ROOT/docs/package.md"
[ -f "$TMP/doc/lines.csv" ] || bad "docs/package.md: no example found"
$WRAP "$YUSUAN" check "$TMP/doc" > "$TMP/check" 2>&1 || { bad "check on the docs example"; cat "$TMP/check"; }
[ -s "$TMP/check" ] && { bad "check on the docs example is not silent"; cat "$TMP/check"; }
if $WRAP "$YUSUAN" build "$TMP/doc" -o "$TMP/docout" > /dev/null 2> "$TMP/stderr"; then
  "$YUSUAN" audit "$TMP/docout/budget-2026.txt" > "$TMP/audit" 2>&1 || { bad "audit of the docs example"; head "$TMP/audit"; }
else
  bad "build of the docs example"; cat "$TMP/stderr"
fi

[ "$fail" -eq 0 ] && echo "e2e_build: all passed"
exit "$fail"
