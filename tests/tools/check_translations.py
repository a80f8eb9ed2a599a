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

missing = []
count = 0
for context in tree.getroot().iter("context"):
    name = context.findtext("name")
    for message in context.iter("message"):
        count += 1
        translation = message.find("translation")
        text = "".join(translation.itertext()).strip() if translation is not None else ""
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            missing.append(f"{name}: {message.findtext('source')!r}")
if count == 0:
    sys.exit("no translatable strings found: lupdate saw nothing")
if missing:
    print(f"{len(missing)} of {count} strings lack a Chinese translation:")
    print("\n".join(missing))
    sys.exit(1)
print(f"all {count} strings translated")
