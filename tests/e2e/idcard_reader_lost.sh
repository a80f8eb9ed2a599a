#!/usr/bin/env bash
# The ID card reader stops answering on the attract screen (the simulated reader goes silent, as
# an unplugged one does): the kiosk stops inviting patients to place a card before anyone tries,
# keeps the means that still work (the scanner), invites them back when the reader answers again,
# and tells the platform at once: the last heartbeat says the reader is lost.
# Run by with_platform.sh and with_cupsd.sh.
# Usage: idcard_reader_lost.sh APP OUTDIR
set -euo pipefail
source "$(dirname "$0")/journey_lib.sh"
walk idcard_reader_lost "$1" "$2"
heartbeat=$(platform_command "heartbeat KIOSK-TEST-0001")
[[ $heartbeat == ok\ * ]] || { echo "FAIL: no heartbeat from the kiosk: $heartbeat" >&2; exit 1; }
python3 - "${heartbeat#ok }" <<'PY' || exit 1
import json, sys
beat = json.loads(sys.argv[1])
assert beat["devices"]["idcard_reader"] == "lost", beat
assert beat["devices"]["scanner"] == "ready", beat
assert beat["devices"]["ssc_reader"] == "absent", beat
PY
echo "PASS: the lost reader was withdrawn from the attract screen, came back, and was reported"
