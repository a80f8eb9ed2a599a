#!/usr/bin/env bash
# Start-up of the kiosk offscreen against a minimal Qt Quick window showing the same attract
# screen (bench/startup_baseline: a title, the prompt, the ID card and e-voucher cards and the
# start button), side by side in one run, alternating: time from
# exec to the first frame (measured from outside), as the app saw it from main(), and the
# kiosk's RSS once the attract screen is up. Prints the medians and the kiosk / baseline ratio
# of exec → first frame (target ≤ 1.5).
# Usage: bench/startup.sh [RUNS]   (LOBBY_PRESET=release for the release build; builds nothing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/${LOBBY_PRESET:-dev}"
# The demo build: its simulated ID card reader and scanner make the attract screen show what a
# lobby's does (a product build without hardware would show neither card).
app="$build/kiosk/lobby-kiosk-demo"
baseline="$build/bench/bench_startup_baseline"
runs=${1:-9}
for binary in "$app" "$baseline"; do
    [[ -x $binary ]] || { echo "build first: $binary not found" >&2; exit 1; }
done
export QT_QPA_PLATFORM=offscreen LOBBY_KIOSK_CONFIG=
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The demo's settings with an ID card reader and a scanner (simulated) and no platform.
python3 - "$root/config/kiosk.demo.json" "$work/kiosk.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["devices"] = {"idcard": {"backend": "simulated"}, "scanner": {"backend": "simulated"}}
c["platform"] = {"backend": "none"}
json.dump(c, open(sys.argv[2], "w"), ensure_ascii=False)
PY

# first_frame BINARY ARGS...: prints "exec_ms main_ms rss_kb" for one start.
first_frame() {
    local fifo start_ns frame_ns line pid rss_kb
    fifo=$(mktemp -u)
    mkfifo "$fifo"
    start_ns=$(date +%s%N)
    "$@" >"$fifo" 2>/dev/null &
    pid=$!
    read -r line <"$fifo"
    frame_ns=$(date +%s%N)
    sleep 1
    rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -f "$fifo"
    echo "$(((frame_ns - start_ns) / 1000000)) $(sed -E 's/.*"since_main_ms":([0-9]+).*/\1/' <<<"$line") $rss_kb"
}

printf '%-4s %16s %16s %12s %20s %20s %14s\n' run kiosk_exec_ms kiosk_main_ms kiosk_rss \
    baseline_exec_ms baseline_main_ms baseline_rss
first_frame "$app" --config "$work/kiosk.json" --report-startup >/dev/null  # warm the caches
first_frame "$baseline" >/dev/null
for ((i = 1; i <= runs; i++)); do
    read -r k_exec k_main k_rss < <(first_frame "$app" --config "$work/kiosk.json" --report-startup)
    read -r b_exec b_main b_rss < <(first_frame "$baseline")
    printf '%-4s %13d ms %13d ms %8d KiB %17d ms %17d ms %10d KiB\n' "$i" "$k_exec" "$k_main" \
        "$k_rss" "$b_exec" "$b_main" "$b_rss"
    echo "$k_exec $b_exec $k_rss $b_rss" >>"$work/pairs"
done
python3 - "$work/pairs" <<'PY'
import statistics, sys
pairs = [tuple(map(int, l.split())) for l in open(sys.argv[1])]
kiosk = statistics.median(p[0] for p in pairs)
base = statistics.median(p[1] for p in pairs)
print(f"median exec -> first frame: kiosk {kiosk:.0f} ms, baseline {base:.0f} ms, "
      f"ratio {kiosk / base:.2f} (target <= 1.5)")
kiosk_rss = statistics.median(p[2] for p in pairs)
base_rss = statistics.median(p[3] for p in pairs)
print(f"median RSS at the first frame: kiosk {kiosk_rss / 1024:.1f} MiB, "
      f"baseline {base_rss / 1024:.1f} MiB")
PY
