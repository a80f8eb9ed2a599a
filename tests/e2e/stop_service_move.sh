#!/usr/bin/env bash
# 改约 after a stop-service (停诊): the patient's doctor stopped this morning's session; from the
# pick-up list the patient moves the paid booking to another day (a day tab, a time), confirms,
# and takes the new voucher. One operation on the platform: the booking keeps its payment, no
# second payment is taken and nothing is refunded. Run by with_platform.sh --at 08:40 and
# with_cupsd.sh.
# Usage: stop_service_move.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seeded=$(seed "book +0 11010519491231002X 张三丰 morning paid")
read -r booking session _ <<<"$seeded"
seed "stop $session" >/dev/null
walk stop_service_move "$app" "$out"
check_audit "the moved booking is not the one paid booking" "bookings:paid=1 " \
    "payments:captured=1 " "violations=0"
grep -q "booking $booking" "$journey_out/app.log" || {
    echo "FAIL: booking $booking was not the one moved" >&2
    exit 1
}
collect_slips 1 "voucher"
echo "PASS: stopped booking moved with its payment; $audit"
