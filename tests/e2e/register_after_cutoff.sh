#!/usr/bin/env bash
# 当日挂号 after the morning's cut-off (11:00): at 11:05 the morning is not offered at all, so
# the first time the patient sees is the afternoon's first, 13:30; registered with the
# department's general clinic (普通号, ¥8), paid and checked in at once (queue B001). Run by with_platform.sh --at 11:05 --auto-pay 2 and with_cupsd.sh.
# Usage: register_after_cutoff.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
walk register_after_cutoff "$app" "$out"
check_audit "not one registration paid once and checked in" \
    "bookings:checked_in=1 " "payments:captured=1 " "violations=0"
collect_slips 1 "slip"
grep -q "13:30-14:00" "${slips[0]}" || {
    echo "FAIL: after 11:00 the first time offered is not the afternoon's 13:30:" >&2
    cat "${slips[0]}" >&2
    exit 1
}
grep -q "B001" "${slips[0]}" || { echo "FAIL: no afternoon queue number on the 挂号单" >&2; exit 1; }
grep -q "普通号" "${slips[0]}" || { echo "FAIL: the 挂号单 does not say 普通号" >&2; exit 1; }
echo "PASS: the morning closed at 11:00; registered for the afternoon; $audit"
