#!/usr/bin/env bash
# Runs a command with lobby-fault-proxy between it and the sandbox platform started by
# with_platform.sh: LOBBY_PLATFORM_URL then names the proxy (LOBBY_PLATFORM_DIRECT_URL the
# platform itself), and `proxy_command CMD` sends the proxy one command ("fault drop /payments 1")
# and prints its answer. The proxy is stopped when the command ends, whatever happens.
# Usage: with_fault_proxy.sh PROXY COMMAND [ARGS...]
set -uo pipefail
source "$(dirname "$0")/../tools/control_fifo.sh"
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
port=$(wait_for_port "$work/out")
[[ -n $port ]] || { echo "with_fault_proxy: the proxy did not start" >&2; cat "$work/err" >&2; exit 1; }
export LOBBY_PLATFORM_DIRECT_URL=$LOBBY_PLATFORM_URL
export LOBBY_PLATFORM_URL="https://127.0.0.1:$port"
export LOBBY_PROXY_CONTROL="$work/control" LOBBY_PROXY_OUT="$work/out"

proxy_command() { send_command "$LOBBY_PROXY_CONTROL" "$LOBBY_PROXY_OUT" "$@"; }
export -f proxy_command

"$@"
