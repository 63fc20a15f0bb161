# lib_writers.sh — sourced by the writer e2e scripts: needs python3, runs the
# test_writers driver (YS_WRITERS_OUT makes it write the hand-built sample in
# every format) into $T/out and checks that sample.$1 was written.
# Sets T (removed on exit).  Usage: writers_sample EXT
writers_sample() {
  if ! command -v python3 >/dev/null; then echo "skip: python3 is not installed"; exit 0; fi
  DRIVER="$BUILD/tests/test_writers"
  [ -x "$DRIVER" ] || { echo "FAIL: $DRIVER not built"; exit 1; }
  T=$(mktemp -d)
  trap 'rm -rf "$T"' EXIT
  YS_WRITERS_OUT="$T/out" "$DRIVER" >"$T/driver.log" 2>&1 || true
  [ -s "$T/out/sample.$1" ] || { echo "FAIL: the driver wrote no $1"; cat "$T/driver.log"; exit 1; }
}
