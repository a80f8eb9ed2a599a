#!/usr/bin/env bash
# Elder mode offered by age: a scene asks for large text from 60 (guidance.elder_mode_from_age);
# a patient born in 1949 places their ID card and the kiosk switches to large text and voice by
# itself, says so on the menu, and the patient can switch back; the next patient, born in 1985,
# gets the standard screens. Run by with_platform.sh.
# Usage: elder_by_age.sh APP KIOSKCTL OUTDIR
set -euo pipefail
app=$1 kioskctl=$2
orientation=${LOBBY_ORIENTATION:-portrait}
out=$3/elder-by-age-$orientation
size=1080x1920
[[ $orientation == landscape ]] && size=1920x1080
rm -rf "$out"
mkdir -p "$out/trust" "$out/admin"
fail() { echo "FAIL: $*" >&2; exit 1; }
src=${LOBBY_SOURCE_DIR:?}

admin_dir=$(platform_command "admin-cert ADMIN-1" | awk '/^ok /{print $2}')
[[ -n $admin_dir ]] || fail "no administrator certificate from the platform"
"$kioskctl" scene keygen "$out/admin/admin.key" "$out/trust/admin.pem" >/dev/null
cat >"$out/scene.json" <<'JSON'
{"schema_version": 1, "version": 1, "group": "default", "not_after": "2099-12-31T23:59:59Z",
 "scene_type": "outpatient_lobby",
 "hospital": {"name": "示例市第一人民医院", "primary_color": "#0B5CAD"},
 "functions": ["pickup", "book", "cancel", "my_bookings"], "payment_methods": ["wechat"],
 "voice_guidance": false,
 "guidance": {"where_else": "也可到一楼大厅人工窗口或 2 号自助机办理", "elder_mode_from_age": 60}}
JSON
"$kioskctl" scene sign --key "$out/admin/admin.key" "$out/scene.json" >/dev/null
"$kioskctl" scene push --platform "$LOBBY_PLATFORM_URL" --group default --ca "$LOBBY_PLATFORM_CA" \
    --cert "$admin_dir/client.pem" --key "$admin_dir/client.key" "$out/scene.json" >/dev/null

python3 - "$src/config/kiosk.demo.json" "$out" <<'PY'
import json, os, sys
c = json.load(open(sys.argv[1])); out = sys.argv[2]
c["platform"] = {"base_url": os.environ["LOBBY_PLATFORM_URL"], "ca_bundle": os.environ["LOBBY_PLATFORM_CA"],
                 "client_cert": os.environ["LOBBY_PLATFORM_CERT"],
                 "client_key": os.environ["LOBBY_PLATFORM_KEY"], "call_timeout_ms": 4000}
c["terminal"] = {"id": "KIOSK-TEST-0001"}
c["journal"] = {"path": out + "/journal.db"}
c["scene"] = {"trust_dir": out + "/trust", "state_dir": out + "/state", "poll_interval_s": 2}
json.dump(c, open(out + "/kiosk.json", "w"), ensure_ascii=False)
PY
"$app" --config "$out/kiosk.json" --size "$size" --journey "$src/tests/e2e/journeys/elder_by_age.json" \
    --screenshot-dir "$out/screens" >"$out/stdout.log" 2>"$out/app.log" ||
    fail "the journey failed: $(grep -i 'journey\|step' "$out/app.log" | tail -n 3)"

applied=$(grep -n "scene version 1 applied" "$out/app.log" | head -1 | cut -d: -f1)
on=$(grep -n "elder mode on" "$out/app.log" | head -1 | cut -d: -f1)
[[ -n $applied && -n $on ]] || fail "the scene was not applied ($applied) or elder mode never came on ($on)"
((applied < on)) || fail "elder mode came on before the scene asked for it"
grep -q 'voice: "menu"' "$out/app.log" || fail "voice did not come with large text"
# The first patient's screens are large, the second's standard.
compgen -G "$out/screens/*-menu-zh-elder.png" >/dev/null || fail "no large-text menu"
compgen -G "$out/screens/*-my_bookings-zh-elder.png" >/dev/null || fail "no large-text list"
last_menu=$(find "$out/screens" -name '*-menu-zh*.png' | sort | tail -n 1)
[[ $last_menu != *-elder.png ]] || fail "the next patient kept large text: $last_menu"
echo "PASS: large text and voice by age from the scene; the next patient standard"
