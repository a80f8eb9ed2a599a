#!/usr/bin/env bash
# 预约挂号 end to end: a patient the platform has never seen places their ID card (registered on
# the spot), books internal medicine's first doctor for the second slice of his next session,
# pays with a QR code (the sandbox's auto-pay settles it), and the voucher is printed. Run by
# with_platform.sh --auto-pay 2 and with_cupsd.sh.
# Usage: book_and_pay.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
walk book_and_pay "$app" "$out"
collect_slips 1 "voucher"
grep -q "李\*英" "${slips[0]}" || { echo "FAIL: the voucher lacks the masked name" >&2; exit 1; }
grep -q "微信支付" "${slips[0]}" || { echo "FAIL: the voucher lacks the payment method" >&2; exit 1; }
grep -q "08:30-09:00" "${slips[0]}" || {
    echo "FAIL: the voucher lacks the chosen time:" >&2
    cat "${slips[0]}" >&2
    exit 1
}
echo "PASS: booked, paid and printed"
