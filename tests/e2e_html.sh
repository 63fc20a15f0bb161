#!/bin/sh
# e2e_html: the HTML writer's page in headless Chromium — no console errors,
# a screenshot that is not blank (desktop and phone width), and the SVG
# charts with their <rect> bars present in the rendered DOM.
# The page comes from the hand-built table set of tests/test_writers.c
# (YS_WRITERS_OUT makes it write every format); `yusuan build` replaces this
# once it exists.
set -u
ROOT=${YS_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${YS_BUILD:-$ROOT/build}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then echo "skip: chromium is not installed"; exit 0; fi
if ! command -v python3 >/dev/null; then echo "skip: python3 is not installed"; exit 0; fi
DRIVER="$BUILD/tests/test_writers"
[ -x "$DRIVER" ] || { echo "FAIL: $DRIVER not built"; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
YS_WRITERS_OUT="$T/out" "$DRIVER" >"$T/driver.log" 2>&1 || true
PAGE="$T/out/sample.html"
[ -s "$PAGE" ] || { echo "FAIL: the driver wrote no HTML"; cat "$T/driver.log"; exit 1; }

chrome() { # $1 = log file, rest = extra flags
  log=$1; shift
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$T/profile.XXXXXX")" --enable-logging=stderr --v=0 \
    "$@" "file://$PAGE" 2>"$log"
}

fail=0
for size in 1200,3000 390,2000; do
  png="$T/shot-$size.png"
  chrome "$T/log-$size.txt" --screenshot="$png" --window-size=$size >/dev/null
  if grep -E 'CONSOLE|Uncaught|console\(' "$T/log-$size.txt"; then
    echo "FAIL: console messages at $size"; fail=1
  fi
  # A real page: the PNG decodes to the window's size and has many colours.
  if ! python3 - "$png" "$size" <<'PY'
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
  then echo "FAIL: screenshot at $size"; fail=1; fi
done

chrome "$T/log-dom.txt" --dump-dom >"$T/dom.html"
svgs=$(grep -o '<svg' "$T/dom.html" | wc -l)
rects=$(grep -o '<rect' "$T/dom.html" | wc -l)
echo "dom: $svgs svg, $rects rect"
[ "$svgs" -ge 3 ] || { echo "FAIL: expected 3 charts, found $svgs"; fail=1; }
[ "$rects" -ge 7 ] || { echo "FAIL: expected bars, found $rects rect"; fail=1; }
grep -q '<script' "$T/dom.html" && { echo "FAIL: a script element in the page"; fail=1; }
# keep the screenshots for a look when asked
if [ -n "${YS_KEEP_SHOTS:-}" ]; then cp "$T"/shot-*.png "$YS_KEEP_SHOTS"/; fi
exit $fail
