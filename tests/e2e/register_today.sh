#!/usr/bin/env bash
# 当日挂号 end to end at 10:10: the patient registers for this morning (the slices already over
# are not offered), pays by QR, and is checked in at once: one 挂号单 with the queue number,
# one paid-and-checked-in booking, one capture. Run by with_platform.sh --at 10:10 --auto-pay 2
# and with_cupsd.sh.
# Usage: register_today.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
walk register_today "$app" "$out"
check_audit "not one registration paid once and checked in" \
    "bookings:checked_in=1 " "payments:captured=1 " "violations=0"
collect_slips 1 "slip"
# The first slice still running at 10:10 is 10:00-10:30; 08:00 ... 09:30 are over.
grep -q "10:00-10:30" "${slips[0]}" || {
    echo "FAIL: the slip is not for 10:00-10:30:" >&2
    cat "${slips[0]}" >&2
    exit 1
}
grep -q "A001" "${slips[0]}" || { echo "FAIL: no queue number on the 挂号单" >&2; exit 1; }
grep -q "张\*丰" "${slips[0]}" || { echo "FAIL: the slip lacks the masked name" >&2; exit 1; }
echo "PASS: registered for today and checked in; $audit"
