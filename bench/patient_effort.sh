#!/usr/bin/env bash
# What each journey asks of the patient, from the scripted walks (tests/e2e/journeys): the taps
# after the card is read up to the Done screen, and the seconds from the card placed to the Done
# screen drawn (the walk's own pauses between taps included, as a patient's would be), each
# journey against the sandbox platform, a private cupsd and the printer simulator.
# Target: a pick-up in at most 2 taps after the card is read.
# Usage: bench/patient_effort.sh [RUNS] [BEFORE_COMMIT]   (after a dev build; BEFORE_COMMIT: whose
# walks to count the taps of for comparison, e.g. the commit before a change)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
before=${2:-}
build=$root/build/dev
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen LOBBY_SOURCE_DIR=$root LOBBY_KIOSK_EXTRA_ARGS=--report-timings

# journey  platform options
journeys=(
    "pickup --at 08:40"
    "book_and_pay --auto-pay 2"
    "cancel_refund"
    "stop_service --at 08:40"
    "stop_service_move --at 08:40"
    "register_today --at 10:10 --auto-pay 2"
    "family_child --at 08:40 --auto-pay 2"
    "bills_insured_qr --auto-pay 2"
)
for entry in "${journeys[@]}"; do
    read -r journey options <<<"$entry"
    # An older checkout may not have every walk yet.
    [[ -x $root/tests/e2e/$journey.sh ]] || continue
    for i in $(seq "$runs"); do
        # shellcheck disable=SC2086
        "$root/tests/platform/with_platform.sh" "$build/sim/lobby-platform" $options \
            "$root/tests/printer/with_cupsd.sh" "$build/sim/lobby-printer-sim" \
            "$root/tests/e2e/$journey.sh" "$build/kiosk/lobby-kiosk-demo" "$out/runs" \
            >"$out/$journey-$i.log" 2>&1 || { echo "FAIL: $journey run $i"; tail "$out/$journey-$i.log"; exit 1; }
        grep -h journey_timing "$out/runs/$journey-portrait/stdout.log" |
            sed "s/^/$journey /" >>"$out/timings.txt" || true
    done
done
python3 - "$out/timings.txt" "$root" "$before" <<'PY'
import json, os, statistics, subprocess, sys
timings, root, before = sys.argv[1], sys.argv[2], sys.argv[3]

def taps(steps):
    """Taps after the identity was read, up to the Done screen (the acknowledgement after it,
    and what precedes the card, are not counted); each key typed on the kiosk's keypad or
    letter keyboard is a tap too."""
    count, read = 0, False
    for step in steps:
        if "place_card" in step or "insert_ssc" in step or "register_if_asked" in step:
            read = True
        elif read and "scan" in step:
            count += 1  # an e-voucher or a payment code held to the scanner: one gesture
        elif "expect_screen" in step and step["expect_screen"].split("|")[0] == "done":
            break
        elif read and "tap" in step:
            count += 1
        elif read and "type" in step:
            count += len(step["type"])
    return count

def walk(journey, commit=None):
    path = f"tests/e2e/journeys/{journey}.json"
    if not commit and not os.path.exists(f"{root}/{path}"):
        return None
    if commit:
        shown = subprocess.run(["git", "-C", root, "show", f"{commit}:{path}"],
                               capture_output=True, text=True)
        return json.loads(shown.stdout) if shown.returncode == 0 else None
    return json.load(open(f"{root}/{path}"))

seconds = {}
for line in open(timings):
    journey, _, record = line.partition(" ")
    seconds.setdefault(journey, []).append(json.loads(record)["total_ms"] / 1000)
print(f"{'journey':<20}{'taps':>6}{'before':>8}{'card→done s (median)':>24}")
for journey in ["pickup", "book_and_pay", "cancel_refund", "stop_service", "stop_service_move",
                "register_today", "family_child", "bills_insured_qr"]:
    old = walk(journey, before) if before else None
    values = seconds.get(journey, [])
    now = walk(journey)
    print(f"{journey:<20}{(taps(now) if now else '-'):>6}{(taps(old) if old else '-'):>8}"
          f"{(f'{statistics.median(values):.1f}' if values else '-'):>24}")
print("target: pick-up ≤ 2 taps after the card is read")
PY
