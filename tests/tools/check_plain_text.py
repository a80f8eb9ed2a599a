#!/usr/bin/env python3
"""Every Text item in the kiosk's QML shows its text as plain text. Qt's default (AutoText)
renders anything that looks like HTML as rich text: a department, doctor or hospital name from
the platform or a scene could then draw its own red notices and images, and make the kiosk fetch
URLs. Each `Text {` must say `textFormat: Text.PlainText` as its first line; tests/e2e/
markup_as_text.sh checks the running kiosk.
Usage: check_plain_text.py QML_DIR"""
import pathlib, re, sys

failures = []
count = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.qml")):
    lines = path.read_text().split("\n")
    for number, line in enumerate(lines):
        if re.search(r"\b(Text|Label|TextEdit)\s*\{", line):
            count += 1
            following = next((l.strip() for l in lines[number + 1:] if l.strip()), "")
            if following != "textFormat: Text.PlainText":
                failures.append(f"{path}:{number + 1}: {line.strip()} does not start with textFormat: Text.PlainText")
if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print(f"PASS: {count} text items, all plain text")
