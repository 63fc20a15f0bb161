#!/bin/sh
# bench_build.sh [BIN] [N] — build all formats for N (default 1000) generated
# departments (bench/gen_packages.sh), one `yusuan build` per department.
# Prints the wall time of the whole run, the per-department mean, the
# largest peak resident memory of any one build (GNU time's %M), the CPU
# time (user + sys; wall time suffers on a loaded machine), and
# audits a sample of the built txt files.
set -u
BIN=${1:-build/yusuan}
N=${2:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/ys_bench_build.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
sh "$HERE/gen_packages.sh" "$N" "$WORK/pkgs" > /dev/null || exit 2
TIME=""
[ -x /usr/bin/time ] && TIME="/usr/bin/time -f %M:%U:%S -a -o $WORK/rss"
start=$(date +%s.%N)
fails=0
for p in "$WORK"/pkgs/dept-*; do
  $TIME "$BIN" build "$p" -o "$WORK/out/$(basename "$p")" > /dev/null 2>> "$WORK/errors" || fails=$((fails + 1))
done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$N" -v f="$fails" 'BEGIN {
  printf "build all formats: %d departments in %.2f s (%.1f ms each), %d failed\n", n, e - s, (e - s) * 1000 / n, f }'
[ -f "$WORK/rss" ] && awk -F: -v n="$N" '{ if ($1 > m) m = $1; cpu += $2 + $3 }
  END { printf "peak memory of one build: %.1f MiB; CPU (user+sys) %.2f s in all, %.1f ms each\n",
        m / 1024, cpu, cpu * 1000 / n }' "$WORK/rss"
du -sh "$WORK/out" | awk '{ print "output: " $1 }'
bad=0
for i in 0001 0100 0500; do
  t="$WORK/out/dept-$i/budget-2026.txt"
  [ -f "$t" ] || continue
  "$BIN" audit "$t" | grep -qE ': (error|warning)\[' && bad=$((bad + 1))
done
echo "audit of 3 sampled builds: $bad with errors or warnings"
