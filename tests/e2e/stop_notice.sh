#!/usr/bin/env bash
# Stop-service offered at identification: the doctor of the patient's booking two days ahead
# stopped that session; the moment the patient is identified the menu says so, before anything
# else, with the refund and the move; they move it (改约) there and then, at no charge, and back
# on the menu the notice is gone. Run by with_platform.sh --at 08:40 and with_cupsd.sh.
# Usage: stop_notice.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
read -r booking session _ <<<"$(seed "book +2 11010519491231002X 张三丰 morning paid")"
seed "stop $session" >/dev/null
walk stop_notice "$app" "$out"
grep -q "stop-service notices: 1 booking(s) stopped" "$journey_out/app.log" ||
    { echo "FAIL: the stopped booking was not put before the patient" >&2; exit 1; }
grep -q "booking $booking" "$journey_out/app.log" ||
    { echo "FAIL: booking $booking was not the one moved" >&2; exit 1; }
check_audit "the move took money or lost it" "bookings:paid=1 " "payments:captured=1 " \
    "violations=0"
collect_slips 1 "voucher"
echo "PASS: stop-service put before the patient at identification and moved; $audit"
