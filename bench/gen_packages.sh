#!/bin/sh
# gen_packages.sh N DIR — write N generated budget packages (CSV folders)
# into DIR/dept-0001 … : each with 1–3 units, 20–60 line items over function
# 项 and economic 款 codes taken from data/codes (valid for every year),
# 2–8 projects with details, prior figures and reasons for everything the
# narrative compares.  Amounts are pseudo-random in 元 with two decimals (fixed seed:
# the same N gives the same packages).
set -eu
N=${1:-1000}
DIR=${2:-/tmp/ys_bench_pkgs}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$DIR"
FUNCS=$(awk -F'\t' '$1=="F" && $3==3 && $5==0 && $6==0 {printf "%s ", $2}' "$ROOT/data/codes/function.tsv")
ECONS=$(awk -F'\t' '$1=="E" && $3==2 && $5==0 && $6==0 {printf "%s ", $2}' "$ROOT/data/codes/econ.tsv")
awk -v n="$N" -v dir="$DIR" -v funcs="$FUNCS" -v econs="$ECONS" '
function amt(lo, hi) { return sprintf("%.2f", lo + int(rand() * (hi - lo) * 100) / 100) }
function pick(arr, k) { return arr[1 + int(rand() * k)] }
BEGIN {
  srand(20260101)
  nf = split(funcs, F, " "); ne = split(econs, E, " ")
  for (i = 1; i <= ne; i++) if (substr(E[i], 1, 3) == "301" || substr(E[i], 1, 3) == "303") P[++np] = E[i]; else Q[++nq] = E[i]
  for (d = 1; d <= n; d++) {
    pk = sprintf("%s/dept-%04d", dir, d); system("mkdir -p " pk)
    code = sprintf("%03d", 100 + d % 900)
    print "key,value\ndepartment,生成部门" d "\ndepartment_code," code "\nyear,2026\nunit,万元" > pk "/meta.csv"
    nu = 1 + int(rand() * 3)
    print "code,name,kind,is_base" > pk "/units.csv"
    for (u = 1; u <= nu; u++) { U[u] = sprintf("%s%03d", code, u); print U[u] ",生成部门" d "单位" u "," (u == 1 ? "行政" : "事业") "," (u == 1) > pk "/units.csv" }
    print "unit,function,economic,kind,project,source,amount" > pk "/lines.csv"
    delete seen; delete used; nl = 20 + int(rand() * 40); total = 0; admin = 0
    for (l = 1; l <= nl; l++) {
      u = U[1 + int(rand() * nu)]; f = pick(F, nf)
      if (rand() < 0.6) { e = pick(P, np); k = "人员经费" } else { e = pick(Q, nq); k = "公用经费" }
      key = u "," f "," e "," k
      if (key in seen) continue
      seen[key] = 1; a = amt(1000, 900000); used[f] += a; total += a
      if (k == "公用经费" && u == U[1]) admin += a
      print u "," f "," e "," k ",,gpb," a > pk "/lines.csv"
    }
    npj = 2 + int(rand() * 7)
    print "code,name,unit,category,category_code,purpose" > pk "/projects.csv"
    print "project,kind,name,quantity,amount" > pk "/project_items.csv"
    for (j = 1; j <= npj; j++) {
      pc = sprintf("4201112%s%03dT%09d", "6", d % 1000, j); u = U[1 + int(rand() * nu)]
      cat = rand() < 0.3 ? "其他运转类,22" : "本级支出项目,31"
      print pc ",生成项目" j "," u "," cat ",工作经费" > pk "/projects.csv"
      a1 = amt(10000, 500000); a2 = amt(10000, 500000); a = sprintf("%.2f", a1 + a2)
      f = pick(F, nf); e = pick(Q, nq); used[f] += a; total += a
      print u "," f "," e ",项目," pc ",gpb," a > pk "/lines.csv"
      print pc ",detail,明细甲,," a1 "\n" pc ",detail,明细乙,," a2 "\n" pc ",procurement,采购,1," a1 > pk "/project_items.csv"
    }
    print "year,item,code,amount\n2025,total,," amt(total * 0.8, total * 1.2) "\n2025,gpb.total,," amt(total * 0.8, total * 1.2) "\n2025,admin_cost,," amt(admin * 0.8 + 1, admin * 1.2 + 2) > pk "/prior.csv"
    for (f in used) print "2025,func," f "," amt(used[f] * 0.8, used[f] * 1.2) > pk "/prior.csv"
    print "key,code,text\nduty,,负责生成的职责；\norganisation,,本部门预算包括本级预算。" > pk "/texts.csv"
    print "reason,total,业务调整\nreason,gpb.total,业务调整\nreason,admin_cost,公用经费调整" > pk "/texts.csv"
    for (f in used) print "reason,func:" f ",人员和业务变动" > pk "/texts.csv"
    close(pk "/meta.csv"); close(pk "/units.csv"); close(pk "/lines.csv"); close(pk "/projects.csv")
    close(pk "/project_items.csv"); close(pk "/prior.csv"); close(pk "/texts.csv")
  }
}'
echo "$N packages in $DIR"
