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
# portrait.  Every column label of every table of part 2 is in the PDF
# (cols.py: text beyond a page's edge is dropped by pdftotext).
# LibreOffice's PDF of the page is checked the same way when LibreOffice is
# installed: it reads no named @page, so the writer sets the cells of tables
# 2 and 10 in a smaller type for it (lib/writers/html.c), and every column
# stands on the portrait page.
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
# head.py: the header labels of the table whose label is at line k of a
# text build (tab-separated rows after it, before the first with a figure).
cat >"$T/head.py" <<'PY'
import re
def labels(lines, k):
    head = []
    for l in lines[k + 1:]:
        if "\t" not in l:
            if head: break
            continue
        if re.search(r"\d\.\d\d", l): break
        head.append(l)
    return [c for l in head for c in l.split("\t") if c.strip()]
PY
cat >"$T/t10.py" <<'PY'
import re, subprocess, sys
from head import labels as head_labels
pdf, txt, orient = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(txt, encoding="utf-8").read().split("\n")
labels = head_labels(lines, lines.index("表10"))
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
# cols.py PDF TXT [KNOWN...]: every header label of every table of TXT (the
# tab-separated rows after each label 表N before the first row with a
# figure) is in the PDF's words between 表N and the next table's label or
# section heading, at least once: in their text, or down the words standing
# over one another (a label wrapped in its narrow cell, between its
# neighbours' lines).  Tables in KNOWN are reported as "known:" and do not
# fail; a KNOWN table found whole is noted.
cat >"$T/cols.py" <<'PY'
import re, subprocess, sys, html
from head import labels as head_labels
pdf, txt, known = sys.argv[1], sys.argv[2], set(sys.argv[3:])
lines = open(txt, encoding="utf-8").read().split("\n")
ids = [(k, l) for k, l in enumerate(lines) if re.fullmatch(r"表\d+(-\d+)?", l)]
# the PDF's words, page by page, top to bottom, left to right; text beyond
# a page's edge is not among them
out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
words, page = [], 0
for m in re.finditer(r'<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out):
    if m.group(0) == "<page ":
        page += 1; continue
    words.append((page, float(m.group(2)), float(m.group(1)), float(m.group(3)), html.unescape(m.group(4))))
words.sort(key=lambda w: (w[0], round(w[1]), w[2]))
flat, owner = "", []
for i, w in enumerate(words):
    flat += w[4]; owner += [i] * len(w[4])
def find(label, at):
    m = re.search(re.escape(label) + r"(?![\d-])", flat[at:])
    return at + m.start() if m else -1
def in_strip(label, ws):
    """label, wrapped in its cell (on to the next page): read down the words
    standing over one another from one holding its first character"""
    for k, w in enumerate(ws):
        if label[0] not in w[4]:
            continue
        strip = "".join(v[4] for v in sorted((v for v in ws[k:] if v[2] < w[3] and
                        v[3] > w[2]), key=lambda v: v[:2]))
        if label in strip:
            return True
    return False
bad, cut, pos = 0, [], 0
for n, (k, label) in enumerate(ids):
    labels = sorted({"".join(c.split()) for c in head_labels(lines, k)})
    start = find(label, pos)
    if start < 0:
        print("%s: its label is not in the PDF" % label); bad += 1; continue
    pos = start + len(label)
    stops = [ids[n + 1][1]] if n + 1 < len(ids) else []
    stops += [l for l in lines[k + 1:] if re.match(r"[一二三四五六七八九十]+、", l)][:1]
    end = min([e for e in (find(x, pos) for x in stops) if e >= 0] or [len(flat)])
    ws = words[owner[start]:owner[end - 1] + 1]
    missing = [l for l in labels if l not in flat[start:end] and not in_strip(l, ws)]
    if missing:
        cut.append(label)
        print("%s%s: %d column labels, missing: %s" % ("known: " if label in known else "",
              label, len(labels), " ".join(missing)))
        bad += label not in known
    elif label in known:
        print("note: %s is whole now: take it out of the known list" % label)
print("%d tables, every column label in the PDF%s" % (len(ids),
      "" if not cut else " but in " + " ".join(cut)))
sys.exit(1 if bad else 0)
PY
# tables LibreOffice's PDF of the page may cut (reported, not failed): none
LO_CUT=""
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
  if [ -s "$T/print.pdf" ]; then
    if python3 "$T/cols.py" "$T/print.pdf" "$T/hs/hs.txt" >"$T/cols.out" 2>&1; then
      echo "ok: printed by Chromium, $(tail -n 1 "$T/cols.out")"
    else
      echo "FAIL: printed by Chromium, columns cut:"; cat "$T/cols.out"; fail=1
    fi
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
    else
      echo "FAIL: LibreOffice's PDF:"; cat "$T/t10.out"; fail=1
    fi
    if [ -s "$T/lo/hs.pdf" ]; then
      # shellcheck disable=SC2086 # LO_CUT is a list of labels
      if python3 "$T/cols.py" "$T/lo/hs.pdf" "$T/hs/hs.txt" $LO_CUT >"$T/cols.out" 2>&1; then
        grep -E '^(known|note):' "$T/cols.out" | sed 's/^\(known\|note\): /&LibreOffice'"'"'s PDF, /'
        echo "ok: LibreOffice's PDF, $(tail -n 1 "$T/cols.out")"
      else
        echo "FAIL: LibreOffice's PDF, columns cut:"; cat "$T/cols.out"; fail=1
      fi
    fi
  fi
fi

# keep the screenshots for a look when asked
if [ -n "${YS_KEEP_SHOTS:-}" ]; then cp "$T"/shot-*.png "$YS_KEEP_SHOTS"/; fi
exit $fail
