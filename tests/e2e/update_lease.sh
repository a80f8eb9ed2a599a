#!/usr/bin/env bash
# An update takes the kiosk out of service between patients: the updater's lease asked over the
# kiosk's socket is granted on the attract screen, which then says plainly that the kiosk is being
# updated and offers nothing that would not answer (no start button, no card to place); released,
# the kiosk serves again. Screenshots of both. Run by with_platform.sh and with_cupsd.sh.
# Usage: update_lease.sh APP OUTDIR
set -euo pipefail
source "$(dirname "$0")/journey_lib.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }
sockets=$(mktemp -d /tmp/lobby-lease.XXXXXX)  # a socket path must stay short
trap 'rm -rf "$sockets"' EXIT
mkdir -p "$2"
python3 - "$LOBBY_SOURCE_DIR/config/kiosk.demo.json" "$sockets/lease.sock" "$2/update_lease.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["update"] = {"lease_socket": sys.argv[2]}
json.dump(c, open(sys.argv[3], "w"), ensure_ascii=False)
PY
# The updater's side: once the kiosk listens, ask for 30 s, hold it 4 s, give it back.
python3 - "$sockets/lease.sock" "$sockets/answers" <<'PY' &
import os, socket, sys, time
path, out = sys.argv[1], sys.argv[2]
def ask(line):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(5)
        s.connect(path)
        s.sendall(line.encode())
        return s.makefile().readline().strip()
for _ in range(300):
    if os.path.exists(path):
        break
    time.sleep(0.1)
time.sleep(2.5)  # the attract screen first, as a patient would find it
answers = [ask("acquire 30000\n")]
time.sleep(4)
answers.append(ask("release\n"))
open(out, "w").write("\n".join(answers) + "\n")
PY
updater=$!
LOBBY_JOURNEY_CONFIG="$2/update_lease.json" walk update_lease "$1" "$2"
wait "$updater" || fail "the updater's side failed"
[[ $(cat "$sockets/answers") == $'granted\nreleased' ]] || fail "the lease answers were: $(cat "$sockets/answers")"
ls "$journey_out/screens" | grep -q "attract-updating-zh.png" || fail "no screenshot of the paused attract screen"
echo "PASS: granted on the attract screen, shown as paused for an update, released and serving again"
