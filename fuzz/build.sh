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
for r in text layout html docx xlsx pdf; do
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
for r in text layout html docx xlsx pdf; do
  echo "seeds $r: $(ls "$C/$r" | wc -l)"
done
