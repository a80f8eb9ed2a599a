#!/usr/bin/env bash
# Runs a command with lobby-fault-proxy between it and the sandbox platform started by
# with_platform.sh: LOBBY_PLATFORM_URL then names the proxy (LOBBY_PLATFORM_DIRECT_URL the
# platform itself), and `proxy_command CMD` sends the proxy one command ("fault drop /payments 1")
# and prints its answer. The proxy is stopped when the command ends, whatever happens.
# Usage: with_fault_proxy.sh PROXY COMMAND [ARGS...]
set -uo pipefail
proxy=$1
shift
work=$(mktemp -d)
proxy_pid=""
cleanup() {
    exec 7>&- 2>/dev/null
    [[ -n $proxy_pid ]] && { kill "$proxy_pid" 2>/dev/null; wait "$proxy_pid" 2>/dev/null; }
    rm -rf "$work"
}
trap cleanup EXIT

state=$(dirname "$(dirname "${LOBBY_PLATFORM_CA:?run under with_platform.sh}")")
mkfifo "$work/control"
"$proxy" --state "$state" --terminal KIOSK-TEST-0001 --upstream-port "${LOBBY_PLATFORM_URL##*:}" \
    <"$work/control" >"$work/out" 2>"$work/err" &
proxy_pid=$!
exec 7>"$work/control"
for _ in $(seq 200); do grep -q '^port ' "$work/out" && break; sleep 0.05; done
port=$(awk '/^port /{print $2}' "$work/out")
[[ -n $port ]] || { echo "with_fault_proxy: the proxy did not start" >&2; cat "$work/err" >&2; exit 1; }
export LOBBY_PLATFORM_DIRECT_URL=$LOBBY_PLATFORM_URL
export LOBBY_PLATFORM_URL="https://127.0.0.1:$port"
export LOBBY_PROXY_CONTROL="$work/control" LOBBY_PROXY_OUT="$work/out"

proxy_command() {
    local before
    before=$(wc -l <"$LOBBY_PROXY_OUT")
    echo "$*" >"$LOBBY_PROXY_CONTROL"
    for _ in $(seq 100); do
        (($(wc -l <"$LOBBY_PROXY_OUT") > before)) && break
        sleep 0.05
    done
    tail -n +"$((before + 1))" "$LOBBY_PROXY_OUT" | head -n 1
}
export -f proxy_command

"$@"
