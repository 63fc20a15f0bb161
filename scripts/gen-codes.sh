#!/bin/sh
# Compile data/codes/<kind>.tsv into a C table (stdout).  Columns:
# kind code level name year_from year_to source.
set -e
echo '/* Generated from data/codes/<kind>.tsv by scripts/gen-codes.sh. Do not edit. */'
echo '#include "yusuan/codes.h"'
echo 'const ys_code ys_codes_table[] = {'
cat "$@" | tr -d '\r' | awk -F'\t' '
  /^#/ || NF < 7 { next }
  { gsub(/\\/, "\\\\", $4); gsub(/"/, "\\\"", $4); gsub(/\\/, "\\\\", $7); gsub(/"/, "\\\"", $7)
    printf "  {%s, \"%s\", \"%s\", %d, %d, %d, \"%s\"},\n",
      ($1 == "E" ? "YS_CODE_ECON" : "YS_CODE_FUNCTION"), $2, $4, $3, $5, $6, $7; n++ }
  END { print "};"; printf "const int ys_codes_table_n = %d;\n", n }'
