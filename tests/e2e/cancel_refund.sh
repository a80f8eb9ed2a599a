#!/usr/bin/env bash
# 退号退费 end to end: a patient with a paid booking today (not cancellable any more) and one in
# two days cancels the latter, gets the fee back and a refund receipt, then sees both in "my
# bookings". Run by with_platform.sh and with_cupsd.sh.
# Usage: cancel_refund.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seed "book +0 11010519491231002X 张三丰 afternoon paid" >/dev/null
seeded=$(seed "book +2 11010519491231002X 张三丰 morning paid")
read -r booking _ <<<"$seeded"
walk cancel_refund "$app" "$out"
grep -q "booking $booking refunded" "$journey_out/app.log" || {
    echo "FAIL: the booking in two days was not the one refunded" >&2
    exit 1
}
collect_slips 1 "receipt"
grep -q "¥50.00\|¥30.00\|¥20.00\|¥10.00" "${slips[0]}" || {
    echo "FAIL: the receipt lacks the amount:" >&2
    cat "${slips[0]}" >&2
    exit 1
}
grep -q "张\*丰" "${slips[0]}" || { echo "FAIL: the receipt lacks the masked name" >&2; exit 1; }
echo "PASS: cancelled and refunded $booking"
