#!/bin/sh
# End-to-end: `yusuan audit` exit codes (0 clean, 1 errors, 2 could not
# run), located messages on stderr, the findings the reference document must
# give (and must not give) in text and JSON, and a clean document written
# here that must give no error or warning.
# Environment (tests/run.sh): YUSUAN, YS_SHARED, YS_WRAP.
set -u
Y="${YS_WRAP:-} ${YUSUAN:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# run ARGS...: stdout → $T/out, stderr → $T/err, exit code → $rc
run() { $Y audit "$@" > "$T/out" 2> "$T/err"; rc=$?; }

expect_fail() { # name file
  run "$2"
  if [ "$rc" -ne 2 ]; then fail "$1: exit $rc, want 2"; return; fi
  if [ -s "$T/out" ]; then fail "$1: stdout not empty"; return; fi
  if ! grep -q "^yusuan: $2:[0-9][0-9]*: " "$T/err"; then fail "$1: no located message: $(cat "$T/err")"; return; fi
  ok "$1 → 2: $(head -n 1 "$T/err")"
}

# ---- could not run ----
expect_fail "missing file" "$T/no-such-file.txt"
: > "$T/empty.txt"
expect_fail "empty file" "$T/empty.txt"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000\001\000\000\000' > "$T/binary.dat"
head -c 2000 /dev/urandom >> "$T/binary.dat"
expect_fail "binary file" "$T/binary.dat"
printf '会议纪要\n\n今天讨论了下周的工作安排。\n参会人员：张三、李四。\n' > "$T/prose.txt"
expect_fail "not a disclosure" "$T/prose.txt"
run --format xml "$T/prose.txt"
[ "$rc" -eq 2 ] && ok "bad flag → 2" || fail "bad flag: exit $rc"
run --bogus "$T/prose.txt"
[ "$rc" -eq 2 ] && ok "unknown option → 2" || fail "unknown option: exit $rc"

# ---- a small clean document ----
TAB=$(printf '\t')
cat > "$T/clean.txt" <<EOF
示例局 2026 年部门预算编制说明

第二部分 示例局 2026 年部门预算表

一、部门收支总表

表1

部门收支总表

收 入${TAB}${TAB}支 出${TAB}
项 目${TAB}预算数${TAB}项 目${TAB}预算数
一、一般公共预算拨款收入${TAB}100.00${TAB}一、一般公共服务支出${TAB}60.00
${TAB}${TAB}二、教育支出${TAB}40.00
本年收入合计${TAB}100.00${TAB}本年支出合计${TAB}100.00
上年结转结余${TAB}${TAB}年终结转结余${TAB}
收 入 总 计${TAB}100.00${TAB}支 出 总 计${TAB}100.00

三、部门支出总表

表3

部门支出总表

单位：万元

科目编码${TAB}科目名称${TAB}合计${TAB}基本支出${TAB}项目支出${TAB}事业单位经营支出${TAB}上缴上级支出${TAB}对附属单位补助支出
${TAB}合计${TAB}100.00${TAB}70.00${TAB}30.00${TAB}${TAB}${TAB}
201${TAB}一般公共服务支出${TAB}60.00${TAB}30.00${TAB}30.00${TAB}${TAB}${TAB}
20103${TAB}政府办公厅（室）及相关机构事务${TAB}60.00${TAB}30.00${TAB}30.00${TAB}${TAB}${TAB}
2010301${TAB}行政运行${TAB}30.00${TAB}30.00${TAB}${TAB}${TAB}${TAB}
2010302${TAB}一般行政管理事务${TAB}30.00${TAB}${TAB}30.00${TAB}${TAB}${TAB}
205${TAB}教育支出${TAB}40.00${TAB}40.00${TAB}${TAB}${TAB}${TAB}

EOF
# the same tables with a part 3 that restates them correctly (a whole
# disclosure needs every table, so other families report what is missing:
# only this family's rules must stay silent)
cp "$T/clean.txt" "$T/narrated.txt"
cat >> "$T/narrated.txt" <<EOF
第三部分 示例局 2026 年部门预算情况说明

一、收支预算总体安排情况

2026 年收支总预算 100.00 万元，比 2025 年预算减少 10.00 万元，下降 9.09%。

三、支出预算安排情况

2026 年支出预算 100.00 万元，其中：基本支出 70.00 万元，占 70%；项目支出 30.00 万元，占 30%。
EOF
run "$T/clean.txt"
if [ "$rc" -eq 0 ] && ! grep -Eq ': (error|warning)\[' "$T/out"; then ok "clean document → 0, no error or warning"
else fail "clean document: exit $rc: $(cat "$T/out" "$T/err")"; fi
run --format json "$T/clean.txt"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); ids=[t["id"] for t in d["tables"]]; assert "1" in ids and "3" in ids, ids; assert not [f for f in d["findings"] if f["severity"] != "note"], d["findings"]' "$T/out" \
  && ok "clean document JSON: tables 1 and 3, no error or warning" || fail "clean document JSON"

run "$T/narrated.txt"
if [ "$rc" -le 1 ] && ! grep -Eq ': (error|warning)\[(T|X|N)[0-9.]' "$T/out"; then
  ok "clean document with part 3: no table, cross-table or narrative finding"
else fail "clean document with part 3: exit $rc: $(cat "$T/out" "$T/err")"; fi

# the same document with one figure of the narrative wrong and one rate wrong
sed 's/基本支出 70.00 万元/基本支出 70.10 万元/; s/下降 9.09%/下降 9.2%/' "$T/narrated.txt" > "$T/broken.txt"
run "$T/broken.txt"
if [ "$rc" -eq 1 ] && grep -q 'error\[N.out.basic\]' "$T/out" && grep -q 'error\[N.rate\]' "$T/out"; then ok "broken copy → 1 with N.out.basic and N.rate"
else fail "broken copy: exit $rc: $(cat "$T/out")"; fi

# several files: one count line per file at the end
run "$T/clean.txt" "$T/broken.txt"
if [ "$rc" -eq 1 ] && tail -n 2 "$T/out" | head -n 1 | grep -q "^$T/clean.txt: 0 个错误, 0 个警告, 0 个提示$" \
   && tail -n 1 "$T/out" | grep -q "^$T/broken.txt: [1-9][0-9]* 个错误"; then ok "two files: summary lines"
else fail "two files: exit $rc: $(cat "$T/out")"; fi
run --format json "$T/clean.txt" "$T/broken.txt"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and len(d) == 2' "$T/out" \
  && ok "two files JSON: an array of two" || fail "two files JSON"

# ---- the reference document ----
REF="${YS_SHARED:-../shared}/documents/000_b019c8698d50126e.txt"
if [ ! -f "$REF" ]; then
  echo "skip: $REF is absent"
else
  run "$REF"
  [ "$rc" -eq 1 ] && ok "reference → 1" || fail "reference: exit $rc ($(head -n 3 "$T/err"))"
  cp "$T/out" "$T/ref.txt"
  # the line numbers below are worked out from the document with grep
  missing=$(grep -n '财政拨款收支总预算万元' "$REF" | cut -d: -f1)
  health=$(grep -n '卫生健康支出 83.87' "$REF" | cut -d: -f1)
  form=$(grep -n '2026年预算为762.85万' "$REF" | cut -d: -f1)
  rate=$(grep -n '下降9.31%' "$REF" | cut -d: -f1)
  grep -q "error\[N.missing\]: .*财政拨款收支总预算" "$T/ref.txt" && grep -q ":$missing: error\[N.missing\]" "$T/ref.txt" \
    && ok "missing figure (line $missing) is an error" || fail "missing figure at line $missing"
  grep -Eq ': (warning|error)\[[^]]*\]: .*83\.87 万元.*83\.88 万元' "$T/ref.txt" \
    && ok "83.87 vs 83.88 reported" || fail "83.87 vs 83.88 not reported"
  grep -q 'error\[T12.year\]: .*762\.85 万元.*672\.85 万元' "$T/ref.txt" \
    && ok "762.85 vs 672.85 is an error" || fail "762.85 vs 672.85"
  grep -q 'note\[T1.out\]: .*2,877.94 万元.*2,877.95 万元' "$T/ref.txt" && ! grep -q 'error\[T1.out\]' "$T/ref.txt" \
    && ok "2561.10+84.78+83.88+148.19 vs 2877.94 is a note, not an error" || fail "T1 residue"
  ! grep -q ":$rate: [a-z]*\[N.rate\]" "$T/ref.txt" && ok "下降 9.31% (line $rate) not reported" || fail "9.31% reported"
  run --format json "$REF"
  [ "$rc" -eq 1 ] || fail "reference JSON: exit $rc"
  if python3 -m json.tool "$T/out" > /dev/null; then ok "reference JSON is valid"; else fail "reference JSON invalid"; fi
  python3 - "$T/out" "$missing" "$health" "$form" <<'PY' && ok "reference JSON findings and lines" || fail "reference JSON findings"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
missing, health, form = (int(x) for x in sys.argv[2:5])
f = d["findings"]
def has(pred):
    return any(pred(x) for x in f)
assert d["year"] == 2026 and d["department"], d["department"]
assert {"1", "3", "10"} <= {t["id"] for t in d["tables"]}
assert d["unread"] == [], d["unread"]
assert has(lambda x: x["rule"] == "N.missing" and x["severity"] == "error" and missing in x["lines"])
assert has(lambda x: "83.87" in x["message"] and health in x["lines"] and x["severity"] == "warning")
assert has(lambda x: x["rule"] == "T12.year" and x["severity"] == "error" and "762.85" in x["actual"] + x["message"])
assert not has(lambda x: x["rule"] == "T1.out" and x["severity"] == "error")
for x in f:
    assert x["severity"] in ("error", "warning", "note") and x["lines"] == sorted(x["lines"])
PY
  # table 2's header clipped at the page's edge as a PDF may be: its
  # second row ends in a label no column answers to ("一般公共预算" read
  # "一公预") and lacks the columns after it.  The table is named as found
  # but unread, at its header's line, not called absent.
  head2=$(grep -n '^部门（单位） 代码' "$REF" | head -n 1 | cut -d: -f1)
  awk -v n=$((head2 + 1)) -F '\t' 'BEGIN { OFS = "\t" } NR == n { $16 = "一公预"; NF = 16 } { print }' "$REF" > "$T/garbled.txt"
  run "$T/garbled.txt"
  grep -q ":$head2: error\[DOC.required\]: 表2（部门收入总表）表头无法识别（“一公预”" "$T/out" &&
    ! grep -q '表2（部门收入总表）缺失' "$T/out" \
    && ok "table 2 with a garbled label: unread at line $head2, not absent" \
    || fail "table 2 with a garbled label: $(grep '表2' "$T/out")"
  run --format json "$T/garbled.txt"
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["unread"] == [{"id": "2", "label": "一公预", "line": int(sys.argv[2])}], d["unread"]
assert "2" not in {t["id"] for t in d["tables"]}' "$T/out" "$head2" \
    && ok "table 2 with a garbled label: JSON lists it unread" || fail "table 2 unread in JSON"
fi

echo "$fails failed"
[ "$fails" -eq 0 ]
