#!/usr/bin/env bash
# Start-up figures of lobby-kiosk offscreen: time from exec to the first frame (measured from
# outside, and as the app saw it from main()), and RSS once the attract screen is up.
# Usage: bench/startup.sh [RUNS]   (builds nothing: run scripts/test or scripts/demo first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
app="$root/build/${LOBBY_PRESET:-dev}/kiosk/lobby-kiosk"
runs=${1:-5}
[[ -x $app ]] || { echo "build first: $app not found" >&2; exit 1; }
export QT_QPA_PLATFORM=offscreen LOBBY_KIOSK_CONFIG=

settle_s=2
printf '%-4s %14s %14s %12s\n' run exec_to_frame main_to_frame rss_attract
for ((i = 1; i <= runs; i++)); do
    fifo=$(mktemp -u)
    mkfifo "$fifo"
    start_ns=$(date +%s%N)
    "$app" --config "$root/config/kiosk.demo.json" --report-startup >"$fifo" 2>/dev/null &
    pid=$!
    read -r line <"$fifo"
    frame_ns=$(date +%s%N)
    main_ms=$(sed -E 's/.*"since_main_ms":([0-9]+).*/\1/' <<<"$line")
    sleep "$settle_s"
    rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -f "$fifo"
    printf '%-4s %11d ms %11d ms %9d KiB\n' "$i" $(((frame_ns - start_ns) / 1000000)) "$main_ms" "$rss_kb"
done
