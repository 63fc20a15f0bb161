#!/bin/sh
# Compile data/codes/<kind>.tsv into a C table (stdout).  Columns:
# kind code level name year_from year_to source.
# Also the table's entries ordered by kind, code (byte order, as strcmp)
# and table order (ys_codes_order): lookups binary-search it, and sorting
# it here spares every run the sort.
set -e
TAB=$(printf '\t')
rows=$(cat "$@" | tr -d '\r' | awk -F'\t' '/^#/ || NF < 7 { next } { print }')
echo '/* Generated from data/codes/<kind>.tsv by scripts/gen-codes.sh. Do not edit. */'
echo '#include "yusuan/codes.h"'
echo 'const ys_code ys_codes_table[] = {'
printf '%s\n' "$rows" | awk -F'\t' '
  NF < 7 { next }
  { gsub(/\\/, "\\\\", $4); gsub(/"/, "\\\"", $4); gsub(/\\/, "\\\\", $7); gsub(/"/, "\\\"", $7)
    printf "  {%s, \"%s\", \"%s\", %d, %d, %d, \"%s\"},\n",
      ($1 == "E" ? "YS_CODE_ECON" : "YS_CODE_FUNCTION"), $2, $4, $3, $5, $6, $7; n++ }
  END { print "};"; printf "const int ys_codes_table_n = %d;\n", n }'
echo 'const int ys_codes_order[] = {'
# kind as its enum value (YS_CODE_FUNCTION 0, YS_CODE_ECON 1), code, index
printf '%s\n' "$rows" | awk -F'\t' 'NF >= 7 { printf "%d\t%s\t%d\n", ($1 == "E"), $2, n++ }' |
  LC_ALL=C sort -t "$TAB" -k1,1n -k2,2 -k3,3n | awk -F'\t' '{ printf "  %d,\n", $3 } END { if (!NR) print "  0," }'
echo '};'
