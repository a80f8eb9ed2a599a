#!/usr/bin/env bash
# A payment code that stays "user paying" (the patient never confirms on the phone): the kiosk
# asks every 5 s for the payment's window, then reverses it (撤销) and lets the lock go. The
# patient is told nothing was charged; the ledger shows the payment reversed and the bill unpaid.
# Self-paying (no insurance). Run by with_platform.sh and with_cupsd.sh.
# Usage: bills_user_paying.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seed "bill drugs 310115198506150022 李秀英" >/dev/null
walk bills_user_paying "$app" "$out"
grep -q "bills: the time to pay ran out" "$journey_out/app.log" ||
    { echo "FAIL: the payment was not given up" >&2; exit 1; }
check_audit "the payment not reversed" "violations=0" "bill_payments:reversed=1"
collect_slips 0 "slips"
echo "PASS: a payment code left paying was reversed and nothing charged; $audit"
