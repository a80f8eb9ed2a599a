#!/usr/bin/env bash
# The social-security card reader goes away on the attract screen (pcscd and its vpcd reader
# stopped, as when the service dies or the reader is pulled): the kiosk stops inviting the
# card before anyone tries, keeps the scanner's way in, reports the reader lost in the health
# report `kioskctl status` reads, and invites the card again when pcscd and the reader are back.
# Run by tests/smartcard/with_pcscd.sh.  Usage: ssc_reader_removed.sh APP KIOSKCTL OUTDIR
set -euo pipefail
app=$1 kioskctl=$2 out=$3/ssc_reader_removed
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
app_pid=""
trap '[[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null; wait 2>/dev/null' EXIT

cat >"$out/kiosk.json" <<JSON
{"schema_version": 1, "display": {"fullscreen": false}, "platform": {"backend": "none"},
 "health": {"report_path": "$out/health.json"},
 "devices": {"idcard": {"backend": "none"}, "ssc": {"backend": "pcsc"},
             "scanner": {"backend": "simulated"}}}
JSON
cat >"$out/journey.json" <<'JSON'
[
  {"expect_screen": "attract"},
  {"present": "identifyBySsc", "timeout_ms": 20000},
  {"absent": "identifyBySsc", "timeout_ms": 20000},
  {"present": "identifyByQr"},
  {"present": "identifyBySsc", "timeout_ms": 30000},
  {"wait_ms": 300}
]
JSON

reader_state() {
    python3 -c 'import json, sys
try: print(json.load(open(sys.argv[1]))["devices"].get("ssc_reader", ""))
except Exception: print("")' "$out/health.json"
}
wait_for_reader() {  # STATE
    for _ in $(seq 200); do [[ $(reader_state) == "$1" ]] && return 0; sleep 0.1; done
    fail "the kiosk's health report never said ssc_reader $1 (it says '$(reader_state)')"
}
pcscd() {  # stop | start
    local before
    before=$(wc -l <"$LOBBY_PCSCD_CONTROL.done" 2>/dev/null || echo 0)
    echo "$1" >"$LOBBY_PCSCD_CONTROL"
    for _ in $(seq 200); do
        (($(wc -l <"$LOBBY_PCSCD_CONTROL.done" 2>/dev/null || echo 0) > before)) && return 0
        sleep 0.05
    done
    fail "pcscd $1 did not finish"
}

"$app" --config "$out/kiosk.json" --size 1080x1920 --journey "$out/journey.json" \
    --screenshot-dir "$out/screens" >"$out/stdout.log" 2>"$out/app.log" &
app_pid=$!
wait_for_reader ready
for _ in $(seq 200); do [[ -f $out/screens/01-attract-zh.png ]] && break; sleep 0.1; done
sleep 1  # the journey sees the invitation before it goes

pcscd stop
wait_for_reader lost
"$kioskctl" status --json --config "$out/kiosk.json" >"$out/status.json" || fail "kioskctl status failed"
python3 - "$out/status.json" <<'PY' || fail "kioskctl status: $(cat "$out/status.json")"
import json, sys
checks = {c["name"]: c for c in json.load(open(sys.argv[1]))["checks"]}
assert checks["kiosk"]["ok"], checks["kiosk"]
assert checks["ssc"]["detail"] == "lost (as the running kiosk sees it)", checks["ssc"]
assert not checks["ssc"]["ok"], checks["ssc"]
assert checks["scanner"]["ok"], checks["scanner"]
PY
sleep 2  # out long enough for the journey (or a patient) to see

pcscd start
wait_for_reader ready
status=0
wait "$app_pid" || status=$?
app_pid=""
((status == 0)) || fail "the journey failed (exit $status): $(grep -E 'critical|journey' "$out/app.log" | tail -n 3)"
echo "PASS: the removed reader was withdrawn, reported lost to kioskctl, and invited again when back"
