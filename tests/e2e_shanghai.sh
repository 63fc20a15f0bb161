#!/bin/sh
# End-to-end: `yusuan audit` on the four Shanghai documents (9-table layout,
# data/profiles/shanghai.profile), each from its PDF and from its .txt:
# exit code 1 (the three district ones hold real disagreements), the known real defects are
# reported at their line with their figures, and the PDF and the .txt give
# the same findings (rule ids and messages, line numbers aside).  A copy of
# a .txt without one section heading gets DOC.required for that section.
# Environment (tests/run.sh): YUSUAN, YS_SHARED, YS_WRAP.
set -u
Y="${YS_WRAP:-} ${YUSUAN:?}"
D="${YS_SHARED:-../shared}/documents/shanghai"
if [ ! -f "$D/sh_putuo_wanli_2024_dept.pdf" ]; then
  echo "skip: $D is absent"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

DOCS="sh_putuo_caizhengju_2025_dept sh_putuo_wanli_2023_dept sh_putuo_wanli_2024_dept sh_shi_caizhengju_2025_unit"

for s in $DOCS; do
  for e in pdf txt; do
    $Y audit "$D/$s.$e" > "$T/$s.$e" 2> "$T/$s.$e.err"
    rc=$?
    # the municipal 2025 unit document holds no real error: exit 0
    want=1
    if [ "$s" = sh_shi_caizhengju_2025_unit ]; then want=0; fi
    if [ "$rc" -ne "$want" ]; then fail "$s.$e: exit $rc, want $want: $(head -n 2 "$T/$s.$e.err")"; continue; fi
    if [ -s "$T/$s.$e.err" ]; then fail "$s.$e: stderr: $(head -n 2 "$T/$s.$e.err")"; continue; fi
    ok "$s.$e → $want, $(grep -c 'error\[' "$T/$s.$e") errors"
    # every table the document has is recognised: no 表N缺失或未能识别
    if grep -q 'DOC\.required' "$T/$s.$e"; then
      fail "$s.$e: $(grep 'DOC\.required' "$T/$s.$e" | head -n 1)"
    fi
  done
done

# has FILE LINE RULE TEXT...: a finding of RULE at LINE (any line when LINE is
# -) whose message holds every TEXT
has() {
  f=$1 l=$2 r=$3
  shift 3
  if [ "$l" = - ]; then pat=": error\[$r\]"; else pat=":$l: error\[$r\]"; fi
  grep "$pat" "$T/$f" > "$T/hits" || { fail "$f: no $r at line $l"; return; }
  for w in "$@"; do
    grep -F -- "$w" "$T/hits" > "$T/hits2" || { fail "$f: $r at line $l without '$w'"; return; }
    mv "$T/hits2" "$T/hits"
  done
  ok "$f: $r at line $l: $*"
}

# caizhengju 2025: item 7 says 职业年金 887.36万元, table 5-1 873,617 元 (87.36 万元)
has sh_putuo_caizhengju_2025_dept.txt 103 N.gpb.func 职业年金 "887.36 万元" "87.36 万元"
has sh_putuo_caizhengju_2025_dept.pdf - N.gpb.func 职业年金 "887.36 万元" "87.36 万元"
# wanli 2023: item 16 (职业年金) carries item 15's 441.25万元 / 60.54%
has sh_putuo_wanli_2023_dept.txt 128 C.restated 职业年金 "220.63 万元" "441.25 万元"
has sh_putuo_wanli_2023_dept.txt 128 C.prior_rate 职业年金 "60.54%"
has sh_putuo_wanli_2023_dept.pdf - C.restated 职业年金 "220.63 万元" "441.25 万元"
# wanli 2024: 住房公积金 352.67万元 in the text, 350.35 in table 5-1
has sh_putuo_wanli_2024_dept.txt 175 N.gpb.func 住房公积金 "352.67 万元" "350.35 万元"
has sh_putuo_wanli_2024_dept.pdf - N.gpb.func 住房公积金 "352.67 万元" "350.35 万元"

# wanli 2024: table 7 lists seven figures under a 注 that calls it empty
has sh_putuo_wanli_2024_dept.txt 791 DOC.empty_note 空表 "6 个非零金额"
has sh_putuo_wanli_2024_dept.pdf - DOC.empty_note 空表 "6 个非零金额"

# the same findings from the PDF and the .txt (line numbers aside; 表N缺失
# follows the reader gaps test_shanghai lists).  The .txt, pdftotext's
# reading, keeps the narrow gap office software sets between Chinese and
# Latin script as a space ("不少于 100人"); the PDF reader does not.
norm() {
  sed 's/^[^ ]* //; s/第[0-9]*行//g' "$1" | grep -v 'DOC\.required' |
    perl -CSD -pe 's/(?<=\p{Han}) (?=[0-9A-Za-z])//g; s/(?<=[0-9A-Za-z%]) (?=\p{Han})//g' | sort
}
for s in $DOCS; do
  norm "$T/$s.pdf" > "$T/a"
  norm "$T/$s.txt" > "$T/b"
  if diff "$T/a" "$T/b" > "$T/d"; then
    ok "$s: PDF and .txt give the same $(wc -l < "$T/a") findings"
  else
    fail "$s: PDF and .txt differ: $(head -n 6 "$T/d")"
  fi
done

# the sections of 其他相关情况说明 the profile requires (`section` lines) are
# checked: a copy of each .txt without one numbered heading ("二、机关运行经费
# 预算", "三、政府采购预算情况" or 2023's "三、政府采购情况") gets DOC.required
# naming that section, and nothing else changes
cut_section() { # DOC WORDS: audit DOC.txt without its heading that ends with WORDS
  s=$1 w=$2
  awk -v w="$w" '{ t = $0; gsub(/^[ \t\r]+|[ \t\r]+$/, "", t) }
      t ~ /^[一二三四五六七八九十]+、/ && substr(t, length(t) - length(w) + 1) == w { cut++; next }
      { print } END { if (cut != 1) exit 1 }' "$D/$s.txt" > "$T/cut.txt" ||
    { fail "$s.txt: no single heading ending with $w"; return; }
  $Y audit "$T/cut.txt" > "$T/cut.out" 2>&1
  grep 'DOC\.required' "$T/cut.out" > "$T/cut.req"
  if [ "$(wc -l < "$T/cut.req")" -ne 1 ] || ! grep -q "缺少“$3”一节" "$T/cut.req"; then
    fail "$s.txt without its $w heading: $(cat "$T/cut.req")"; return
  fi
  norm "$T/cut.out" > "$T/a"
  norm "$T/$s.txt" > "$T/b"
  if diff "$T/a" "$T/b" > "$T/d"; then ok "$s.txt without its $w heading: $(cat "$T/cut.req" | sed 's/^[^ ]* //')"
  else fail "$s.txt without its $w heading: other findings change: $(head -n 4 "$T/d")"; fi
}
for s in $DOCS; do
  cut_section "$s" 机关运行经费预算 机关运行经费预算
  case $s in
    sh_putuo_wanli_2023_dept) cut_section "$s" 政府采购情况 政府采购预算情况 ;;
    *) cut_section "$s" 政府采购预算情况 政府采购预算情况 ;;
  esac
done

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
