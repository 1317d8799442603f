#!/usr/bin/env bash
# Installs the Node test tools (package-lock.json pins them) into
# tests/node/node_modules, which git ignores. Idempotent: does nothing when they
# are installed and the lock file has not changed, so only the first run needs
# the npm registry. Without npm the Node-based checks skip with a reason.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null 2>&1 || { echo "tests/node: npm not found; Node-based checks will skip" >&2; exit 0; }
if [ -f node_modules/jsonld/package.json ] && [ -d node_modules/@apidevtools/swagger-parser ] && [ -f node_modules/zpl-renderer-js/package.json ] &&
   [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
