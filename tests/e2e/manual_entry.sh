#!/usr/bin/env bash
# Manual entry (no card): the patient types their ID number on the kiosk's own keypad (X from its
# own key) and the mobile number the hospital has; a number too short is caught on the kiosk, the
# right pair identifies them, a phone number that is not theirs is refused in the platform's
# words. Neither number reaches the log. Run by with_platform.sh.
# Usage: manual_entry.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
answer=$(platform_command "token phone 13800138000 11010519491231002X 张三丰")
[[ $answer == ok ]] || { echo "FAIL: recording the phone number: $answer" >&2; exit 1; }
# Portrait puts the keypad below the fields; landscape beside them (below, it would not fit).
for orientation in portrait landscape; do
    "$(dirname "$0")/run_journey.sh" "$app" manual_entry "$orientation" "$out"
    log=$out/manual_entry-$orientation/app.log
    grep -q "identified: 张\*丰" "$log" || {
        echo "FAIL ($orientation): the typed numbers did not identify" >&2
        exit 1
    }
    grep -q "manual identification failed: identity_mismatch" "$log" || {
        echo "FAIL ($orientation): a phone number not on record was not refused" >&2
        exit 1
    }
done
echo "PASS: identified by typed numbers; a short number caught locally; a wrong phone refused"
