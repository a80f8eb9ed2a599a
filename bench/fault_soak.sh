#!/usr/bin/env bash
# The soak with faults (issue 8): PASSES passes of three patient sessions each in one lobby-kiosk
# process against the sandbox platform through lobby-fault-proxy, faults striking booking and
# payment calls every 3–8 s. Prints RSS / fds / threads after the first and last pass, the
# faults that struck and the ledger's invariants. Target: RSS growth under 5 MB, no growth in
# fds or threads, no violation.
# Usage: bench/fault_soak.sh [PASSES]   (after a dev build; 3334 passes = 10,002 sessions;
# about 2 s a pass: patients at a soak's pace, see tests/faults/fault_soak.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
passes=${1:-3334}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen LOBBY_SOURCE_DIR=$root
"$root/tests/platform/with_platform.sh" "$root/build/dev/sim/lobby-platform" \
    "$root/tests/printer/with_cupsd.sh" "$root/build/dev/sim/lobby-printer-sim" \
    "$root/tests/faults/with_fault_proxy.sh" "$root/build/dev/sim/lobby-fault-proxy" \
    "$root/tests/faults/fault_soak.sh" "${LOBBY_SOAK_APP:-$root/build/dev/kiosk/lobby-kiosk-demo}" \
    "$out" "$passes" 2>&1 | grep -v '^W \['
