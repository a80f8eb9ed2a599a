#!/usr/bin/env bash
# Stop-service (停诊) found at pick-up: the patient's doctor stopped this morning's session; the
# pick-up list says so and offers another slot or a refund; the patient takes the refund, past
# the usual cancellation deadline, and gets the receipt. Run by with_platform.sh --at 08:40 and
# with_cupsd.sh.
# Usage: stop_service.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seeded=$(seed "book +0 11010519491231002X 张三丰 morning paid")
read -r booking session _ <<<"$seeded"
seed "stop $session" >/dev/null
walk stop_service "$app" "$out"
grep -q "booking $booking refunded" "$journey_out/app.log" || {
    echo "FAIL: booking $booking was not refunded" >&2
    exit 1
}
collect_slips 1 "refund receipt"
echo "PASS: stopped session refunded at pick-up"
