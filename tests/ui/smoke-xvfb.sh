#!/usr/bin/env bash
# Xvfb smoke test: starts the real dppstudio on a real X server with a fresh
# SQLite store, lets it write screenshots of the main window, the label
# designer, the print dialog and the publish panel (--screenshot), and checks
# each is a real picture (sensible size, many colours, not one flat fill). The PNGs stay in
# build/screenshots/ (docs/screenshots/ in git holds the README's copies).
set -euo pipefail
bin="${DPP_BIN_DIR:?DPP_BIN_DIR not set}"
out="${DPP_SCREENSHOT_DIR:-$bin/../screenshots}"
here="$(cd "$(dirname "$0")" && pwd)"
command -v xvfb-run >/dev/null || { echo "xvfb-run missing (installer/deps-debian.sh)"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out"
# The offscreen platform set for the other GUI suites must not win over X.
unset QT_QPA_PLATFORM
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
mkdir -p "$HOME"

# Sample products, so the publish panel has a Digital Link and QR to show.
"$bin/dppctl" --db "$tmp/store.sqlite" seed >/dev/null
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$bin/dppstudio" --store "$tmp/store.sqlite" --screenshot "$out" >"$tmp/log" 2>&1 || {
  echo "dppstudio failed:"; cat "$tmp/log"; exit 1; }
cat "$tmp/log"
test -s "$tmp/store.sqlite" || { echo "the --store file is missing"; exit 1; }

status=0
for shot in mainwindow designer print-dialog publish; do
  f="$out/$shot.png"
  if [ ! -s "$f" ]; then echo "$shot: no screenshot"; status=1; continue; fi
  read -r w h colours < <(python3 "$here/pngstats.py" "$f")
  echo "$shot: ${w}x${h}, $colours colours"
  # A blank or black window has 1–2 colours; any real UI with text has dozens.
  if [ "$w" -lt 400 ] || [ "$h" -lt 300 ] || [ "$colours" -lt 16 ]; then
    echo "$shot: looks blank"; status=1
  fi
done

# The Preferences' language (QSettings key ui/language) loads the translation.
mkdir -p "$XDG_CONFIG_HOME/DPP Studio"
printf '[ui]\nlanguage=de\n' >"$XDG_CONFIG_HOME/DPP Studio/dppstudio.conf"
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$bin/dppstudio" --store "$tmp/store.sqlite" --screenshot "$tmp/de" >"$tmp/log-de" 2>&1 || {
  echo "dppstudio (de) failed:"; cat "$tmp/log-de"; exit 1; }
grep '^menus:' "$tmp/log-de"
if ! grep -q '^menus:.*&Etiketten' "$tmp/log-de"; then
  echo "German menus expected with ui/language=de"; status=1
fi
exit "$status"
