#!/bin/sh
# Audit throughput per input format: pages per second and MB/s of one whole
# `yusuan audit` process (median of $RUNS runs) on
#  - the reference budget (examples/hongshan-2026) as `yusuan build` writes
#    it (text, HTML, XLSX) and as LibreOffice converts that HTML (DOCX, PDF);
#    "layout text" is `pdftotext -layout` of that PDF.  Every format counts
#    the PDF's pages (pdfinfo), so pages/s compare across formats.
#  - the Shanghai PDFs in $YS_SHARED/documents/shanghai (pages from pdfinfo).
# Uses hyperfine (median from its JSON export); else a loop timed with
# date +%s%N (mean).  Not run by CI.  Usage: bench/bench_formats.sh [yusuan]
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$ROOT/build/yusuan}")
SHARED=${YS_SHARED:-$ROOT/../shared}
RUNS=${RUNS:-10}
[ -x "$BIN" ] || { echo "no $BIN: build it first"; exit 2; }
command -v pdfinfo >/dev/null || { echo "skip: pdfinfo (poppler-utils) is not installed"; exit 0; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

"$BIN" build "$ROOT/examples/hongshan-2026" -o "$T/ref" --format txt,html,xlsx --name ref \
  --rounding balanced >/dev/null || { echo "yusuan build failed"; exit 2; }
LO=$(command -v libreoffice || command -v soffice || true)
if [ -n "$LO" ]; then
  for f in 'docx:MS Word 2007 XML' pdf; do
    "$LO" -env:UserInstallation="file://$T/lo-profile" --headless --convert-to "$f" \
      --outdir "$T/ref" "$T/ref/ref.html" >/dev/null 2>&1
  done
  pdftotext -layout "$T/ref/ref.pdf" "$T/ref/ref-layout.txt"
else
  echo "note: libreoffice is not installed: no DOCX, PDF, layout text"
fi
REFPAGES=$(pdfinfo "$T/ref/ref.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
REFPAGES=${REFPAGES:-0}

# median seconds of `yusuan audit FILE`, whole process
seconds() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -i -w 2 -r "$RUNS" --export-json "$T/h.json" "$BIN audit $1" >/dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$T/h.json"
  else
    t0=$(date +%s%N); i=0
    while [ $i -lt "$RUNS" ]; do "$BIN" audit "$1" >/dev/null 2>&1; i=$((i + 1)); done
    t1=$(date +%s%N)
    echo "$t0 $t1 $RUNS" | awk '{printf "%.6f\n", ($2 - $1) / 1e9 / $3}'
  fi
}

row() { # label file pages
  [ -s "$2" ] || { printf '%-34s (absent)\n' "$1"; return; }
  s=$(seconds "$2"); bytes=$(wc -c <"$2")
  echo "$1 $bytes $3 $s" | awk '{printf "%-34s %9d B %3d pp %8.1f ms %8.1f pp/s %7.2f MB/s\n",
    $1, $2, $3, $4 * 1000, $3 / $4, $2 / $4 / 1e6}'
}

echo "yusuan audit, whole process, median of $RUNS runs ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs)"
row reference.txt "$T/ref/ref.txt" "$REFPAGES"
row reference-layout.txt "$T/ref/ref-layout.txt" "$REFPAGES"
row reference.html "$T/ref/ref.html" "$REFPAGES"
row reference.docx "$T/ref/ref.docx" "$REFPAGES"
row reference.xlsx "$T/ref/ref.xlsx" "$REFPAGES"
row reference.pdf "$T/ref/ref.pdf" "$REFPAGES"
for f in "$SHARED"/documents/shanghai/*.pdf; do
  [ -f "$f" ] || { echo "note: no Shanghai PDFs under $SHARED/documents/shanghai"; break; }
  row "$(basename "$f")" "$f" "$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')"
done
