#!/usr/bin/env bash
# Installs the npm packages the tests use into tests/node/node_modules
# (git-ignored), from the committed package-lock.json. Does nothing when they
# are already there, so only the first run needs the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/jsonld/package.json ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "tests/node/install.sh: npm not found (installer/deps-debian.sh installs it)" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
