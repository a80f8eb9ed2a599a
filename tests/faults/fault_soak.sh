#!/usr/bin/env bash
# The soak: one kiosk process walks PASSES passes of bench/journeys/fault_soak.json, three patient
# sessions each (look up bookings by e-voucher; book, start paying and step back, so the hold is
# released; choose bills to pay, lock them and step back, so the lock is let go), while network
# faults strike the booking calls and the bill locks at random moments through lobby-fault-proxy. Reports RSS, open fds and threads after the first
# and the last pass, the faults that struck, and the ledger's invariants after a restart.
# Run by with_platform.sh, with_cupsd.sh and with_fault_proxy.sh.
# Usage: fault_soak.sh APP OUTDIR PASSES   ($LOBBY_SOAK_MINUTES, if set, ends the walk after that
# long: the kiosk is stopped with SIGTERM and the figures are those of the passes walked)
set -euo pipefail
app=$1
out=$2/fault-soak
passes=$3
source "$(dirname "$0")/fault_lib.sh"  # empties $out, writes $out/kiosk.json
# Sessions at a soak's pace: the simulated ID reader asked every 50 ms and reading in 0.1 s (a
# real one: 0.6 s), the journey tapping 20 ms after a screen settles, each patient presenting
# their card or code during the previous one's farewell. What the soak looks for (growth,
# leaks, the ledger's invariants) does not depend on the pace; it only lets 10,000 sessions fit
# in hours rather than a night.
python3 - "$out/kiosk.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["devices"]["idcard"].update(poll_interval_ms=50, simulated_read_ms=100)
json.dump(c, open(sys.argv[1], "w"), ensure_ascii=False)
PY
platform_command "book +2 11010519491231002X 张三丰 morning paid" >/dev/null
platform_command "token evoucher YBPZ0001SOAK 11010519491231002X 张三丰" >/dev/null
platform_command "bill drugs 310115198506150022 李秀英" >/dev/null

"$app" --config "$out/kiosk.json" --size 1080x1920 \
    --journey "$LOBBY_SOURCE_DIR/bench/journeys/fault_soak.json" --journey-repeat "$passes" \
    --report-timings >"$out/passes.out" 2>"$out/app.log" &
pid=$!
started=$SECONDS
RANDOM=${LOBBY_FAULT_SEED:-7}
modes=(drop reset 5xx truncate stall)
declare -A armed
injected=0
deadline=$((SECONDS + ${LOBBY_SOAK_MINUTES:-100000} * 60))
stopped=0
while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
        kill -TERM "$pid"
        stopped=1
        break
    fi
    sleep "$((3 + RANDOM % 6))"
    kill -0 "$pid" 2>/dev/null || break
    mode=${modes[RANDOM % ${#modes[@]}]}
    target=/v1/bookings
    ((RANDOM % 3 == 0)) && target=/v1/bill-locks
    proxy_command "fault $mode $target 1" >/dev/null
    armed[$mode]=$((${armed[$mode]:-0} + 1))
    injected=$((injected + 1))
done
status=0
wait "$pid" || status=$?
walked_s=$((SECONDS - started))
((status == 0 || stopped)) || fail "the kiosk failed during the soak (exit $status)"
counts=$(proxy_command count)
proxy_command "fault none" >/dev/null
recover
audit=$(check_invariants)
errors=$(grep -c -- '-> error$' "$out/app.log" || true)
queued=$(grep -c 'farewell -- identity_presented' "$out/app.log" || true)
arming=$(for mode in "${!armed[@]}"; do printf '%s=%s ' "$mode" "${armed[$mode]}"; done)
python3 - "$out/passes.out" "$counts" "$audit" "$walked_s" "$errors" "$queued" "$arming" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if '"journey_pass"' in l]
first, last = rows[0], rows[-1]
unread = [k for k in ("rss_kb", "fds", "threads") for r in (first, last) if r[k] <= 0]
if unread:
    sys.exit(f"FAIL: the kiosk reported no {', '.join(sorted(set(unread)))}: figures unread")
print(f"{len(rows)} passes, {3 * len(rows)} patient sessions in one kiosk process")
print(f"  RSS     after pass 1: {first['rss_kb']/1024:.1f} MiB, after pass {last['pass']}: "
      f"{last['rss_kb']/1024:.1f} MiB (growth {(last['rss_kb']-first['rss_kb'])/1024:+.1f} MiB, "
      f"peak {max(r['rss_kb'] for r in rows)/1024:.1f} MiB)")
print(f"  fds     {first['fds']} -> {last['fds']}")
print(f"  threads {first['threads']} -> {last['threads']}")
print(f"  walked  {int(sys.argv[4])} s, {int(sys.argv[4]) / (3 * len(rows)):.2f} s a session; "
      f"{sys.argv[6]} sessions began during the previous farewell")
print(f"  proxy   {sys.argv[2]}; faults armed: {sys.argv[7].strip()}")
print(f"  the patient was shown the error screen {sys.argv[5]} times")
print(f"  after a restart: {sys.argv[3]}; no transaction left open")
PY
echo "PASS: soak of $(grep -c journey_pass "$out/passes.out") passes$( ((stopped)) && echo " (stopped at the deadline)"); $injected faults armed"
