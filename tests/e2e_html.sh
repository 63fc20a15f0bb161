#!/bin/sh
# e2e_html: the HTML writer's page in headless Chromium — no console errors,
# a screenshot that is not blank (desktop and phone width), and the SVG
# charts with their <rect> bars present in the rendered DOM.
# Two pages: the hand-built table set of tests/test_writers.c (YS_WRITERS_OUT
# makes it write every format; it has prior-year figures, so three charts)
# and `yusuan build examples/hongshan-2026 --format html` (at least two).
# Printed (the built page): Chromium's PDF holds every column header of
# table 10 (项目支出表), as many times as the text build's header row gives
# it, on an A4 landscape page, while the pages of narrow tables are A4
# portrait.  LibreOffice's PDF of the page is checked the same way when
# LibreOffice is installed; it reads no named @page and cuts table 10 at a
# portrait page's right edge, so its missing headers are printed as
# "known:" lines and fail only under YS_STRICT (fitting the table changes
# the PDF that tests/e2e_roundtrip.sh reads back: see its KNOWN list).
set -u
ROOT=${YS_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${YS_BUILD:-$ROOT/build}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then echo "skip: chromium is not installed"; exit 0; fi
. "$ROOT/tests/lib_writers.sh"
writers_sample html
PAGES="$T/out/sample.html:3"
if [ -x "${YUSUAN:-}" ] && [ -d "$ROOT/examples/hongshan-2026" ]; then
  if ${YS_WRAP:-} "$YUSUAN" build "$ROOT/examples/hongshan-2026" -o "$T/hs" --format txt,html --name hs \
      >"$T/build.log" 2>&1; then
    PAGES="$PAGES $T/hs/hs.html:2"
  else
    echo "FAIL: yusuan build examples/hongshan-2026 --format html"; cat "$T/build.log"; exit 1
  fi
else
  echo "skip: yusuan or examples/hongshan-2026 absent: only the hand-built page"
fi

chrome() { # $1 = log file, rest = extra flags
  log=$1; shift
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$T/profile.XXXXXX")" --enable-logging=stderr --v=0 \
    "$@" "file://$PAGE" 2>"$log"
}

# A real page: the PNG decodes to the window's size and has many colours.
cat >"$T/png.py" <<'PY'
import struct, sys, zlib
path, size = sys.argv[1], sys.argv[2]
w0, h0 = (int(x) for x in size.split(","))
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h = struct.unpack(">II", body[:8])
    if kind == b"IDAT":
        idat += body
    pos += 12 + n
assert (w, h) == (w0, h0), "size %dx%d" % (w, h)
raw = zlib.decompress(idat)
distinct = len(set(raw[::7]))
assert distinct > 20, "only %d distinct byte values: a blank page?" % distinct
print("png %dx%d, %d bytes, %d distinct values" % (w, h, len(data), distinct))
PY

fail=0
n=0
for spec in $PAGES; do
  PAGE=${spec%:*}; want=${spec##*:}; n=$((n + 1))
  echo "page $n: $(basename "$PAGE")"
  for size in 1200,3000 390,2000; do
    png="$T/shot-$n-$size.png"
    chrome "$T/log-$n-$size.txt" --screenshot="$png" --window-size=$size >/dev/null
    if grep -E 'CONSOLE|Uncaught|console\(' "$T/log-$n-$size.txt"; then
      echo "FAIL: console messages at $size"; fail=1
    fi
    if ! python3 "$T/png.py" "$png" "$size"
    then echo "FAIL: screenshot at $size"; fail=1; fi
  done

  chrome "$T/log-dom.txt" --dump-dom >"$T/dom.html"
  svgs=$(grep -o '<svg' "$T/dom.html" | wc -l)
  rects=$(grep -o '<rect' "$T/dom.html" | wc -l)
  echo "dom: $svgs svg, $rects rect"
  [ "$svgs" -ge "$want" ] || { echo "FAIL: expected $want charts, found $svgs"; fail=1; }
  [ "$rects" -ge $((want * 2)) ] || { echo "FAIL: expected bars, found $rects rect"; fail=1; }
  grep -q '<script' "$T/dom.html" && { echo "FAIL: a script element in the page"; fail=1; }
done
# ---- printed: table 10 whole, on a landscape page ------------------------
# t10.py PDF TXT MODE: the PDF's text from the label 表10 to table 11 holds
# every header label of table 10 in TXT (the header rows: tab-separated
# lines before the first with a figure); MODE "landscape": each as often as
# the header has it, table 10's first page wider than high and table 3's
# higher than wide; MODE "any": each label at least once.
cat >"$T/t10.py" <<'PY'
import re, subprocess, sys
pdf, txt, orient = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(txt, encoding="utf-8").read().split("\n")
i = lines.index("表10")
head = []
for l in lines[i + 1:]:
    if "\t" not in l:
        if head: break
        continue
    if re.search(r"\d\.\d\d", l): break
    head.append(l)
labels = [c for l in head for c in l.split("\t") if c.strip()]
assert len(labels) >= 10, "table 10's header in hs.txt: %r" % labels
pages = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout.split("\f")
flat = ["".join(p.split()) for p in pages]
first = next(k for k, p in enumerate(flat) if re.search(r"表10(?!\d)", p))
last = next((k for k in range(first, len(flat)) if "整体支出绩效目标" in flat[k]), len(flat) - 1)
text = "".join(flat[first:last + 1])
text = text[text.index("表10"):]
text = text[:text.find("整体支出绩效目标")] if "整体支出绩效目标" in text else text
# a browser writes a cell's text as one run; LibreOffice may interleave a
# wrapped label's lines with its neighbours', so there each label once
need = (lambda l: labels.count(l)) if orient == "landscape" else (lambda l: 1)
missing = [l for l in sorted(set(labels)) if text.count(l) < need(l)]
info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(len(pages)), pdf], capture_output=True, text=True).stdout
size = {int(m.group(1)): (float(m.group(2)), float(m.group(3)))
        for m in re.finditer(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)}
bad = []
if orient == "landscape":
    w, h = size[first + 1]
    if w <= h: bad.append("page %d (table 10) is %gx%g, not landscape" % (first + 1, w, h))
    t3 = next(k for k, p in enumerate(flat) if re.search(r"表3(?!\d)", p)) + 1
    w, h = size[t3]
    if w >= h: bad.append("page %d (table 3) is %gx%g, not portrait" % (t3, w, h))
print("table 10: %d header labels, pages %d-%d%s" % (len(labels), first + 1, last + 1,
      "; missing: " + " ".join(missing) if missing else ""))
for b in bad: print(b)
sys.exit(1 if missing or bad else 0)
PY
HS="$T/hs/hs.html"
if [ ! -s "$T/hs/hs.txt" ]; then
  echo "skip: the print checks need the built page"
elif ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  echo "skip: pdftotext/pdfinfo (poppler-utils) are not installed: no print checks"
else
  PAGE=$HS
  chrome "$T/log-print.txt" --no-pdf-header-footer --print-to-pdf="$T/print.pdf" >/dev/null
  if [ ! -s "$T/print.pdf" ]; then
    echo "FAIL: Chromium printed no PDF"; fail=1
  elif python3 "$T/t10.py" "$T/print.pdf" "$T/hs/hs.txt" landscape >"$T/t10.out" 2>&1; then
    echo "ok: printed by Chromium, $(cat "$T/t10.out")"
  else
    echo "FAIL: printed by Chromium:"; cat "$T/t10.out"; fail=1
  fi
  LO=$(command -v libreoffice || command -v soffice || true)
  if [ -z "$LO" ]; then
    echo "skip: libreoffice is not installed: no LibreOffice print check"
  elif [ -n "${YS_WRAP:-}" ]; then
    echo "skip: LibreOffice under valgrind"
  else
    timeout 300 "$LO" -env:UserInstallation="file://$T/lo-profile" --headless \
      --convert-to pdf --outdir "$T/lo" "$HS" >"$T/lo.log" 2>&1
    if [ ! -s "$T/lo/hs.pdf" ]; then
      echo "FAIL: LibreOffice made no PDF"; cat "$T/lo.log"; fail=1
    elif python3 "$T/t10.py" "$T/lo/hs.pdf" "$T/hs/hs.txt" any >"$T/t10.out" 2>&1; then
      echo "ok: LibreOffice's PDF, $(cat "$T/t10.out")"
      echo "note: LibreOffice's PDF holds table 10 whole now: make its check strict"
    elif [ -z "${YS_STRICT:-}" ] && grep -q '^table 10: .*missing' "$T/t10.out"; then
      echo "known: LibreOffice's PDF, $(cat "$T/t10.out")"
    else
      echo "FAIL: LibreOffice's PDF:"; cat "$T/t10.out"; fail=1
    fi
  fi
fi

# keep the screenshots for a look when asked
if [ -n "${YS_KEEP_SHOTS:-}" ]; then cp "$T"/shot-*.png "$YS_KEEP_SHOTS"/; fi
exit $fail
