#!/usr/bin/env python3
"""Fails when a patient-facing string has no Chinese translation.

Runs lupdate over the sources into a scratch copy of i18n/lobby_zh_CN.ts, so a string added to
the code but not yet to the .ts file is caught too, then checks every message is translated.
Usage: check_translations.py LUPDATE REPO_ROOT
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

lupdate, root = sys.argv[1], pathlib.Path(sys.argv[2])
ts = root / "i18n" / "lobby_zh_CN.ts"
sources = [str(p) for p in sorted((root / "qml").rglob("*.qml"))]
sources += [str(p) for p in sorted((root / "kiosk").rglob("*.cpp"))]

with tempfile.TemporaryDirectory() as scratch:
    copy = pathlib.Path(scratch) / ts.name
    shutil.copy(ts, copy)
    subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", *sources,
                    "-ts", str(copy)], check=True)
    tree = ET.parse(copy)

# One word for one thing (i18n/glossary.json): a glossary term translated as the glossary says,
# and no translation using a word the glossary avoids.
import json
terms = json.loads((root / "i18n" / "glossary.json").read_text())["terms"]
wanted = {term["en"]: term["zh"] for term in terms}
avoided = {word: term["zh"] for term in terms for word in term.get("avoid", [])}

missing = []
off_glossary = []
count = 0
for context in tree.getroot().iter("context"):
    name = context.findtext("name")
    for message in context.iter("message"):
        count += 1
        source = message.findtext("source")
        translation = message.find("translation")
        text = "".join(translation.itertext()).strip() if translation is not None else ""
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            missing.append(f"{name}: {source!r}")
            continue
        if source in wanted and text != wanted[source]:
            off_glossary.append(f"{name}: {source!r} is {text!r}, the glossary says {wanted[source]!r}")
        for word, instead in avoided.items():
            if word in text:
                off_glossary.append(f"{name}: {text!r} says {word!r}; the glossary says {instead!r}")
if count == 0:
    sys.exit("no translatable strings found: lupdate saw nothing")
if missing:
    print(f"{len(missing)} of {count} strings lack a Chinese translation:")
    print("\n".join(missing))
    sys.exit(1)
if off_glossary:
    print(f"{len(off_glossary)} translations leave the glossary (i18n/glossary.json):")
    print("\n".join(off_glossary))
    sys.exit(1)
print(f"all {count} strings translated")
