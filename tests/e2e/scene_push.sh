#!/usr/bin/env bash
# Scene configs end to end: an admin makes a key, signs and pushes scenes with kioskctl; the
# kiosk polls, verifies and applies them between patients, never mid-session; a scene signed by
# an untrusted key is refused and the refusal reaches the platform in the heartbeat; a restart
# keeps the applied scene. Run by with_platform.sh.
# Usage: scene_push.sh APP KIOSKCTL OUTDIR
set -euo pipefail
app=$1 kioskctl=$2
out=$3/scene-push
rm -rf "$out"
mkdir -p "$out/trust" "$out/admin"
fail() { echo "FAIL: $*" >&2; exit 1; }
src=${LOBBY_SOURCE_DIR:?}

admin_dir=$(platform_command "admin-cert ADMIN-1" | awk '/^ok /{print $2}')
[[ -n $admin_dir ]] || fail "no administrator certificate from the platform"
platform_command "token evoucher YBPZ0001SCENE 11010519491231002X 张三丰" >/dev/null
"$kioskctl" scene keygen "$out/admin/admin.key" "$out/trust/admin.pem" >/dev/null
"$kioskctl" scene keygen "$out/admin/stranger.key" "$out/admin/stranger.pem" >/dev/null
[[ $(stat -c %a "$out/admin/admin.key") == 600 ]] || fail "the admin key is not 0600"

# scene VERSION NAME COLOUR FUNCTIONS [VOICE] → $out/scene-vVERSION.json
scene() {
    cat >"$out/scene-v$1.json" <<JSON
{"schema_version": 1, "version": $1, "group": "default", "not_after": "2099-12-31T23:59:59Z",
 "scene_type": "outpatient_lobby",
 "hospital": {"name": "$2", "primary_color": "$3"},
 "functions": $4, "payment_methods": ["wechat", "alipay"], "voice_guidance": ${5:-false},
 "timeouts": {"idle_s": 60, "countdown_s": 20, "farewell_s": 1}}
JSON
}
push() {
    "$kioskctl" scene push --platform "$LOBBY_PLATFORM_URL" --group default --ca "$LOBBY_PLATFORM_CA" \
        --cert "$admin_dir/client.pem" --key "$admin_dir/client.key" "$@"
}
scene 1 "测试市中心医院" "#6B2A5E" '["pickup", "my_bookings"]'
scene 2 "测试市第二医院" "#1E6B34" '["pickup", "book", "cancel", "my_bookings"]' true
scene 3 "伪造的医院" "#000000" '["book"]'

# An invalid scene is never signed; an unsigned one is never pushed.
sed 's/"#6B2A5E"/"#FFEE00"/' "$out/scene-v1.json" >"$out/too-light.json"
if "$kioskctl" scene sign --key "$out/admin/admin.key" "$out/too-light.json" 2>"$out/err"; then
    fail "a scene with an unreadable colour was signed"
fi
grep -q "too light" "$out/err" || fail "the refusal does not say why: $(cat "$out/err")"
push "$out/scene-v1.json" 2>"$out/err" && fail "an unsigned scene was pushed"
"$kioskctl" scene sign --key "$out/admin/admin.key" "$out/scene-v1.json" >/dev/null
"$kioskctl" scene verify --trust "$out/trust" "$out/scene-v1.json" >/dev/null ||
    fail "kioskctl cannot verify what it signed"
push "$out/scene-v1.json" >/dev/null

python3 - "$src/config/kiosk.demo.json" "$out" <<'PY'
import json, os, sys
c = json.load(open(sys.argv[1])); out = sys.argv[2]
c["platform"] = {"base_url": os.environ["LOBBY_PLATFORM_URL"], "ca_bundle": os.environ["LOBBY_PLATFORM_CA"],
                 "client_cert": os.environ["LOBBY_PLATFORM_CERT"],
                 "client_key": os.environ["LOBBY_PLATFORM_KEY"], "call_timeout_ms": 4000}
c["terminal"] = {"id": "KIOSK-TEST-0001"}
c["devices"]["scanner"] = {"backend": "simulated"}
c["journal"] = {"path": out + "/journal.db"}
c["scene"] = {"trust_dir": out + "/trust", "state_dir": out + "/state", "poll_interval_s": 2}
json.dump(c, open(out + "/kiosk.json", "w"), ensure_ascii=False)
PY

"$app" --config "$out/kiosk.json" --size 1080x1920 --journey "$src/tests/e2e/journeys/scene_push.json" \
    --screenshot-dir "$out/screens" >"$out/stdout.log" 2>"$out/app.log" &
pid=$!
wait_log() {  # PATTERN: waits up to 20 s for it in the kiosk's log
    for _ in $(seq 200); do
        grep -q -- "$1" "$out/app.log" && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    fail "the kiosk never logged '$1'; its log ends: $(tail -n 5 "$out/app.log")"
}
wait_log "scene version 1 applied"
wait_log "identifying -- identify_succeeded -> menu"
"$kioskctl" scene sign --key "$out/admin/admin.key" "$out/scene-v2.json" >/dev/null
push "$out/scene-v2.json" >/dev/null
wait_log "scene version 2 received"
wait_log "scene version 2 applied"
"$kioskctl" scene sign --key "$out/admin/stranger.key" "$out/scene-v3.json" >/dev/null
push "$out/scene-v3.json" >/dev/null  # the platform stores what admins send; kiosks verify
wait_log "scene refused: v3: scene.bad_signature"
status=0
wait "$pid" || status=$?
((status == 0)) || fail "the journey failed (exit $status): $(grep -i 'journey\|step' "$out/app.log" | tail -n 3)"

# v2 arrived mid-session and was applied only once that patient had gone.
received=$(grep -n "scene version 2 received" "$out/app.log" | head -1 | cut -d: -f1)
left=$(grep -n "farewell -- farewell_elapsed -> idle" "$out/app.log" | head -1 | cut -d: -f1)
applied=$(grep -n "scene version 2 applied" "$out/app.log" | head -1 | cut -d: -f1)
((received < left && left < applied)) ||
    fail "v2 was not held until the session ended (received line $received, idle $left, applied $applied)"
# Scene 2 turns voice guidance on: the next patient's screens are read out (which screen, never
# what, reaches the log), and not before it was applied.
voice_from=$(grep -n "voice: " "$out/app.log" | head -1 | cut -d: -f1)
[[ -n $voice_from ]] || fail "nothing was read aloud after scene 2 turned voice guidance on"
((voice_from > applied)) || fail "voice guidance spoke before scene 2 was applied"
grep -q 'voice: "menu"' "$out/app.log" || fail "the menu's instruction was not read aloud"
beat=$(platform_command "heartbeat KIOSK-TEST-0001")
grep -q '"scene_version":2' <<<"$beat" || fail "the heartbeat does not report scene 2: $beat"
grep -q '"rejected_scene":"v3: scene.bad_signature' <<<"$beat" ||
    fail "the heartbeat does not report the refused scene: $beat"
grep -q '"last_error":"[^"]*lobby.platform: scene refused: v3' <<<"$beat" ||
    fail "the heartbeat's last_error is not the newest problem: $beat"

# A restart applies the stored scene before any poll; the refused v3 is refused again.
cat >"$out/restart.json" <<'JSON'
[{"expect_screen": "attract"}, {"scan": "YBPZ0001SCENE"}, {"expect_screen": "menu", "timeout_ms": 8000},
 {"present": "function_book"}, {"tap": "finishButton"}, {"expect_screen": "farewell"},
 {"expect_screen": "attract", "timeout_ms": 8000}]
JSON
"$app" --config "$out/kiosk.json" --size 1080x1920 --journey "$out/restart.json" \
    >"$out/stdout2.log" 2>"$out/app2.log" || fail "the kiosk failed after a restart"
grep -q "scene version 2 applied from" "$out/app2.log" || fail "the stored scene was not applied at start"
[[ -f $out/state/previous.scene ]] || fail "the previous scene was not kept"
echo "PASS: scenes 1 and 2 applied between patients, 3 refused (untrusted key) and reported"
