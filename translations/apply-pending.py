#!/usr/bin/env python3
"""Fills unfinished entries of translations/dppstudio_*.ts from
translations/new-strings-*.tsv files, then deletes nothing (remove the .tsv
files yourself once check-complete.sh passes).

Why: several engineers add strings on parallel branches; editing the .ts
files on each branch makes every merge a conflict. Each branch instead lists
its new strings in a tab-separated file
    context<TAB>source<TAB>de<TAB>fr<TAB>sk<TAB>pt
(`\\n` for a newline). After merging: run lupdate (translations/update.sh),
then this script, then translations/check-complete.sh.

A row matches a message by source text and context; the context may be
given without its namespace (ProductEditor matches dpp::ui::ProductEditor).
When no context matches, a row whose source is unique among the rows is used
for that source anywhere.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

LANGS = ["de", "fr", "sk", "pt"]


def unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t")


def load_rows(folder):
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, "new-strings-*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                cells = line.split("\t")
                if len(cells) != 6:
                    sys.exit(f"{path}:{number}: expected 6 tab-separated cells, got {len(cells)}")
                rows.append([unescape(c) for c in cells])
    return rows


def short(context):
    return context.split("::")[-1]


def main():
    folder = os.path.dirname(os.path.abspath(__file__))
    rows = load_rows(folder)
    by_context = {(short(r[0]), r[1]): r for r in rows}
    by_source = {}
    for r in rows:
        by_source.setdefault(r[1], []).append(r)
    for index, lang in enumerate(LANGS):
        path = os.path.join(folder, f"dppstudio_{lang}.ts")
        tree = ET.parse(path)
        filled = missing = 0
        for context in tree.getroot().iter("context"):
            name = short(context.findtext("name") or "")
            for message in context.iter("message"):
                t = message.find("translation")
                if t is None or t.get("type") != "unfinished":
                    continue
                source = message.findtext("source") or ""
                row = by_context.get((name, source))
                if row is None and len(by_source.get(source, [])) >= 1:
                    row = by_source[source][0]
                if row is None:
                    missing += 1
                    print(f"{lang}: no translation for [{name}] {source!r}")
                    continue
                text = row[2 + index]
                if message.get("numerus") == "yes":
                    for form in t.findall("numerusform") or [ET.SubElement(t, "numerusform")]:
                        form.text = text
                else:
                    t.text = text
                del t.attrib["type"]
                filled += 1
        tree.write(path, encoding="utf-8", xml_declaration=True)
        print(f"{lang}: filled {filled}, still missing {missing}")


if __name__ == "__main__":
    main()
