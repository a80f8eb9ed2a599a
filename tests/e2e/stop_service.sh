#!/usr/bin/env bash
# Stop-service (停诊) found at pick-up: the patient's doctor stopped this morning's session; the
# pick-up list says so and offers another slot or a refund; the patient takes the refund, past
# the usual cancellation deadline, and gets the receipt. Run by with_platform.sh --at 08:40 and
# with_cupsd.sh.
# Usage: stop_service.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
answer=$(platform_command "book +0 11010519491231002X 张三丰 morning paid")
[[ $answer == ok\ * ]] || { echo "FAIL: seeding the booking: $answer" >&2; exit 1; }
read -r _ booking session <<<"$answer"
stopped=$(platform_command "stop $session")
[[ $stopped == ok\ * ]] || { echo "FAIL: stopping $session: $stopped" >&2; exit 1; }
"$(dirname "$0")/run_journey.sh" "$app" stop_service portrait "$out"
grep -q "booking $booking refunded" "$out/stop_service-portrait/app.log" || {
    echo "FAIL: booking $booking was not refunded" >&2
    exit 1
}
slips=("$LOBBY_PRINTER_OUT"/job-*.txt)
cp "$LOBBY_PRINTER_OUT"/job-* "$out/stop_service-portrait/"
((${#slips[@]} == 1)) || { echo "FAIL: expected one refund receipt, got ${#slips[@]}" >&2; exit 1; }
echo "PASS: stopped session refunded at pick-up"
