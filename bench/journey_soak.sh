#!/usr/bin/env bash
# One lobby-kiosk process walks the same journey N times (identify by e-voucher, my bookings, the
# booking catalogue, finish) against the sandbox platform and a private cupsd, and reports its RSS, open file
# descriptors and threads after the first pass and the last. Target: RSS growth under 5 MB,
# no growth in fds or threads.
# Usage: bench/journey_soak.sh [PASSES]   (after a dev build; about 2.5 s a pass)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
passes=${1:-1000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen LOBBY_SOURCE_DIR=$root
"$root/tests/platform/with_platform.sh" "$root/build/dev/sim/lobby-platform" \
    "$root/tests/printer/with_cupsd.sh" "$root/build/dev/sim/lobby-printer-sim" bash -c '
    platform_command "book +2 11010519491231002X 张三丰 morning paid" >/dev/null
    platform_command "token evoucher YBPZ0001SOAK 11010519491231002X 张三丰" >/dev/null
    sed -e "s|@PLATFORM_URL@|$LOBBY_PLATFORM_URL|" -e "s|@PLATFORM_CA@|$LOBBY_PLATFORM_CA|" \
        -e "s|@PLATFORM_CERT@|$LOBBY_PLATFORM_CERT|" -e "s|@PLATFORM_KEY@|$LOBBY_PLATFORM_KEY|" \
        -e "s|@CUPS_SERVER@|$CUPS_SERVER|" -e "s|@PRINTER_DIRECT@|127.0.0.1:$LOBBY_PRINTER_SIM_PORT|" \
        "$0/tests/e2e/configs/pickup.json" | python3 -c "
import json, sys
c = json.load(sys.stdin); c[\"session\"][\"farewell_s\"] = 1
c[\"journal\"] = {\"path\": \"$1/journal.db\"}; c[\"health\"] = {\"report_path\": \"$1/health.json\"}
c[\"devices\"][\"scanner\"] = {\"backend\": \"simulated\"}; print(json.dumps(c))" >"$1/kiosk.json"
    "$0/build/dev/kiosk/lobby-kiosk-demo" --config "$1/kiosk.json" --size 1080x1920 \
        --journey "$0/bench/journeys/soak.json" --journey-repeat "$2" --report-timings \
        2>"$1/app.log" | grep journey_pass' "$root" "$out" "$passes" >"$out/passes.jsonl"
python3 - "$out/passes.jsonl" <<'PY'
import json, sys
# with_platform.sh adds its own words (the contract check) after the journey's lines.
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
first, last = rows[0], rows[-1]
peak = max(r["rss_kb"] for r in rows)
print(f"{len(rows)} journeys in one process")
print(f"  RSS     after pass 1: {first['rss_kb']/1024:.1f} MiB, after pass {last['pass']}: "
      f"{last['rss_kb']/1024:.1f} MiB (growth {(last['rss_kb']-first['rss_kb'])/1024:+.1f} MiB, "
      f"peak {peak/1024:.1f} MiB)")
print(f"  fds     {first['fds']} -> {last['fds']}")
print(f"  threads {first['threads']} -> {last['threads']}")
PY
