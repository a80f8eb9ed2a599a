#!/usr/bin/env bash
# 预约取号 end to end: a patient booked and paid yesterday for this morning; at 08:40 they place
# their ID card, check in, and the slip comes out of the printer with the queue number the
# platform gave. Run by with_platform.sh --at 08:40 and with_cupsd.sh.
# Usage: pickup.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seeded=$(seed "book +0 11010519491231002X 张三丰 morning paid")
read -r booking _ <<<"$seeded"
walk pickup "$app" "$out"
# The slip: printed once, with the platform's queue number and the masked name only.
collect_slips 1 "slip"
grep -q "张\*丰" "${slips[0]}" || { echo "FAIL: the slip lacks the masked name" >&2; exit 1; }
if grep -q "张三丰\|11010519491231002X" "${slips[0]}"; then
    echo "FAIL: the slip shows personal data in full" >&2
    exit 1
fi
grep -q "08:00-08:30" "${slips[0]}" || { echo "FAIL: the slip lacks the time window" >&2; exit 1; }
grep -q "门诊楼.*候诊区" "${slips[0]}" || { echo "FAIL: the slip lacks the way there" >&2; exit 1; }
# The session's first check-in: the sandbox numbers morning queues A001, A002, ...
grep -q "A001" "${slips[0]}" || {
    echo "FAIL: no queue number on the slip:" >&2
    cat "${slips[0]}" >&2
    exit 1
}

# The kiosk reported its health as it started: its terminal id, version and the printer ready.
heartbeat=$(platform_command "heartbeat KIOSK-TEST-0001")
[[ $heartbeat == ok\ * ]] || { echo "FAIL: no heartbeat from the kiosk: $heartbeat" >&2; exit 1; }
python3 - "${heartbeat#ok }" <<'PY' || exit 1
import json, sys
beat = json.loads(sys.argv[1])
assert beat["terminal_id"] == "KIOSK-TEST-0001", beat
assert beat["devices"]["idcard_reader"] == "ready", beat
assert beat["devices"]["printer"] == "ready", beat  # sent again when the printer came up
assert beat["software_version"], beat
PY
echo "PASS: checked in booking $booking; slip $(basename "${slips[0]}"); heartbeat recorded"
