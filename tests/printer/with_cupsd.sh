#!/usr/bin/env bash
# Runs a command next to a private CUPS: cupsd in the foreground with its own configuration,
# spool and logs in a temporary directory, listening on a free port on 127.0.0.1 only, with one
# raw queue "kiosk" pointing at lobby-printer-sim (also started here, on its own free port).
# Both are stopped when the command ends, whatever happens.
# Usage: with_cupsd.sh [--a4 NO_DNSSD_SHIM] PRINTER_SIM COMMAND [ARGS...]
# With --a4, also an A4 laser: CUPS's own ippeveprinter on a free port of 127.0.0.1 (its
# attributes and print command in tests/printer/a4/; the shim lets it start without avahi) and
# an IPP Everywhere queue "a4" to it (lpadmin -m everywhere, as a technician would make one).
# The command sees CUPS_SERVER, LOBBY_CUPS_QUEUE, LOBBY_PRINTER_SIM_PORT, LOBBY_PRINTER_OUT and
# LOBBY_PRINTER_SIM_CONTROL (a FIFO taking the simulator's commands, e.g. "state paper_out").
set -uo pipefail
a4_shim=""
if [[ ${1:-} == --a4 ]]; then
    a4_shim=$2
    shift 2
fi
simulator=$1
shift
work=$(mktemp -d)
chmod 755 "$work"
cupsd_pid="" sim_pid="" a4_pid=""
cleanup() {
    exec 7>&- 2>/dev/null
    [[ -n $a4_pid ]] && { kill "$a4_pid" 2>/dev/null; wait "$a4_pid" 2>/dev/null; }
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
if [[ -n $a4_shim ]]; then
    here=$(dirname "$(readlink -f "$0")")/a4
    a4_port=$(free_port)
    mkdir -p "$work/a4/spool" "$work/a4/printed" "$work/a4/control"
    A4_OUT="$work/a4/printed" A4_CONTROL="$work/a4/control" LD_PRELOAD=$a4_shim \
        ippeveprinter -n localhost -p "$a4_port" -r off -a "$here/printer.conf" \
        -c "$here/print_command.sh" -d "$work/a4/spool" "A4 Laser" \
        </dev/null >"$work/a4/ippeveprinter.log" 2>&1 &
    a4_pid=$!
    export LOBBY_A4_URI="ipp://127.0.0.1:$a4_port/ipp/print"
    for _ in $(seq 100); do
        ipptool -q "$LOBBY_A4_URI" get-printer-attributes.test 2>/dev/null && break
        sleep 0.05
    done
    # A job the printer loses is the kiosk's to retry, not the queue's: abort it, keep the queue.
    if ! lpadmin -p a4 -E -v "$LOBBY_A4_URI" -m everywhere -o printer-error-policy=abort-job \
        -D "Lobby kiosk A4 printer" 2>"$work/lpadmin.err"; then
        echo "with_cupsd: the A4 queue could not be made: $(cat "$work/lpadmin.err")" >&2
        tail -n 20 "$work/a4/ippeveprinter.log" >&2
        exit 1
    fi
    export LOBBY_A4_QUEUE=a4 LOBBY_A4_OUT="$work/a4/printed" LOBBY_A4_CONTROL="$work/a4/control" \
        LOBBY_CUPS_SPOOL="$work/cups/spool"
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
