#!/bin/sh
# Run every benchmark against the given binary (default build/yusuan).
# Not part of CI: figures go into issue notes, never into test assertions.
BIN=${1:-build/yusuan}
for b in "$(dirname "$0")"/bench_*.sh; do
  echo "== $(basename "$b")"
  sh "$b" "$BIN"
done
