#!/usr/bin/env bash
# kioskctl device a4 status|test against the private cupsd and CUPS's ippeveprinter started by
# with_cupsd.sh --a4: the state from the printer itself, its faults, and a test page printed.
# Usage: kioskctl_a4.sh KIOSKCTL
set -euo pipefail
kioskctl=$1
here=$(dirname "$0")
expect_json() {  # expect_json PYTHON-ASSERTION kioskctl-args...
    local check=$1
    shift
    "$kioskctl" device a4 "$@" | python3 -c "import json,sys; d=json.load(sys.stdin); assert $check, d"
}
expect_json 'd["state"] == "ready" and d["source"] == "printer" and d["duplex"] and d["marker_levels"] == [80]' \
    status --queue a4
"$here/a4/set_state.sh" +toner-empty-error
expect_json 'd["state"] == "toner_out" and any(r.startswith("toner-empty") for r in d["reasons"])' status
status=0
"$kioskctl" device a4 test 2>"$LOBBY_A4_OUT/../err" || status=$?
((status == 1)) && grep -q "toner_out" "$LOBBY_A4_OUT/../err" ||
    { echo "FAIL: a test page was attempted on an empty toner"; exit 1; }
"$here/a4/set_state.sh" -toner-empty-error
echo "ok: status from the printer, toner out refused"

expect_json 'd["printed"] and d["pages"] == 1' test
for _ in $(seq 50); do compgen -G "$LOBBY_A4_OUT/job-*.pdf" >/dev/null && break; sleep 0.1; done
page=$(compgen -G "$LOBBY_A4_OUT/job-*.pdf" | head -1)
pdftotext "$page" - | grep -q "Lobby Kiosk A4 test page" || { echo "FAIL: the test page was not printed"; exit 1; }
echo "ok: test page printed"

status=0
"$kioskctl" device a4 status --queue no-such-queue 2>/dev/null || status=$?
((status == 1)) || { echo "FAIL: unknown queue"; exit 1; }
echo "ok: unknown queue refused"
