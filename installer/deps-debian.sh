#!/usr/bin/env bash
# Installs every build, test and run dependency of DPP Studio from Debian 12
# packages. Idempotent and non-interactive: when everything is present it does
# nothing (no apt-get update, no network).
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake ninja-build g++ pkg-config clang clang-format
  # Qt 6 (Core Gui Widgets Network Sql PrintSupport Concurrent Test, Svg, HttpServer, Linguist)
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libgl-dev
  # symbols, PDF, ZIP, linear barcodes
  libqrencode-dev libdmtx-dev libpoppler-qt6-dev libquazip1-qt6-dev libzint-dev
  # tests and benchmarks: decoder, PostgreSQL server, PDF tools, peer encoder, fonts
  libzxing-dev postgresql poppler-utils zint fonts-dejavu-core
  # throw-away TLS certificates in the dppserver tests
  openssl
  # auth (argon2id password hashes) and scan geolocation
  libsodium-dev libmaxminddb-dev
  # test services: GeoIP test database writer, CUPS with a file queue,
  # headless browser for viewer screenshots, X server for the GUI smoke test
  libmaxmind-db-writer-perl cups cups-client cups-bsd libcups2-dev
  chromium xvfb xauth appstream desktop-file-utils
  # benchmark peers: nginx (resolver), wrk (load), gLabels (labels)
  nginx-light wrk glabels
  # GNU time: peak RSS (/usr/bin/time -v) of every benchmark child
  time
  # shared compiler cache for the build
  ccache
  # packaging
  dpkg-dev file
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js and npm run the test tools in tests/node (JSON-LD, OpenAPI checks).
# Any node/npm on the PATH will do: machines that already carry a Node.js from
# elsewhere (whose package bundles npm) must not get Debian's npm forced on them.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "deps-debian.sh: missing packages (${missing[*]}) and not root; run as root" >&2
    exit 1
  fi
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
