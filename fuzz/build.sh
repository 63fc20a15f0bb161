#!/bin/sh
# fuzz/build.sh — build one libFuzzer target per reader (clang,
# -fsanitize=fuzzer,address,undefined) from the library's reader sources
# into build-fuzz/, and fill build-fuzz/corpus/<reader>/ with seeds from
# ../shared (copied, never committed) and files made from them.
# Usage: sh fuzz/build.sh        (then see fuzz/README.md to run)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${YS_FUZZ_OUT:-$ROOT/build-fuzz}
SHARED=${YS_SHARED:-$ROOT/../shared}
CC=${FUZZ_CC:-clang}
PKGS="libutf8proc libzip expat libxml-2.0 poppler-glib"
command -v "$CC" >/dev/null || { echo "fuzz/build.sh: $CC is not installed" >&2; exit 2; }
cd "$ROOT"
mkdir -p "$OUT/obj"
FLAGS="-std=c17 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -Iinclude -Ilib $(pkg-config --cflags $PKGS)"
# poppler-glib, libxml2, libzip: headers only, lib/dynlib.c dlopens each on
# first use (start-up cost; see lib/dynlib.h)
LIBS="$(pkg-config --libs libutf8proc expat) -ldl -pthread -lm"

# The readers and what they stand on (doc, errors, arena, text, zip/XML,
# the loader of the libraries above).
SRC="lib/doc.c lib/vec.c lib/error.c lib/arena.c lib/text.c lib/fileio.c $(ls lib/ooxml*.c) \
     lib/dynlib.c lib/zip_dl.c $(ls lib/readers/*.c)"
OBJS=""
for s in $SRC; do
  o="$OUT/obj/$(echo "$s" | tr / _ | sed 's/\.c$/.o/')"
  $CC $FLAGS -fsanitize=fuzzer-no-link -c "$s" -o "$o"
  OBJS="$OBJS $o"
done
for r in text layout html docx xlsx pdf pdf_layout; do
  $CC $FLAGS -fsanitize=fuzzer -Ifuzz "fuzz/fuzz_$r.c" $OBJS $LIBS -o "$OUT/fuzz_$r"
  mkdir -p "$OUT/corpus/$r"
done
echo "built: $(cd "$OUT" && ls fuzz_*)"

# ---- seeds ----------------------------------------------------------------
C="$OUT/corpus"
REF=$(ls "$SHARED"/documents/*.txt 2>/dev/null | head -n 1 || true)
if [ -n "$REF" ]; then
  cp "$SHARED"/documents/*.txt "$C/text/"
  head -n 140 "$REF" > "$C/text/ref-head.txt"
  # the reference as HTML: tab rows as table rows, other lines as <p>
  for part in head all; do
    if [ "$part" = head ]; then src="$C/text/ref-head.txt"; else src="$REF"; fi
    awk 'BEGIN { print "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" }
         { gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/>/, "\\&gt;") }
         /\t/ { if (!t) { print "<table border=\"1\">"; t = 1 }
                n = split($0, c, "\t"); row = "<tr>"
                for (i = 1; i <= n; i++) row = row "<td>" c[i] "</td>"
                print row "</tr>"; next }
         { if (t) { print "</table>"; t = 0 } if (length($0)) print "<p>" $0 "</p>" }
         END { if (t) print "</table>"; print "</body></html>" }' "$src" > "$C/html/ref-$part.html"
  done
fi
if [ -d "$SHARED/documents/shanghai" ]; then
  cp "$SHARED"/documents/shanghai/*.txt "$C/layout/" 2>/dev/null || true
  cp "$SHARED"/documents/shanghai/*.pdf "$C/pdf/" 2>/dev/null || true
fi
printf '<table><tr><td colspan=2>&#x6536;&nbsp;&amp;</td><td rowspan="2">1,234.56</td></tr><tr><td>a<br>b</td></tr></table><p>x</p>\n' \
  > "$C/html/small.html"
LO=$(command -v libreoffice || command -v soffice || true)
if [ -n "$LO" ] && [ -f "$C/html/ref-head.html" ]; then
  P="file://$OUT/lo-profile"
  for h in "$C/html/ref-head.html" "$C/html/small.html"; do
    "$LO" -env:UserInstallation="$P" --headless --convert-to 'docx:MS Word 2007 XML' "$h" --outdir "$C/docx" >/dev/null 2>&1 || true
    "$LO" -env:UserInstallation="$P" --headless --infilter=calc_HTML_WebQuery \
      --convert-to 'xlsx:Calc MS Excel 2007 XML' "$h" --outdir "$C/xlsx" >/dev/null 2>&1 || true
    "$LO" -env:UserInstallation="$P" --headless --convert-to 'pdf:writer_pdf_Export' "$h" --outdir "$C/pdf" >/dev/null 2>&1 || true
  done
else
  echo "note: libreoffice absent: no DOCX/XLSX seeds (the fuzzer starts from nothing)"
fi
# pdf_layout: the glyphs of each seed PDF's first pages in fuzz_pdf_layout's
# record (its header says how), from poppler's word boxes, each word's
# characters spread evenly over its box and mapped to the nearest character
# of its alphabet (Chinese by kind: digits, signs and a few CJK stand-ins)
if command -v pdftotext >/dev/null && command -v python3 >/dev/null; then
  for f in "$C"/pdf/*.pdf; do
    [ -f "$f" ] || continue
    pdftotext -l 3 -bbox "$f" - 2>/dev/null | python3 -c '
import re, sys
ALPHA = "表合计项目年度标指数据万元：（）0125 9.,%≥<-/A、一。".replace(" ", "")
digits = {"0": 16, "1": 17, "2": 18, "3": 17, "4": 19, "5": 19, "6": 20, "7": 20, "8": 20, "9": 20}
out = bytearray()
newpage = False
for m in re.finditer(r"<page |<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)</word>", sys.stdin.read()):
    if m.group(0) == "<page ":
        newpage = bool(out); continue
    x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
    w = m.group(5)
    step = (x1 - x0) / max(len(w), 1)
    for k, ch in enumerate(w):
        i = ALPHA.index(ch) if ch in ALPHA else digits.get(ch, 0 if ord(ch) > 0x2E80 else 28)
        x = min(int((x0 + k * step) / 0.6), 1023); y = min(int(y0 / 0.8), 1023)
        b3 = i | (0x20 if k == 0 else 0) | (0x40 if y1 - y0 < 13 else 0) | (0x80 if newpage else 0)
        newpage = False
        out += bytes([x & 255, (x >> 8) | (y >> 8) << 2, y & 255, b3, 128])
sys.stdout.buffer.write(out)
' > "$C/pdf_layout/$(basename "$f" .pdf).glyphs" || true
  done
fi
for r in text layout html docx xlsx pdf pdf_layout; do
  echo "seeds $r: $(ls "$C/$r" | wc -l)"
done
