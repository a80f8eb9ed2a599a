#!/usr/bin/env bash
# The technicians' menu: five taps on the hospital's name on the attract screen, a wrong PIN
# refused, the right one opening the menu, a test slip printed through CUPS, back to service.
# Run by with_cupsd.sh.  Usage: maintenance.sh APP OUTDIR
set -euo pipefail
"$(dirname "$0")/run_journey.sh" "$1" maintenance portrait "$2"
out="$2/maintenance-portrait"
grep -q "wrong technician PIN, failure 1 of 5" "$out/app.log" || { echo "FAIL: the wrong PIN was not refused" >&2; exit 1; }
grep -q "maintenance menu unlocked" "$out/app.log" || { echo "FAIL: the right PIN did not unlock" >&2; exit 1; }
if grep -q "246813" "$out/app.log"; then echo "FAIL: the PIN reached the log" >&2; exit 1; fi
grep -l "KIOSK-MAINT-0001" "$LOBBY_PRINTER_OUT"/job-*.txt >/dev/null 2>&1 ||
    { echo "FAIL: no test slip reached the printer" >&2; ls "$LOBBY_PRINTER_OUT" >&2; exit 1; }
echo "PASS: maintenance menu behind the gesture and the PIN; test slip printed"
