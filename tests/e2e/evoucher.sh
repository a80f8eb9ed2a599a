#!/usr/bin/env bash
# Identification by a scanned code: a visit card the platform does not know is refused in its
# words (to a patient who chose English); the next patient in the queue scans their
# medical-insurance e-voucher during that farewell, which starts their session at once in the
# kiosk's own language (no attract screen between), and their bookings show.
# Run by with_platform.sh.
# Usage: evoucher.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
answer=$(platform_command "token evoucher YBPZ0001TESTTOKEN 11010519491231002X 张三丰")
[[ $answer == ok ]] || { echo "FAIL: binding the e-voucher: $answer" >&2; exit 1; }
answer=$(platform_command "book +2 11010519491231002X 张三丰 morning paid")
[[ $answer == ok\ * ]] || { echo "FAIL: seeding a booking: $answer" >&2; exit 1; }
"$(dirname "$0")/run_journey.sh" "$app" evoucher portrait "$out"
if grep -q "YBPZ0001TESTTOKEN" "$out/evoucher-portrait/app.log"; then
    echo "FAIL: the e-voucher token reached the log" >&2
    exit 1
fi
echo "PASS: identified by e-voucher; an unknown visit card was refused"
