#!/usr/bin/env bash
# make fuzz: runs each libFuzzer target for N seconds on a copy of its committed
# seed corpus (tests/fuzz/corpus/<name>/), so new finds never dirty the tree.
set -uo pipefail
BUILD_DIR="${1:-build-fuzz}"
SECONDS_EACH="${2:-60}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
status=0
for f in "$ROOT/$BUILD_DIR"/fuzz/fuzz_*; do
  [ -x "$f" ] || continue
  name="$(basename "$f")"; short="${name#fuzz_}"
  work="$ROOT/tests/fuzz/corpus-run/$short"
  mkdir -p "$work"
  cp -n "$ROOT/tests/fuzz/corpus/$short"/* "$work/" 2>/dev/null || true
  echo "== $name for ${SECONDS_EACH}s"
  "$f" -max_total_time="$SECONDS_EACH" -print_final_stats=1 "$work" || status=1
done
exit $status
