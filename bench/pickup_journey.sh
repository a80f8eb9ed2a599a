#!/usr/bin/env bash
# The pick-up journey, card placed → slip printed → Done screen drawn, against the sandbox
# platform, a private cupsd and the printer simulator, split into the card reader's, the
# platform's, the printer's, the patient's (scripted taps) and the kiosk's own time.
# Target: the kiosk's own share ≤ 50 ms per journey.
# Usage: bench/pickup_journey.sh [RUNS]   (after a dev build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
build=$root/build/dev
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen LOBBY_SOURCE_DIR=$root
for i in $(seq "$runs"); do
    # A fresh platform per run: the patient books once a day per doctor.
    "$root/tests/platform/with_platform.sh" "$build/sim/lobby-platform" --at 08:40 \
        "$root/tests/printer/with_cupsd.sh" "$build/sim/lobby-printer-sim" bash -c '
        platform_command "book +0 11010519491231002X 张三丰 morning paid" >/dev/null
        sed -e "s|@PLATFORM_URL@|$LOBBY_PLATFORM_URL|" -e "s|@PLATFORM_CA@|$LOBBY_PLATFORM_CA|" \
            -e "s|@PLATFORM_CERT@|$LOBBY_PLATFORM_CERT|" -e "s|@PLATFORM_KEY@|$LOBBY_PLATFORM_KEY|" \
            -e "s|@CUPS_SERVER@|$CUPS_SERVER|" -e "s|@PRINTER_DIRECT@|127.0.0.1:$LOBBY_PRINTER_SIM_PORT|" \
            "$0/tests/e2e/configs/pickup.json" >"$1/kiosk.json"
        python3 -c "import json, sys; c = json.load(open(sys.argv[1])); c[\"journal\"] = {\"path\": sys.argv[2]}; c[\"health\"] = {\"report_path\": sys.argv[2] + \".health.json\"}; json.dump(c, open(sys.argv[1], \"w\"), ensure_ascii=False)" \
            "$1/kiosk.json" "$1/journal.db"
        "$0/build/dev/kiosk/lobby-kiosk-demo" --config "$1/kiosk.json" --size 1080x1920 \
            --journey "$0/bench/journeys/pickup.json" --report-timings 2>"$1/app.log" |
            grep journey_timing' "$root" "$out" >>"$out/timings.jsonl"
done
python3 - "$out/timings.jsonl" <<'PY'
import json, statistics, sys
# with_platform.sh adds its own words (the contract check) after the journey's lines.
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
print(f"pick-up journey, {len(rows)} runs (median, min-max, ms):")
for key in ["total_ms", "device_ms", "platform_ms", "printing_ms", "patient_ms", "kiosk_ms"]:
    values = [r[key] for r in rows]
    print(f"  {key[:-3]:<9} {statistics.median(values):7.1f}   {min(values)}-{max(values)}")
print("target: kiosk ≤ 50 ms")
PY
