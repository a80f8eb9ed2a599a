#!/usr/bin/env python3
"""The kiosk speaks systemd's notify protocol: READY=1 once a frame is on screen, WATCHDOG=1 every
half interval while frames render, STOPPING=1 at exit. Under cage the kiosk is the service's
child, so WATCHDOG_PID names its parent: that must count; someone else's pid must not.
Usage: sd_notify.py APP"""
import os, socket, subprocess, sys, tempfile, time

app = sys.argv[1]
failures = []


def run(watchdog_pid):
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        sock.settimeout(0.2)
        journey = os.path.join(work, "journey.json")
        with open(journey, "w") as f:
            f.write('[{"expect_screen": "attract"}, {"wait_ms": 3000}]')
        env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="1000000",
                   WATCHDOG_PID=str(watchdog_pid), QT_QPA_PLATFORM="offscreen", LOBBY_KIOSK_CONFIG="")
        started = time.monotonic()
        kiosk = subprocess.Popen([app, "--journey", journey], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        messages = []
        while time.monotonic() - started < 20:
            try:
                messages.append((time.monotonic() - started, sock.recv(4096).decode()))
            except socket.timeout:
                if kiosk.poll() is not None:
                    break
        kiosk.wait(timeout=10)
        sock.close()
        return kiosk.returncode, messages


code, messages = run(os.getpid())  # the test is the kiosk's parent, as cage is
texts = [m for _, m in messages]
if code != 0:
    failures.append(f"the kiosk exited {code}")
if not texts or not texts[0].startswith("READY=1"):
    failures.append(f"the first message is not READY=1: {texts[:3]}")
pings = [t for t, m in messages if m == "WATCHDOG=1"]
if len(pings) < 4:
    failures.append(f"{len(pings)} watchdog pings in a 3 s journey at a 1 s interval (expected >= 4)")
gaps = [b - a for a, b in zip(pings, pings[1:])]
if gaps and max(gaps) > 0.9:
    failures.append(f"a gap of {max(gaps):.2f} s between pings (the interval is 1 s)")
if not texts or texts[-1] != "STOPPING=1":
    failures.append(f"the last message is not STOPPING=1: {texts[-2:]}")

code, messages = run(1)  # WATCHDOG_PID of a process that is neither the kiosk nor its parent
if any(m == "WATCHDOG=1" for _, m in messages):
    failures.append("pinged a watchdog meant for another process")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print(f"PASS: READY, {len(pings)} pings (largest gap {max(gaps):.2f} s), STOPPING; none for another pid")
