#!/usr/bin/env bash
# A patient the hospital does not know sees the details read from their card and declines: no
# record is created (建档 needs their consent) and the kiosk is back at the attract screen with
# nothing of them kept. Run by with_platform.sh and with_cupsd.sh.
# Usage: register_declined.sh APP OUTDIR
set -euo pipefail
"$(dirname "$0")/run_journey.sh" "$1" register_declined portrait "$2"
log="$2/register_declined-portrait/app.log"
grep -q "the patient declined to be registered" "$log" || { echo "FAIL: the decline was not logged" >&2; exit 1; }
if grep -q "registering new patient" "$log"; then echo "FAIL: a record was created anyway" >&2; exit 1; fi
echo "PASS: no record without the patient's confirmation"
