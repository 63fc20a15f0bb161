#!/bin/sh
# Audit throughput: (1) whole-process time of `yusuan audit` on the reference
# document, median of N runs; (2) when perf is installed, the page faults of
# one run and of the usage message (on a VM each costs a few microseconds:
# what a run touches matters as much as what it computes); (3) when
# valgrind is installed, the instructions the process runs (callgrind:
# deterministic, unlike times on a busy machine), whole and for the main
# steps; (4) MB/s over many documents in one process (N copies passed as
# separate files) and over one large concatenation.  Uses hyperfine when
# installed (Debian package `hyperfine`), else a loop timed with date +%s%N.
BIN=$(realpath "${1:-build/yusuan}")
SHARED=${YS_SHARED:-$(dirname "$0")/../../shared}
DOC=$SHARED/documents/000_b019c8698d50126e.txt
[ -f "$DOC" ] || { echo "skip: $DOC is absent"; exit 0; }
DOC=$(realpath "$DOC")   # the copies below are links from another folder
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
RUNS=${RUNS:-50}

if command -v hyperfine >/dev/null 2>&1; then
  # -i: audit exits 1 when it has findings, which is not a failure here
  hyperfine -N -i -w 5 -r "$RUNS" --export-json "$TMP/hf.json" "$BIN audit $DOC" 2>/dev/null |
    grep -E 'Time|Range'
  # the issue's target is a median; hyperfine's summary shows the mean
  sed -n 's/^ *"median": *\([0-9.e+-]*\).*/\1/p' "$TMP/hf.json" | head -1 |
    awk '{ printf "reference document: median %.2f ms per whole process over '"$RUNS"' runs\n", $1 * 1000 }'
else
  t0=$(date +%s%N)
  i=0; while [ $i -lt "$RUNS" ]; do "$BIN" audit "$DOC" >/dev/null 2>&1; i=$((i+1)); done
  t1=$(date +%s%N)
  echo "reference document: mean $(( (t1 - t0) / RUNS / 1000 )) us per whole process over $RUNS runs"
fi

if command -v perf >/dev/null 2>&1; then
  faults() { perf stat -x, -e page-faults -r 20 "$@" 2>&1 >/dev/null | sed -n 's/^\([0-9]*\),.*page-faults.*/\1/p'; }
  echo "page faults: $(faults "$BIN" audit "$DOC") an audit, $(faults "$BIN") the usage message"
fi

if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
  valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" "$BIN" audit "$DOC" \
    >/dev/null 2>"$TMP/cg.err"
  echo "instructions: $(sed -n 's/.*refs: *//p' "$TMP/cg.err") whole process"
  callgrind_annotate --inclusive=yes "$TMP/cg.out" 2>/dev/null |
    grep -E ':(cmd_audit|ys_doc_read_file|ys_recognize|ys_forms_read|ys_narrative_read|ys_audit|ys_iviews_build) \[' |
    sed 's/^ *\([0-9,]*\) .*:\([a-z_]*\) \[.*/  \1  \2/'
fi

COPIES=${COPIES:-1000}
i=0; while [ $i -lt "$COPIES" ]; do ln -s "$DOC" "$TMP/d$i.txt"; i=$((i+1)); done
bytes=$(( $(wc -c < "$DOC") * COPIES ))
t0=$(date +%s%N)
"$BIN" audit "$TMP"/d*.txt > /dev/null 2>&1
t1=$(date +%s%N)
ns=$((t1 - t0))
echo "$COPIES documents in one process: $bytes bytes in $((ns / 1000000)) ms = $(( bytes * 1000 / (ns / 1000) )) kB/s"

CAT=${CAT:-200}
i=0; while [ $i -lt "$CAT" ]; do cat "$DOC"; i=$((i+1)); done > "$TMP/big.txt"
bytes=$(wc -c < "$TMP/big.txt")
t0=$(date +%s%N)
"$BIN" audit "$TMP/big.txt" > /dev/null 2>&1
t1=$(date +%s%N)
ns=$((t1 - t0))
echo "one concatenation of $CAT documents: $bytes bytes in $((ns / 1000000)) ms = $(( bytes * 1000 / (ns / 1000) )) kB/s"
