#!/usr/bin/env bash
# Runs a command next to a private pcscd: its own socket directory, its own reader.conf.d
# holding one vpcd reader on a free port. pcscd 1.9 always listens on /run/pcscd/pcscd.comm,
# so the script enters private mount and network namespaces (when the kernel allows them):
# a tmpfs over /run/pcscd keeps the system's pcscd, if any, out of the way, and a network with
# only loopback makes vpcd's listening socket reachable from 127.0.0.1 alone. pcscd runs in the
# foreground and is stopped when the command ends, whatever happens.
# The command may take pcscd away and bring it back (the reader vanishing as it does when the
# service or an unplugged reader goes) by writing "stop" or "start" to the FIFO named by
# LOBBY_PCSCD_CONTROL; each is done when the line "done" appears in LOBBY_PCSCD_CONTROL.done.
# Usage: with_pcscd.sh COMMAND [ARGS...]   (the command sees LOBBY_VPCD_PORT)
set -uo pipefail
if [[ -z "${LOBBY_IN_NAMESPACES:-}" ]] && unshare -m -n true 2>/dev/null; then
    mkdir -p /run/pcscd
    exec unshare -m -n env LOBBY_IN_NAMESPACES=1 "$0" "$@"
fi
if [[ -n "${LOBBY_IN_NAMESPACES:-}" ]]; then
    ip link set lo up 2>/dev/null || true
    mount --make-rprivate / 2>/dev/null || true
    mount -t tmpfs lobby-pcscd /run/pcscd
else
    echo "with_pcscd: no private namespaces here; using the shared /run/pcscd" >&2
fi

work=$(mktemp -d)
control_pid=""
cleanup() {
    [[ -n $control_pid ]] && { kill "$control_pid" 2>/dev/null; wait "$control_pid" 2>/dev/null; }
    stop_pcscd
    rm -rf "$work"
}
trap cleanup EXIT

# vpcd's reader takes two ports (one per slot): find a free pair.
port=$(python3 - <<'PY'
import socket
for candidate in range(40000, 60000, 2):
    try:
        sockets = []
        for p in (candidate, candidate + 1):
            s = socket.socket()
            s.bind(("127.0.0.1", p))
            sockets.append(s)
        print(candidate)
        break
    except OSError:
        continue
PY
)
mkdir -p "$work/reader.conf.d"
printf 'FRIENDLYNAME "Lobby Virtual PCD"\nDEVICENAME   /dev/null:0x%X\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\n' \
    "$port" >"$work/reader.conf.d/vpcd"
export LOBBY_VPCD_PORT="$port"
socket=/run/pcscd/pcscd.comm

# pcscd's pid is kept in a file, since the control loop below (a subshell) restarts it too.
start_pcscd() {
    pcscd --foreground --config "$work/reader.conf.d" --info </dev/null >>"$work/pcscd.log" 2>&1 &
    echo $! >"$work/pcscd.pid"
    for _ in $(seq 100); do
        [[ -S $socket ]] && (($(grep -c "daemon ready" "$work/pcscd.log") >= ${1:-1})) && return 0
        sleep 0.05
    done
    return 1
}
stop_pcscd() {
    [[ -f $work/pcscd.pid ]] || return 0
    local pid
    pid=$(cat "$work/pcscd.pid")
    kill "$pid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    rm -f "$work/pcscd.pid" "$socket"
}

if ! start_pcscd; then
    echo "with_pcscd: pcscd did not start:" >&2
    cat "$work/pcscd.log" >&2
    exit 1
fi
export LOBBY_PCSCD_CONTROL="$work/pcscd-control"
mkfifo "$LOBBY_PCSCD_CONTROL"
(
    starts=1
    exec 8<>"$LOBBY_PCSCD_CONTROL"
    while read -r command <&8; do
        case $command in
            stop) stop_pcscd ;;
            start) starts=$((starts + 1)); start_pcscd "$starts" || echo "with_pcscd: pcscd did not restart" >&2 ;;
        esac
        echo done >>"$LOBBY_PCSCD_CONTROL.done"
    done
) &
control_pid=$!
"$@"
status=$?
if ((status != 0)); then
    echo "--- pcscd log ---" >&2
    tail -n "${LOBBY_PCSCD_LOG_LINES:-40}" "$work/pcscd.log" >&2
fi
exit $status
