#!/usr/bin/env bash
# 退号退费 end to end: a patient with a paid booking today (not cancellable any more) and one in
# two days cancels the latter, gets the fee back and a refund receipt, then sees both in "my
# bookings". Run by with_platform.sh and with_cupsd.sh.
# Usage: cancel_refund.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
today=$(platform_command "book +0 11010519491231002X 张三丰 afternoon paid")
[[ $today == ok\ * ]] || { echo "FAIL: seeding today's booking: $today" >&2; exit 1; }
later=$(platform_command "book +2 11010519491231002X 张三丰 morning paid")
[[ $later == ok\ * ]] || { echo "FAIL: seeding the later booking: $later" >&2; exit 1; }
booking=$(awk '{print $2}' <<<"$later")

orientation=${LOBBY_ORIENTATION:-portrait}  # landscape: the same journey on a landscape kiosk
"$(dirname "$0")/run_journey.sh" "$app" cancel_refund "$orientation" "$out"

grep -q "booking $booking refunded" "$out/cancel_refund-$orientation/app.log" || {
    echo "FAIL: the booking in two days was not the one refunded" >&2
    exit 1
}
slips=("$LOBBY_PRINTER_OUT"/job-*.txt)
cp "$LOBBY_PRINTER_OUT"/job-* "$out/cancel_refund-$orientation/"
((${#slips[@]} == 1)) || { echo "FAIL: expected one receipt, got ${#slips[@]}" >&2; exit 1; }
grep -q "¥50.00\|¥30.00\|¥20.00\|¥10.00" "${slips[0]}" || {
    echo "FAIL: the receipt lacks the amount:" >&2
    cat "${slips[0]}" >&2
    exit 1
}
grep -q "张\*丰" "${slips[0]}" || { echo "FAIL: the receipt lacks the masked name" >&2; exit 1; }
echo "PASS: cancelled and refunded $booking"
