#!/usr/bin/env bash
# kioskctl device printer status|test against the private cupsd and printer simulator started
# by with_cupsd.sh.
# Usage: kioskctl_printer.sh KIOSKCTL
set -euo pipefail
kioskctl=$1
direct="127.0.0.1:$LOBBY_PRINTER_SIM_PORT"
tell() { echo "$*" >"$LOBBY_PRINTER_SIM_CONTROL"; sleep 0.2; }
expect_json() {  # expect_json PYTHON-ASSERTION kioskctl-args...
    local check=$1
    shift
    "$kioskctl" device printer "$@" | python3 -c "import json,sys; d=json.load(sys.stdin); assert $check, d"
}

expect_json 'd["state"] == "ready" and d["source"] == "cups" and d["accepting"]' status --queue "$LOBBY_CUPS_QUEUE"
expect_json 'd["state"] == "ready" and d["source"] == "printer"' status --direct "$direct"
for state in paper_low paper_out cover_open offline; do
    tell "state $state"
    expect_json "d['state'] == '$state'" status --direct "$direct"
done
tell "state ready"
echo "ok: status from CUPS and from the printer"

expect_json 'd["printed"] and d["bytes"] > 100' test --queue "$LOBBY_CUPS_QUEUE" --paper 58
for _ in $(seq 50); do [[ -s "$LOBBY_PRINTER_OUT/job-0001.png" ]] && break; sleep 0.1; done
grep -qx "打印测试" "$LOBBY_PRINTER_OUT/job-0001.txt"
grep -qx "Printer test" "$LOBBY_PRINTER_OUT/job-0001.txt"
[[ -s "$LOBBY_PRINTER_OUT/job-0001.png" ]]
echo "ok: test page printed"

status=0
"$kioskctl" device printer status --queue no-such-queue 2>"$LOBBY_PRINTER_OUT/err" || status=$?
((status == 1)) && grep -q "kioskctl:" "$LOBBY_PRINTER_OUT/err" || { echo "FAIL: unknown queue"; exit 1; }
echo "ok: unknown queue refused"
