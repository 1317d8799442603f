#!/usr/bin/env bash
# make bench: runs every benchmark program built from tests/bench/bench_*.cpp.
# Each prints our figure, the peer's from the same run, and the ratio.
set -uo pipefail
BUILD_DIR="${1:-build}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export DPP_SOURCE_DIR="$ROOT" DPP_BIN_DIR="$ROOT/$BUILD_DIR/bin" DPP_SHARED_DIR="$ROOT/../shared"
# bench_analytics keeps its generated 10-million-scan store (a few GB) next to the program.
# A throw-away PostgreSQL (DPP_TEST_PG_URL) for the benches that need one
# (bench_scanstream_processes); without the server binaries they say they skipped.
cleanup() { :; }
trap 'cleanup' EXIT
source "$ROOT/tests/services/postgres.sh"
status=0
found=0
for b in "$ROOT/$BUILD_DIR"/bench/bench_*; do
  [ -x "$b" ] || continue
  found=1
  echo "== $(basename "$b")"
  "$b" || status=1
done
[ $found -eq 1 ] || echo "no benchmark programs built yet"
exit $status
