#!/usr/bin/env bash
# The A4 report benchmark (bench/print_report.cpp) with what it needs: the sandbox platform with
# RUNS two-page reports seeded, a private cupsd with an IPP Everywhere queue to ippeveprinter.
# Usage: bench/print_report.sh [BUILD_DIR] [RUNS]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build/dev}" && pwd)
runs=${2:-10}
export BENCH_RUNS=$runs BENCH_BIN=$build/bench/bench_print_report
"$src/tests/platform/with_platform.sh" "$build/sim/lobby-platform" \
    "$src/tests/printer/with_cupsd.sh" --a4 "$build/tests/liblobby_test_no_dnssd.so" \
    "$build/sim/lobby-printer-sim" bash -c '
        for _ in $(seq "$BENCH_RUNS"); do
            platform_command "report biochem 310115198506150022 李秀英" >/dev/null
        done
        "$BENCH_BIN" "$BENCH_RUNS"'
