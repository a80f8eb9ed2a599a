#!/usr/bin/env bash
# Runs a command next to a private sandbox platform: lobby-platform over TLS on a free port on
# 127.0.0.1, its dev CA, database and a terminal certificate in a temporary directory, stopped
# when the command ends, whatever happens.
# Usage: with_platform.sh PLATFORM [--at HH:MM] [--auto-pay S] [--rules FILE] COMMAND [ARGS...]
# The command sees LOBBY_PLATFORM_URL, LOBBY_PLATFORM_CA, LOBBY_PLATFORM_CERT, LOBBY_PLATFORM_KEY
# and LOBBY_PLATFORM_CONTROL (a FIFO taking the platform's stdin commands; each answer is
# appended to LOBBY_PLATFORM_OUT), and the helper `platform_command CMD` that sends one command
# and prints its answer.
# Every reply the platform gives is recorded and, once the command has passed, held against the
# contract (tests/contract/check_traffic.py): an undocumented reply fails the test.
set -uo pipefail
source "$(dirname "$0")/../tools/control_fifo.sh"
platform=$1
shift
options=()
while [[ ${1:-} == --at || ${1:-} == --auto-pay || ${1:-} == --rules ]]; do
    options+=("$1" "$2")
    shift 2
done
work=$(mktemp -d)
platform_pid=""
cleanup() {
    exec 8>&- 2>/dev/null
    [[ -n $platform_pid ]] && { kill "$platform_pid" 2>/dev/null; wait "$platform_pid" 2>/dev/null; }
    # LOBBY_KEEP_TRAFFIC=FILE keeps the run's replies for a look.
    [[ -n ${LOBBY_KEEP_TRAFFIC:-} && -f $work/traffic.jsonl ]] && cp "$work/traffic.jsonl" "$LOBBY_KEEP_TRAFFIC"
    rm -rf "$work"
}
trap cleanup EXIT

terminal=KIOSK-TEST-0001
mkfifo "$work/control"
"$platform" --state "$work/state" --port 0 --client-cert "$terminal" --record "$work/traffic.jsonl" \
    --sms-outbox "$work/sms.jsonl" "${options[@]}" \
    <"$work/control" >"$work/out" 2>"$work/err" &
platform_pid=$!
exec 8>"$work/control"
port=$(wait_for_port "$work/out")
[[ -n $port ]] || { echo "with_platform: the platform did not start" >&2; cat "$work/err" >&2; exit 1; }

export LOBBY_PLATFORM_URL="https://127.0.0.1:$port"
export LOBBY_PLATFORM_CA="$work/state/ca/ca.pem"
export LOBBY_PLATFORM_CERT="$work/state/terminals/$terminal/client.pem"
export LOBBY_PLATFORM_KEY="$work/state/terminals/$terminal/client.key"
export LOBBY_PLATFORM_CONTROL="$work/control" LOBBY_PLATFORM_OUT="$work/out"
export LOBBY_SMS_OUTBOX="$work/sms.jsonl"

# Sends one command to the platform and prints its one-line answer.
platform_command() { send_command "$LOBBY_PLATFORM_CONTROL" "$LOBBY_PLATFORM_OUT" "$@"; }
export -f platform_command
# Signs (with KEY) and pushes, as the admin CONNECTION, a minimal outpatient-lobby scene of
# version 1 for GROUP: what gives a group's terminals their scene type.
# Usage: push_outpatient_scene KIOSKCTL KEY GROUP DIR CONNECTION...
push_outpatient_scene() {
    local kioskctl=$1 key=$2 group=$3 dir=$4
    shift 4
    cat >"$dir/scene-$group.json" <<JSON
{"schema_version": 1, "version": 1, "group": "$group", "not_after": "2099-12-31T23:59:59Z",
 "scene_type": "outpatient_lobby", "hospital": {"name": "测试医院", "primary_color": "#1E6B34"},
 "functions": ["pickup"], "payment_methods": ["wechat"], "voice_guidance": false,
 "timeouts": {"idle_s": 60, "countdown_s": 20, "farewell_s": 1}}
JSON
    "$kioskctl" scene sign --key "$key" "$dir/scene-$group.json" >/dev/null &&
        "$kioskctl" scene push "$@" --group "$group" "$dir/scene-$group.json" >/dev/null
}
export -f push_outpatient_scene

"$@"
status=$?
if ((status == 0)); then
    contract_dir=$(cd "$(dirname "$0")/../contract" && pwd)
    /usr/bin/python3 "$contract_dir/check_traffic.py" "$contract_dir/../../docs/platform-api.yaml" \
        "$work/traffic.jsonl" || status=1
fi
exit $status
