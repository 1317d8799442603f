#!/usr/bin/env bash
# Refreshes translations/dppstudio_*.ts from the sources (lupdate through the
# CMake target qt_add_translations made), then reports what is left to
# translate. Usage: translations/update.sh [BUILD_DIR]   (default: build)
#
# After a merge that adds strings: run this, translate every new entry in Qt
# Linguist (or edit the .ts: fill <translation> and drop type="unfinished"),
# then run it again until check-complete.sh passes. The .qm files are built
# into the app (resource prefix /i18n) by the normal build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
cmake "$build" >/dev/null # picks up new source files (globbed)
cmake --build "$build" --target dppstudio_lupdate
bash "$root/translations/check-complete.sh" || {
  echo "Some strings still need a translation (see above)." >&2
  exit 1
}
