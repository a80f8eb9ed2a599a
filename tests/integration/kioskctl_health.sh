#!/usr/bin/env bash
# kioskctl status, selftest, diag bundle and reset --factory against a real enrollment, the
# sandbox platform, a private cupsd and the printer simulator: what is healthy says so, paper
# out and a missing scanner fail the self-test, the bundle holds no secret, and a factory reset
# refuses to throw away a transaction the platform has not settled.
# Run by with_platform.sh and with_cupsd.sh.  Usage: kioskctl_health.sh KIOSKCTL APP OUTDIR
set -euo pipefail
kioskctl=$1 app=$2
out=$3/kioskctl-health
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
printer() { echo "$*" >"$LOBBY_PRINTER_SIM_CONTROL"; }
json_field() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }
check_of() {  # NAME: that check's JSON from status/selftest output on stdin
    python3 -c 'import json,sys; print(json.dumps(next(c for c in json.load(sys.stdin)["checks"] if c["name"]==sys.argv[1])))' "$1"
}

token=$(platform_command "enroll-token KIOSK-HEALTH-0001" | awk '/^ok /{print $2}')
"$kioskctl" enroll --platform "$LOBBY_PLATFORM_URL" --token "$token" --ca "$LOBBY_PLATFORM_CA" \
    --terminal-id KIOSK-HEALTH-0001 --dir "$out/enrollment" >/dev/null
pin_hash=$(echo 246813 | "$kioskctl" maintenance pin-hash)
write_config() {  # SCANNER_JSON
    cat >"$out/kiosk.json" <<JSON
{"schema_version": 1, "terminal": {"id": "KIOSK-HEALTH-0001"},
 "platform": {"base_url": "$LOBBY_PLATFORM_URL", "ca_bundle": "$out/enrollment/ca.pem",
              "client_cert": "$out/enrollment/client.pem", "client_key": "$out/enrollment/client.key"},
 "journal": {"path": "$out/journal.db"}, "health": {"report_path": "$out/health.json"},
 "scene": {"state_dir": "$out/scene", "trust_dir": "$out/trust"},
 "maintenance": {"pin_hash": "$pin_hash"},
 "devices": {"idcard": {"backend": "simulated"}, "scanner": $1,
             "printer": {"backend": "cups", "cups_server": "$CUPS_SERVER", "queue": "$LOBBY_CUPS_QUEUE",
                         "direct": "127.0.0.1:$LOBBY_PRINTER_SIM_PORT"}}}
JSON
}
write_config '{"backend": "simulated"}'

"$kioskctl" status --config "$out/kiosk.json" --json >"$out/status.json" || fail "status failed"
[[ $(json_field 'd["ok"]' <"$out/status.json") == True ]] || fail "status is not ok: $(cat "$out/status.json")"
check_of enrollment <"$out/status.json" | grep -q "enrolled as KIOSK-HEALTH-0001" || fail "enrollment: $(cat "$out/status.json")"
check_of platform <"$out/status.json" | grep -q '"ok": true' || fail "platform unreachable: $(cat "$out/status.json")"
check_of printer <"$out/status.json" | grep -q 'ready (from the printer' || fail "printer: $(cat "$out/status.json")"
check_of scene <"$out/status.json" | grep -q "none applied" || fail "scene: $(cat "$out/status.json")"
"$kioskctl" status --config "$out/kiosk.json" | grep -q "^ok   platform" || fail "the text report lacks the platform line"

printer "state paper_out"
status=0
"$kioskctl" selftest --config "$out/kiosk.json" --json >"$out/selftest.json" || status=$?
((status == 1)) || fail "selftest exited $status with the printer out of paper"
check_of printer <"$out/selftest.json" | grep -q '"detail": "paper_out' || fail "the printer check: $(cat "$out/selftest.json")"
printer "state ready"
"$kioskctl" selftest --config "$out/kiosk.json" >/dev/null || fail "selftest fails with every device well"

write_config '{"backend": "serial", "device": "/nonexistent/ttyACM9"}'
status=0
"$kioskctl" selftest --config "$out/kiosk.json" --json >"$out/selftest2.json" || status=$?
((status == 1)) || fail "selftest exited $status with the scanner missing"
check_of scanner <"$out/selftest2.json" | grep -q "missing" || fail "the scanner check: $(cat "$out/selftest2.json")"
write_config '{"backend": "simulated"}'

# The bundle: config, versions, status, logs; neither the key nor the PIN hash is in it.
"$kioskctl" diag bundle "$out/diag.tar.gz" --config "$out/kiosk.json" >/dev/null || fail "diag bundle failed"
[[ $(stat -c %a "$out/diag.tar.gz") == 600 ]] || fail "the bundle is $(stat -c %a "$out/diag.tar.gz"), not 600"
mkdir "$out/diag" && tar xzf "$out/diag.tar.gz" -C "$out/diag"
for file in config.txt versions.txt status.json logs.txt; do
    [[ -s $out/diag/lobby-kiosk-diag/$file ]] || fail "the bundle lacks $file"
done
grep -q "maintenance.pin_hash = <set>" "$out/diag/lobby-kiosk-diag/config.txt" || fail "the PIN setting is not shown as <set>"
if grep -rq -e "PRIVATE KEY" -e "${pin_hash##*$}" "$out/diag"; then fail "the bundle holds a secret"; fi

# reset --factory: asks for --yes; keeps an unsettled journal unless told; then forgets it all.
"$kioskctl" reset --factory --config "$out/kiosk.json" 2>/dev/null && fail "reset without --yes went ahead"
# The kiosk makes its journal; a transaction left open in it is one the platform never settled.
echo '[{"expect_screen": "attract"}]' >"$out/start.json"
"$app" --config "$out/kiosk.json" --journey "$out/start.json" >/dev/null 2>"$out/app.log" ||
    fail "the kiosk did not start: $(tail -n 3 "$out/app.log")"
# The kiosk left its health report: status reads the running kiosk from it, says when it is
# stale (a hung or stopped kiosk), and will not follow a link planted in its place.
"$kioskctl" status --config "$out/kiosk.json" --json >"$out/running.json" || true
check_of kiosk <"$out/running.json" | grep -q '"detail": "running (pid' || fail "the kiosk check: $(cat "$out/running.json")"
check_of printer <"$out/running.json" | grep -q 'as the running kiosk sees it' || fail "printer not from the kiosk: $(cat "$out/running.json")"
python3 - "$out/health.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["written_at"] -= 3600; json.dump(d, open(sys.argv[1], "w"))
PY
"$kioskctl" status --config "$out/kiosk.json" --json >"$out/stale.json" || true
check_of kiosk <"$out/stale.json" | grep -q 'not running or hung: its health report is 6[0-9] min' || fail "stale report: $(cat "$out/stale.json")"
check_of printer <"$out/stale.json" | grep -q 'ready (from the printer' || fail "a stale kiosk's view was used: $(cat "$out/stale.json")"
mv "$out/health.json" "$out/health.real.json" && ln -s "$out/health.real.json" "$out/health.json"
"$kioskctl" status --config "$out/kiosk.json" --json >"$out/link.json" || true
check_of kiosk <"$out/link.json" | grep -q 'is a link' || fail "a planted link was followed: $(cat "$out/link.json")"
rm "$out/health.json"
"$kioskctl" status --config "$out/kiosk.json" --json >"$out/gone.json" || true
check_of kiosk <"$out/gone.json" | grep -q 'not running (no health report' || fail "no report: $(cat "$out/gone.json")"
sqlite3 "$out/journal.db" "INSERT INTO transactions (kind, patient_ref, masked_name, step, phase, step_key, state, opened_at, updated_at) VALUES ('booking', 'ref', '张*丰', 'booking_created', 'before', 'k1', 'open', 0, 0);"
if "$kioskctl" reset --factory --yes --config "$out/kiosk.json" 2>"$out/err"; then fail "an unsettled journal was reset"; fi
grep -q "1 transactions not yet settled" "$out/err" || fail "the refusal: $(cat "$out/err")"
[[ -f $out/enrollment/client.pem ]] || fail "a refused reset removed the enrollment"
"$kioskctl" reset --factory --yes --discard-unsettled --config "$out/kiosk.json" >/dev/null || fail "reset failed"
for gone in enrollment/client.pem enrollment/client.key journal.db; do
    [[ ! -e $out/$gone ]] || fail "reset left $gone"
done
status=0
"$kioskctl" status --config "$out/kiosk.json" --json >"$out/after.json" || status=$?
check_of enrollment <"$out/after.json" | grep -q "not enrolled" || fail "after reset: $(cat "$out/after.json")"
echo "PASS: status, selftest (paper out, scanner missing), the running kiosk (fresh, stale, link, gone), diag bundle without secrets, factory reset"
