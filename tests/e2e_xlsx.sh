#!/bin/sh
# e2e_xlsx: the XLSX writer's workbook opened by LibreOffice gives back the
# figures of the CSV writer, sheet by sheet: each sheet is converted to CSV
# by `libreoffice --headless --convert-to csv` (all sheets, one file each)
# and compared with <base>-<table>.csv, row by row for the code tables,
# side by side for tables 1 and 4, as a multiset of amounts for the forms.
# Workbooks: the hand-built set of tests/test_writers.c and, when the build
# command works, `yusuan build examples/hongshan-2026`.
set -u
ROOT=${YS_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${YS_BUILD:-$ROOT/build}
LO=$(command -v libreoffice || command -v soffice || true)
if [ -z "$LO" ]; then echo "skip: libreoffice is not installed"; exit 0; fi
. "$ROOT/tests/lib_writers.sh"
writers_sample xlsx
DIRS="$T/out"
if [ -x "${YUSUAN:-}" ] && [ -d "$ROOT/examples/hongshan-2026" ]; then
  ${YS_WRAP:-} "$YUSUAN" build "$ROOT/examples/hongshan-2026" -o "$T/hs" --format xlsx,csv --name sample \
    >"$T/build.log" 2>&1 || { echo "FAIL: yusuan build examples/hongshan-2026"; cat "$T/build.log"; exit 1; }
  DIRS="$DIRS $T/hs"
else
  echo "skip: yusuan or examples/hongshan-2026 absent: only the hand-built workbook"
fi
fail=0
for D in $DIRS; do
echo "workbook: $D/sample.xlsx"
rm -rf "$T/lo"
# token 9 true: cells as shown (#,##0.00); token 12 -1: every sheet to its own file
timeout 300 "$LO" -env:UserInstallation="file://$T/lo-profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$T/lo" "$D/sample.xlsx" >"$T/lo.log" 2>&1
ls "$T"/lo/*.csv >/dev/null 2>&1 || { echo "FAIL: libreoffice converted nothing"; cat "$T/lo.log"; exit 1; }
python3 - "$D" "$T/lo" <<'PY'
import csv, glob, os, sys
from collections import Counter
from decimal import Decimal, InvalidOperation
out, lo = sys.argv[1], sys.argv[2]

def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))

def num(s):
    s = s.replace(",", "").strip()
    if not s or s.endswith("%"):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None

fail, checked = 0, 0
for path in sorted(glob.glob(os.path.join(out, "sample-*.csv"))):
    tid = os.path.basename(path)[len("sample-"):-len(".csv")]
    sheet = os.path.join(lo, "sample-表%s.csv" % tid)
    if tid == "11.projects":
        sheet = os.path.join(lo, "sample-表11.csv")  # part of table 11's form
    if not os.path.exists(sheet):
        print("FAIL: no sheet for table", tid); fail = 1; continue
    mine, theirs = read(path), read(sheet)
    head, body = mine[0], mine[1:]
    lead = 3 if len(head) > 2 and head[2] in ("项目单位", "类别") else 2
    if tid in ("1", "4"):
        want = Counter((r[1], num(r[2])) for r in body if num(r[2]) is not None)
        got = Counter()
        for r in theirs:
            for c in (0, 2):
                if len(r) > c + 1 and num(r[c + 1]) is not None:
                    got[(r[c], num(r[c + 1]))] += 1
        ok = want == got
    elif tid.startswith("11") or tid.startswith("12"):
        # the forms: every amount of the table is a number somewhere in its sheet
        want = Counter(num(x) for r in body for i, x in enumerate(r)
                       if i >= lead and "（个）" not in head[i] and num(x) is not None)
        got = Counter(num(x) for r in theirs for x in r if num(x) is not None)
        ok = all(got[k] >= v for k, v in want.items())
    else:
        rows = {}
        for r in theirs:
            if len(r) > lead:
                rows.setdefault((r[0], r[1]), []).append([num(x) for x in r[lead:]])
        ok = True
        for r in body:
            figs = [num(x) for x in r[lead:]]
            if figs not in rows.get((r[0], r[1]), []):
                print("FAIL: table %s row %s %s: %s not in the sheet" % (tid, r[0], r[1], figs))
                ok = False
    checked += 1
    if not ok:
        print("FAIL: table", tid, "differs between XLSX and CSV"); fail = 1
print("%d tables compared" % checked)
sys.exit(fail)
PY
[ $? -eq 0 ] || fail=1
done
exit $fail
