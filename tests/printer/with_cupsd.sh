#!/usr/bin/env bash
# Runs a command next to a private CUPS: cupsd in the foreground with its own configuration,
# spool and logs in a temporary directory, listening on a free port on 127.0.0.1 only, with one
# raw queue "kiosk" pointing at lobby-printer-sim (also started here, on its own free port).
# Both are stopped when the command ends, whatever happens.
# Usage: with_cupsd.sh PRINTER_SIM COMMAND [ARGS...]
# The command sees CUPS_SERVER, LOBBY_CUPS_QUEUE, LOBBY_PRINTER_SIM_PORT, LOBBY_PRINTER_OUT and
# LOBBY_PRINTER_SIM_CONTROL (a FIFO taking the simulator's commands, e.g. "state paper_out").
set -uo pipefail
simulator=$1
shift
work=$(mktemp -d)
chmod 755 "$work"
cupsd_pid="" sim_pid=""
cleanup() {
    exec 7>&- 2>/dev/null
    [[ -n $cupsd_pid ]] && { kill "$cupsd_pid" 2>/dev/null; wait "$cupsd_pid" 2>/dev/null; }
    [[ -n $sim_pid ]] && { kill "$sim_pid" 2>/dev/null; wait "$sim_pid" 2>/dev/null; }
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The printer simulator.
mkfifo "$work/sim-control"
"$simulator" --port 0 --out "$work/printed" <"$work/sim-control" >"$work/sim.out" 2>&1 &
sim_pid=$!
exec 7>"$work/sim-control"
for _ in $(seq 100); do grep -q '^port ' "$work/sim.out" && break; sleep 0.05; done
sim_port=$(awk '/^port /{print $2}' "$work/sim.out")
[[ -n $sim_port ]] || { echo "with_cupsd: the printer simulator did not start" >&2; cat "$work/sim.out" >&2; exit 1; }

# cupsd, private.
port=$(free_port)
mkdir -p "$work/cups/spool/tmp" "$work/cups/cache" "$work/cups/state" "$work/cups/log" \
    "$work/cups/ppd" "$work/cups/ssl"
cat >"$work/cups/cupsd.conf" <<CONF
Listen 127.0.0.1:$port
LogLevel warn
MaxLogSize 0
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow from 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
cat >"$work/cups/cups-files.conf" <<CONF
ServerRoot $work/cups
RequestRoot $work/cups/spool
TempDir $work/cups/spool/tmp
CacheDir $work/cups/cache
StateDir $work/cups/state
AccessLog $work/cups/log/access_log
ErrorLog $work/cups/log/error_log
PageLog $work/cups/log/page_log
ServerKeychain $work/cups/ssl
FileDevice No
Sandboxing Relaxed
CONF
cupsd -f -c "$work/cups/cupsd.conf" -s "$work/cups/cups-files.conf" </dev/null \
    >"$work/cups/log/stdout" 2>&1 &
cupsd_pid=$!
export CUPS_SERVER="127.0.0.1:$port"
for _ in $(seq 100); do lpstat -r >/dev/null 2>&1 && break; sleep 0.1; done
if ! lpstat -r >/dev/null 2>&1; then
    echo "with_cupsd: cupsd did not start" >&2
    cat "$work/cups/log/stdout" "$work/cups/log/error_log" >&2 2>/dev/null
    exit 1
fi
# cupsd may answer lpstat a moment before it takes administrative requests: a few tries.
added=0
for _ in 1 2 3 4 5; do
    if lpadmin -p kiosk -E -v "socket://127.0.0.1:$sim_port" -D "Lobby kiosk slip printer" \
        2>"$work/lpadmin.err"; then
        added=1
        break
    fi
    sleep 0.3
done
if ((added == 0)); then
    echo "with_cupsd: lpadmin failed: $(cat "$work/lpadmin.err")" >&2
    exit 1
fi
export LOBBY_CUPS_QUEUE=kiosk LOBBY_PRINTER_SIM_PORT=$sim_port LOBBY_PRINTER_OUT="$work/printed" \
    LOBBY_PRINTER_SIM_CONTROL="$work/sim-control"
"$@"
status=$?
if ((status != 0)); then
    echo "--- cupsd error_log ---" >&2
    tail -n 30 "$work/cups/log/error_log" >&2 2>/dev/null
fi
exit $status
