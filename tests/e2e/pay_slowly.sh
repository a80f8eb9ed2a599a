#!/usr/bin/env bash
# An elderly patient pays slowly: with the kiosk's default 60 s idle timeout, the QR payment is
# completed on their phone 150 s after the code was shown (the sandbox's auto-pay). No touch in
# all that time, yet the session does not end, no countdown covers the code (a countdown would
# add a screenshot the .expect does not list), the booking is paid and its voucher printed.
# Run by with_platform.sh --auto-pay 150 and with_cupsd.sh.
# Usage: pay_slowly.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
walk pay_slowly "$app" "$out"
log=$journey_out/app.log
if grep -q "no touch for" "$log"; then
    echo "FAIL: the idle timeout struck while the patient was paying" >&2
    exit 1
fi
if grep -q "releasing the hold" "$log"; then
    echo "FAIL: the held slot was released under a paying patient" >&2
    exit 1
fi
collect_slips 1 "voucher"
grep -q "支付宝" "${slips[0]}" || { echo "FAIL: the voucher lacks the payment method" >&2; exit 1; }
echo "PASS: paid 150 s after the code was shown, with no touch; booked and printed"
