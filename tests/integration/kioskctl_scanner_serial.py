#!/usr/bin/env python3
"""kioskctl device scanner watch --serial against a pseudo-terminal standing in for a CDC-ACM
scanner: scans split on CR/LF, classified by the prefix rules, masked unless --show.
Usage: kioskctl_scanner_serial.py KIOSKCTL"""
import json
import os
import pty
import subprocess
import sys
import time

kioskctl = sys.argv[1]
master, slave = pty.openpty()
path = os.ttyname(slave)

def run(extra, scans):
    process = subprocess.Popen([kioskctl, "device", "scanner", "watch", "--serial", path,
                                "--count", str(len(scans)), *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    for scan in scans:
        os.write(master, scan.encode() + b"\r\n")
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    return [json.loads(line) for line in out.splitlines()]

lines = run([], ["YBPZ:0123456789", "JZK0042"])
assert lines[0] == {"kind": "evoucher", "length": 15, "value": "YBPZ*******6789"}, lines
assert lines[1]["kind"] == "visit_card", lines
print("ok: scans classified and masked")

lines = run(["--show", "--rules", "payment_code=28"], ["281234567890123456"])
assert lines == [{"kind": "payment_code", "length": 18, "value": "281234567890123456"}], lines
print("ok: --rules and --show")

bad = subprocess.run([kioskctl, "device", "scanner", "watch", "--serial", path, "--rules", "x=1"],
                     capture_output=True, text=True, timeout=10)
assert bad.returncode == 2 and "unknown scan kind 'x'" in bad.stderr, bad
print("ok: bad rules refused")
