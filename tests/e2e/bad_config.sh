#!/usr/bin/env bash
# Every bad config must stop lobby-kiosk before anything starts: exit code 2 and one line on
# stderr naming the offending key and the reason (given in the first line of each *.json's
# twin *.expect file).
# Usage: bad_config.sh APP CONFIG_DIR
set -uo pipefail
app=$1 dir=$2
failures=0 count=0
for config in "$dir"/bad_*.json; do
    count=$((count + 1))
    expected=$(head -n 1 "${config%.json}.expect")
    stderr=$(timeout 20 "$app" --config "$config" 2>&1 >/dev/null)
    status=$?
    if ((status != 2)); then
        echo "FAIL: $(basename "$config"): exit $status, expected 2" >&2
        failures=$((failures + 1))
    elif ! grep -qF -- "$expected" <<<"$stderr"; then
        echo "FAIL: $(basename "$config"): stderr does not say '$expected': $stderr" >&2
        failures=$((failures + 1))
    else
        echo "ok: $(basename "$config"): $stderr"
    fi
done
((count > 0)) || { echo "FAIL: no bad configs found in $dir" >&2; exit 1; }
exit $((failures > 0))
