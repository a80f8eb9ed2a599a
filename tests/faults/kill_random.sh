#!/usr/bin/env bash
# kill -9 at random points across at least JOURNEYS booking journeys (e-voucher, book, pay by
# insurance, voucher printed): one kiosk process walks a patient's journey again and again until
# killed at a random moment, restarts, settles its journal; the ledger is checked after every
# restart (the restarted kiosk settles its journal, then the next run serves the next patient).
# Each run is a new patient (the sandbox's per-day limits). Run by with_platform.sh
# --rules tests/faults/relaxed_rules.json and with_cupsd.sh.
# Usage: kill_random.sh APP OUTDIR [JOURNEYS]
set -euo pipefail
app=$1
out=$2/kill-random
want=${3:-200}
source "$(dirname "$0")/fault_lib.sh"  # empties $out, writes $out/kiosk.json
[[ $(platform_command "capacity 10000") == ok ]] || fail "the sandbox refused more capacity"
passes_per_run=8
journeys=0 kills=0 runs=0 reconciled=0
RANDOM=${LOBBY_FAULT_SEED:-20261122}
while ((journeys < want)); do
    runs=$((runs + 1))
    token=YBPZKILL$(printf %05d "$runs")
    platform_command "token evoucher $token 1101011990$(printf %08d "$runs") 测试者$runs" |
        grep -q '^ok' || fail "could not seed patient $runs"
    sed "s/@TOKEN@/$token/" "$faults/journeys/book_insurance.json" >"$out/journey.json"
    "$app" --config "$out/kiosk.json" --size 1080x1920 --journey "$out/journey.json" \
        --journey-repeat "$passes_per_run" --report-timings >"$out/run.out" 2>"$out/run.log" &
    pid=$!
    if ((RANDOM % 2)); then
        # Anywhere: up to 8 passes take about 25 s, the kill lands in the first 20.
        delay_ms=$((300 + RANDOM % 20000))
    else
        # In the money path: a up to 200 ms after the kth booking of this run began.
        nth=$((1 + RANDOM % 3))
        for _ in $(seq 400); do
            (($(grep -c "booking a slice" "$out/run.log" || true) >= nth)) && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.05
        done
        delay_ms=$((RANDOM % 200))
    fi
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if kill -0 "$pid" 2>/dev/null; then
        kill -9 "$pid"
        wait "$pid" 2>/dev/null || true
        kills=$((kills + 1))
        passes=$(grep -c journey_pass "$out/run.out" || true)
        journeys=$((journeys + passes + 1))  # the one cut short counts
    else
        wait "$pid" || fail "run $runs ended badly before its kill"
        journeys=$((journeys + $(grep -c journey_pass "$out/run.out" || true)))
    fi
    settle
    cat "$out/run.log" >>"$out/app.log"
    reconciled=$(grep -c "reconciled " "$out/app.log" || true)
    check_invariants >/dev/null
done
recover  # and the kiosk serves the next patient
check_invariants >/dev/null
audit=$(tail -n 1 "$out/audit.log")
echo "PASS: $journeys journeys in $runs runs, $kills killed at random; $reconciled transactions" \
     "settled after a kill; violations: 0; ledger: $audit"
