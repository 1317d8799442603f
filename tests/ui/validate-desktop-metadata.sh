#!/usr/bin/env bash
# The desktop integration files a distribution checks: AppStream metainfo
# (appstreamcli validate --no-net), the .desktop entry (desktop-file-validate
# when installed) and the MIME type definition (well-formed XML). Fails on
# any error or warning the validators report.
set -euo pipefail
src="${DPP_SOURCE_DIR:?DPP_SOURCE_DIR not set}/installer/linux"
id=org.dppstudio.DppStudio
status=0

echo "== appstreamcli validate --no-net $id.metainfo.xml"
if ! appstreamcli validate --no-net --explain "$src/$id.metainfo.xml"; then
  status=1
fi

if command -v desktop-file-validate >/dev/null; then
  echo "== desktop-file-validate $id.desktop"
  out=$(desktop-file-validate "$src/$id.desktop" 2>&1 || true)
  echo "$out"
  # Hints are advice; errors and warnings fail.
  if echo "$out" | grep -Eq '(error|warning):'; then status=1; fi
else
  echo "== desktop-file-validate not installed: .desktop checked for required keys only"
  for key in Type Name Exec Icon; do
    grep -q "^$key=" "$src/$id.desktop" || { echo "missing $key="; status=1; }
  done
fi

# The icon the .desktop names is installed under the same id (installer/CMakeLists.txt).
grep -q "^Icon=$id$" "$src/$id.desktop" || { echo "Icon= is not $id"; status=1; }
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$src/$id.metainfo.xml" ||
  { echo "metainfo does not launch $id.desktop"; status=1; }
python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$src/$id.mime.xml" ||
  status=1
grep -q '^ExecStart=/usr/bin/dppserver ' "$src/dppserver.service" || { echo "unit ExecStart"; status=1; }

if [ "$status" -eq 0 ]; then echo "metadata valid"; else echo "metadata INVALID"; fi
exit "$status"
