#!/usr/bin/env bash
# 建档 with a verified mobile number: a patient the hospital does not know confirms the details
# read from their card, types their mobile number (a short one is caught on the kiosk), types it
# again (a different one sends them back to type it anew), and types the code the platform texted
# to it: a wrong code is refused with the tries left, the right one registers them. Later, without
# the card, their ID number and that mobile number identify them. Neither number nor the code
# reaches the log. Run by with_platform.sh and with_cupsd.sh.
# Usage: register_new_patient.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
walk register_new_patient "$app" "$out"
log=$journey_out/app.log
texts=$(grep -c '"phone": *"13800138000"' "$LOBBY_SMS_OUTBOX" || true)
[[ $texts == 1 ]] || { echo "FAIL: expected one text to the number, got $texts" >&2; exit 1; }
code=$(platform_command "sms 13800138000" | grep -o '[0-9]\{6\}' | head -1)
grep -q "registration refused: sms_code_wrong" "$log" ||
    { echo "FAIL: the wrong code was not refused" >&2; exit 1; }
grep -q "registering new patient 李\*英" "$log" ||
    { echo "FAIL: the patient was not registered" >&2; exit 1; }
[[ $(grep -c "identified: 李\*英" "$log") == 2 ]] ||
    { echo "FAIL: not identified once registered and once by ID number + mobile" >&2; exit 1; }
if grep -q "13800138000\|13900139000\|310115198506150022\|$code" "$log"; then
    echo "FAIL: a number or the code reached the log" >&2
    exit 1
fi
echo "PASS: registered with a verified mobile number (a wrong code refused), then identified by it"
