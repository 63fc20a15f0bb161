#!/bin/sh
# e2e_html: the HTML writer's page in headless Chromium — no console errors,
# a screenshot that is not blank (desktop and phone width), and the SVG
# charts with their <rect> bars present in the rendered DOM.
# Two pages: the hand-built table set of tests/test_writers.c (YS_WRITERS_OUT
# makes it write every format; it has prior-year figures, so three charts)
# and `yusuan build examples/hongshan-2026 --format html` (at least two).
set -u
ROOT=${YS_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${YS_BUILD:-$ROOT/build}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then echo "skip: chromium is not installed"; exit 0; fi
. "$ROOT/tests/lib_writers.sh"
writers_sample html
PAGES="$T/out/sample.html:3"
if [ -x "${YUSUAN:-}" ] && [ -d "$ROOT/examples/hongshan-2026" ]; then
  if ${YS_WRAP:-} "$YUSUAN" build "$ROOT/examples/hongshan-2026" -o "$T/hs" --format html >"$T/build.log" 2>&1; then
    PAGES="$PAGES $(ls "$T"/hs/*.html):2"
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
# keep the screenshots for a look when asked
if [ -n "${YS_KEEP_SHOTS:-}" ]; then cp "$T"/shot-*.png "$YS_KEEP_SHOTS"/; fi
exit $fail
