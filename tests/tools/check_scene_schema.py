#!/usr/bin/env python3
"""The scene format is written down twice: config/schema/scene.schema.json (for admins and their
tools) and kiosk/scene/scene.cpp (what kiosks enforce). This keeps them in step: every example
in config/scenes/ passes both, and each broken variant below is refused by both.
Usage: check_scene_schema.py KIOSKCTL SOURCE_DIR"""
import copy, json, pathlib, subprocess, sys, tempfile

import jsonschema

kioskctl, source = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads((source / "config/schema/scene.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


def kioskctl_accepts(scene, directory):
    path = pathlib.Path(directory) / "scene.json"
    path.write_text(json.dumps(scene, ensure_ascii=False))
    return subprocess.run([kioskctl, "scene", "validate", str(path)], capture_output=True).returncode == 0


failures = []
examples = sorted((source / "config/scenes").glob("*.json"))
if not examples:
    failures.append("no example scenes in config/scenes")
with tempfile.TemporaryDirectory() as directory:
    for example in examples:
        scene = json.loads(example.read_text())
        errors = [e.message for e in validator.iter_errors(scene)]
        if errors:
            failures.append(f"{example.name}: the schema refuses it: {errors}")
        if not kioskctl_accepts(scene, directory):
            failures.append(f"{example.name}: kioskctl scene validate refuses it")

    base = json.loads(examples[0].read_text())
    variants = {
        "unknown top-level key": lambda s: s.update(functons=["pickup"]),
        "unknown function": lambda s: s.update(functions=["teleport"]),
        "duplicate function": lambda s: s.update(functions=["pickup", "pickup"]),
        "no functions": lambda s: s.update(functions=[]),
        "version 0": lambda s: s.update(version=0),
        "version past 2^53": lambda s: s.update(version=2**63 - 1),
        "no group": lambda s: s.pop("group"),
        "group with a space": lambda s: s.update(group="east wing"),
        "no not_after": lambda s: s.pop("not_after"),
        "not_after not UTC": lambda s: s.update(not_after="2030-12-31 23:59"),
        "schema_version 2": lambda s: s.update(schema_version=2),
        "unknown scene type": lambda s: s.update(scene_type="casino"),
        "colour not #RRGGBB": lambda s: s["hospital"].update(primary_color="blue"),
        "hospital without a name": lambda s: s["hospital"].pop("name"),
        "idle_s out of range": lambda s: s["timeouts"].update(idle_s=5),
        "hours not HH:MM": lambda s: s["opening_hours"].update(open="7am"),
        "unknown payment method": lambda s: s.update(payment_methods=["cash"]),
        "voice_guidance not boolean": lambda s: s.update(voice_guidance="yes"),
        "unknown slip key": lambda s: s["slip"].update(header="x"),
        "unknown guidance key": lambda s: s["guidance"].update(help="x"),
        "elder age out of range": lambda s: s["guidance"].update(elder_mode_from_age=200),
        "logo not a PNG": lambda s: s["hospital"].update(logo_png_base64="R0lGODlhAQABAAAAACw="),
    }
    for name, edit in variants.items():
        scene = copy.deepcopy(base)
        edit(scene)
        schema_refuses = any(True for _ in validator.iter_errors(scene))
        if not schema_refuses:
            failures.append(f"{name}: the schema accepts it")
        if kioskctl_accepts(scene, directory):
            failures.append(f"{name}: kioskctl accepts it")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print(f"PASS: {len(examples)} example scenes valid in both; {len(variants)} broken variants refused by both")
