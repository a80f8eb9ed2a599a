#!/usr/bin/env bash
# kioskctl fleet status against the sandbox: an administrator sees every terminal of the group with
# its last heartbeat (versions, devices not ready, the scene it refused, its last error), one
# enrolled but never heard from as "never", --json for scripts; a terminal's certificate sees
# nothing; control bytes in a heartbeat never reach the admin's terminal.
# Usage: kioskctl_fleet.sh KIOSKCTL   (under with_platform.sh)
set -euo pipefail
kioskctl=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

admin_dir=$(platform_command "admin-cert ADMIN-1" | awk '/^ok /{print $2}')
[[ -n $admin_dir ]] || fail "no administrator certificate from the platform"
fleet() {
    "$kioskctl" fleet status --platform "$LOBBY_PLATFORM_URL" --group default --ca "$LOBBY_PLATFORM_CA" "$@"
}
as_admin=(--cert "$admin_dir/client.pem" --key "$admin_dir/client.key")

# One terminal heard from (its heartbeat as the kiosk sends it), one enrolled and silent.
curl -sS --fail --cacert "$LOBBY_PLATFORM_CA" --cert "$LOBBY_PLATFORM_CERT" --key "$LOBBY_PLATFORM_KEY" \
    -H 'Content-Type: application/json' -X POST "$LOBBY_PLATFORM_URL/v1/terminals/self/heartbeat" \
    -d '{"terminal_id": "KIOSK-TEST-0001", "software_version": "1.4.0", "scene_version": 3,
         "devices": {"idcard_reader": "ready", "printer": "paper_out", "scanner": "absent"},
         "rejected_scene": "v9: scene.bad_signature", "last_error": "printer\u001b[2J out", "uptime_s": 420,
         "packages": {"lobby-kiosk": "1.4.0", "lobby-kiosk-voice": "1.4.0"}}'
token=$(platform_command "enroll-token KIOSK-NEW-0002" | awk '/^ok /{print $2}')
"$kioskctl" enroll --platform "$LOBBY_PLATFORM_URL" --token "$token" --ca "$LOBBY_PLATFORM_CA" \
    --terminal-id KIOSK-NEW-0002 --dir "$work/enrollment" >/dev/null

fleet "${as_admin[@]}" >"$work/table"
cat "$work/table"
grep -q "KIOSK-TEST-0001 .* 1.4.0 .* 3 .*printer paper_out; refused scene: v9: scene.bad_signature" "$work/table" ||
    fail "the heard-from terminal is not shown as it reported"
grep -q "KIOSK-NEW-0002 *never" "$work/table" || fail "the silent terminal is not listed as never heard from"
grep -q "2 terminal(s) in group default" "$work/table" || fail "not two terminals"
if grep -q $'\e' "$work/table"; then fail "a control byte from a heartbeat reached the terminal"; fi
echo "ok: the group's terminals with their last heartbeats"

fleet "${as_admin[@]}" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
t = {x["terminal_id"]: x for x in d["terminals"]}
assert d["group"] == "default" and set(t) == {"KIOSK-TEST-0001", "KIOSK-NEW-0002"}, d
heard = t["KIOSK-TEST-0001"]
assert heard["software_version"] == "1.4.0" and heard["scene_version"] == 3, heard
assert heard["devices"]["printer"] == "paper_out" and heard["uptime_s"] == 420, heard
assert heard["packages"] == {"lobby-kiosk": "1.4.0", "lobby-kiosk-voice": "1.4.0"}, heard
assert isinstance(heard["heartbeat_at"], int) and heard["last_error"] == "printer[2J out", heard
assert t["KIOSK-NEW-0002"]["heartbeat_at"] is None and "software_version" not in t["KIOSK-NEW-0002"]
'
echo "ok: --json for scripts"

status=0
fleet --cert "$LOBBY_PLATFORM_CERT" --key "$LOBBY_PLATFORM_KEY" 2>"$work/err" >/dev/null || status=$?
((status == 1)) && grep -q "not_admin" "$work/err" || fail "a terminal's certificate saw the fleet: $(cat "$work/err")"
echo "ok: only administrators see the fleet"
