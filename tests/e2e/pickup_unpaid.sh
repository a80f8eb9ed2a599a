#!/usr/bin/env bash
# 预约取号 of a booking made by phone five minutes ago (the hospital takes same-day bookings) and
# not paid yet: the patient pays at the kiosk
# (QR; the sandbox's auto-pay settles it), is checked in at once, and the slip is printed. The
# ledger then holds one captured payment and the booking checked in. Run by
# with_platform.sh --at 08:40 --auto-pay 2 --rules same_day_rules.json and with_cupsd.sh.
# Usage: pickup_unpaid.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
answer=$(platform_command "book +0 11010519491231002X 张三丰 morning unpaid")
[[ $answer == ok\ * ]] || { echo "FAIL: seeding the booking: $answer" >&2; exit 1; }
booking=$(awk '{print $2}' <<<"$answer")

orientation=${LOBBY_ORIENTATION:-portrait}  # landscape: the same journey on a landscape kiosk
"$(dirname "$0")/run_journey.sh" "$app" pickup_unpaid "$orientation" "$out"

slips=("$LOBBY_PRINTER_OUT"/job-*.txt)
cp "$LOBBY_PRINTER_OUT"/job-* "$out/pickup_unpaid-$orientation/"
((${#slips[@]} == 1)) || { echo "FAIL: expected one slip, got ${#slips[@]}" >&2; exit 1; }
grep -q "A001" "${slips[0]}" || { echo "FAIL: no queue number on the slip" >&2; exit 1; }

audit=$(platform_command audit)
echo "ledger: $audit"
[[ $audit == "ok bookings:checked_in=1 payments:captured=1 violations=0" ]] || {
    echo "FAIL: expected the booking checked in and paid once; the ledger says: $audit" >&2
    exit 1
}
echo "PASS: booking $booking paid at the kiosk, checked in, slip $(basename "${slips[0]}")"
