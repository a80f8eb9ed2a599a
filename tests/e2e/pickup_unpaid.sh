#!/usr/bin/env bash
# 预约取号 of a booking made by phone five minutes ago (the hospital takes same-day bookings) and
# not paid yet: the patient pays at the kiosk
# (QR; the sandbox's auto-pay settles it), is checked in at once, and the slip is printed. The
# ledger then holds one captured payment and the booking checked in. Run by
# with_platform.sh --at 08:40 --auto-pay 2 --rules same_day_rules.json and with_cupsd.sh.
# Usage: pickup_unpaid.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seeded=$(seed "book +0 11010519491231002X 张三丰 morning unpaid")
read -r booking _ <<<"$seeded"
walk pickup_unpaid "$app" "$out"
collect_slips 1 "slip"
grep -q "A001" "${slips[0]}" || { echo "FAIL: no queue number on the slip" >&2; exit 1; }

audit=$(platform_command audit)
echo "ledger: $audit"
[[ $audit == "ok bookings:checked_in=1 payments:captured=1 violations=0" ]] || {
    echo "FAIL: expected the booking checked in and paid once; the ledger says: $audit" >&2
    exit 1
}
echo "PASS: booking $booking paid at the kiosk, checked in, slip $(basename "${slips[0]}")"
