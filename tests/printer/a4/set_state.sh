#!/usr/bin/env bash
# Changes the test A4 printer's own state, as its panel would: set_state.sh +media-empty-error
# (or -media-empty-error, or marker-levels=3). Sent straight to ippeveprinter as a text job;
# returns once the printer reports it.
set -euo pipefail
: "${LOBBY_A4_URI:?run inside with_cupsd.sh --a4}"
file=$(mktemp --suffix=.txt)
trap 'rm -f "$file"' EXIT
for change in "$@"; do
    case $change in
        [+-]*) echo "STATE: $change" ;;
        *=*) echo "ATTR: $change" ;;
    esac
done >"$file"
ipptool -q -f "$file" "$LOBBY_A4_URI" print-job.test
for change in "$@"; do
    [[ $change == [+-]* ]] || continue
    keyword=${change:1}
    keyword=${keyword%-error}
    keyword=${keyword%-warning}
    keyword=${keyword%-report}
    for _ in $(seq 50); do
        reasons=$(ipptool -tv "$LOBBY_A4_URI" get-printer-attributes.test | grep ' printer-state-reasons ' || true)
        if [[ $change == +* ]]; then [[ $reasons == *"$keyword"* ]] && break
        else [[ $reasons != *"$keyword"* ]] && break; fi
        sleep 0.1
    done
done
