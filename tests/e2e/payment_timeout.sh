#!/usr/bin/env bash
# The patient never pays: after the kiosk's payment window (10 s here) the held slot is released
# on the platform, the screen says nothing was charged, and nothing is printed. Run by
# with_platform.sh (no auto-pay) and with_cupsd.sh.
# Usage: payment_timeout.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
"$(dirname "$0")/run_journey.sh" "$app" payment_timeout portrait "$out"
booking=$(grep -o "releasing the hold on booking B[0-9a-f]*" "$out/payment_timeout-portrait/app.log" |
    awk '{print $NF}' | head -1)
[[ -n $booking ]] || { echo "FAIL: no hold was released" >&2; exit 1; }
# Paying now is too late: the platform refunds money that arrives for a released booking.
if compgen -G "$LOBBY_PRINTER_OUT/job-*" >/dev/null; then
    echo "FAIL: something was printed for an unpaid booking" >&2
    exit 1
fi
echo "PASS: unpaid hold $booking released after the payment window"
