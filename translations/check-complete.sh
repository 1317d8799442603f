#!/usr/bin/env bash
# Fails when a translation is incomplete: any dppstudio_*.ts with an
# unfinished or empty <translation>, or one of the shipped languages missing.
# Run translations/update.sh first when sources changed.
set -euo pipefail
dir="${DPP_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}/translations"
status=0
for lang in de fr sk pt; do
  f="$dir/dppstudio_$lang.ts"
  if [ ! -f "$f" ]; then echo "$f: missing"; status=1; continue; fi
  python3 - "$f" <<'PY' || status=1
import sys, xml.etree.ElementTree as ET
path = sys.argv[1]
root = ET.parse(path).getroot()
bad, total = [], 0
for message in root.iter("message"):
    source = message.findtext("source") or ""
    t = message.find("translation")
    kind = t.get("type") if t is not None else "missing"
    if kind in ("vanished", "obsolete"):
        continue
    total += 1
    if message.get("numerus") == "yes":
        forms = [f.text or "" for f in t.findall("numerusform")] if t is not None else []
        empty = not forms or any(not f.strip() for f in forms)
    else:
        empty = t is None or not (t.text or "").strip()
    if kind == "unfinished" or empty:
        bad.append(source)
if total == 0:
    print(f"{path}: no messages (run translations/update.sh)")
    sys.exit(1)
for s in bad[:20]:
    print(f"{path}: untranslated: {s!r}")
print(f"{path}: {total - len(bad)}/{total} translated")
sys.exit(1 if bad else 0)
PY
done
exit "$status"
