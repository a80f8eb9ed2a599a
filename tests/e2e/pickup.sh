#!/usr/bin/env bash
# 预约取号 end to end: a patient booked and paid yesterday for this morning; at 08:40 they place
# their ID card, check in, and the slip comes out of the printer with the queue number the
# platform gave. Run by with_platform.sh --at 08:40 and with_cupsd.sh.
# Usage: pickup.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
answer=$(platform_command "book +0 11010519491231002X 张三丰 morning paid")
[[ $answer == ok\ * ]] || { echo "FAIL: seeding the booking: $answer" >&2; exit 1; }
booking=$(awk '{print $2}' <<<"$answer")

orientation=${LOBBY_ORIENTATION:-portrait}  # landscape: the same journey on a landscape kiosk
"$(dirname "$0")/run_journey.sh" "$app" pickup "$orientation" "$out"

# The slip: printed once, with the platform's queue number and the masked name only.
slips=("$LOBBY_PRINTER_OUT"/job-*.txt)
cp "$LOBBY_PRINTER_OUT"/job-* "$out/pickup-$orientation/"
((${#slips[@]} == 1)) || { echo "FAIL: expected one slip, got ${#slips[@]}" >&2; exit 1; }
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
