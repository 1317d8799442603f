#!/usr/bin/env bash
# Runs the whole test suite against a built tree: starts what the tests need
# (a throw-away PostgreSQL server when available), runs ctest, cleans up.
set -uo pipefail
BUILD_DIR="${1:-build}"
shift || true
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

cleanup() { :; }
trap 'cleanup' EXIT

# Hook for suites that need services: tests/services/*.sh export variables
# (e.g. DPP_TEST_PG_URL) and append to the cleanup.
for svc in tests/services/*.sh; do
  [ -f "$svc" ] && source "$svc"
done

# Node tools some suites call (OpenAPI validator); skipped quietly without npm.
bash tests/node/install.sh || echo "tests/node/install.sh failed; suites needing it will skip" >&2

ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" "$@"
