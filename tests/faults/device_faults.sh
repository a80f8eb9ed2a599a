#!/usr/bin/env bash
# One device fault during a patient journey, then the sandbox's ledger and the kiosk's journal
# checked as in network_faults.sh, and the kiosk shown to serve the next patient. Run by
# with_platform.sh --at 08:40 and with_cupsd.sh.
# Usage: device_faults.sh CASE APP OUTDIR
set -euo pipefail
case=$1 app=$2
out=$3/fault-$case
source "$(dirname "$0")/fault_lib.sh"  # empties $out, writes $out/kiosk.json
platform_command "book +0 11010519491231002X 张三丰 morning paid" >/dev/null
printer() { echo "$*" >"$LOBBY_PRINTER_SIM_CONTROL"; }
jobs_with() { { grep -l -- "$1" "$LOBBY_PRINTER_OUT"/job-*.txt 2>/dev/null || true; } | wc -l; }

# pickup_with_printer STATE: the printer goes to STATE while the patient looks at their bookings,
# before they tap "check in".
pickup_with_printer() {
    kiosk journey pickup &
    local pid=$!
    for _ in $(seq 200); do grep -q "pick-up: 1 bookings today" "$out/app.log" 2>/dev/null && break; sleep 0.05; done
    printer state "$1"
    wait "$pid" || fail "the pick-up journey did not end as a patient would see it"
}

checked_in="ok bookings:checked_in=1 payments:captured=1 violations=0"
case $case in
    paper_out_mid_slip)
        printer paper_out_after 4  # the slip starts, and the paper runs out a few lines in
        kiosk journey pickup || fail "the pick-up journey did not end as a patient would see it"
        want=done ledger=$checked_in owed=1 ;;
    cover_open_mid_journey) pickup_with_printer cover_open; want=done ledger=$checked_in owed=1 ;;
    printer_offline_mid_journey) pickup_with_printer offline; want=done ledger=$checked_in owed=1 ;;
    card_pulled_and_reader_silent)
        kiosk journey card_faults || fail "the kiosk did not recover from the ID reader's faults"
        want=error ledger="ok bookings:paid=1 payments:captured=1 violations=0" owed=0 ;;
    *) echo "unknown case $case" >&2; exit 2 ;;
esac
got=$(outcome_of "$out/journey")
[[ $got == "$want" ]] || fail "the patient saw '$got', expected '$want'"
if [[ $case == *_mid_journey ]]; then
    (($(jobs_with "A001") == 0)) || fail "a slip went to a printer that could not print it"
fi
recover
audit=$(check_invariants)
[[ $audit == "$ledger" ]] || fail "ledger: got '$audit', expected '$ledger'"
(($(journal_count reprint) == owed)) || fail "expected $owed slips owed, got $(journal_count reprint)"
if ((owed)); then
    printer state ready  # paper refilled, cover closed, back online
    sleep 1.5
    before=$(jobs_with "A001")
    revisit
    (($(jobs_with "A001") == before + 1)) || fail "no reprinted slip with the queue number"
fi
echo "PASS: $case: the patient saw '$got'; $audit; slips owed and reprinted: $owed"
