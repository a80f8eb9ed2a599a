#!/usr/bin/env bash
# Staged rollouts end to end against the sandbox: an admin publishes a signed release with
# kioskctl fleet release (its packages uploaded first, one past 64 KiB); terminals poll for their
# assignment, which verifies with the platform's public key alone (openssl, not our code) and
# names the manifest by its SHA-256; a canary gets it, a kiosk outside the stage does not, two of
# one hospital never install at once; only an assigned terminal downloads the package, byte for
# byte; update events move the rollout, a rollback share at the threshold pauses it by itself,
# an admin resumes and advances it; the fleet view shows each terminal's update state; a
# terminal's certificate manages nothing.
# Usage: kioskctl_fleet_release.sh KIOSKCTL   (under with_platform.sh)
set -euo pipefail
kioskctl=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

admin_dir=$(platform_command "admin-cert ADMIN-1" | awk '/^ok /{print $2}')
platform_key=$(platform_command "platform-key" | awk '/^ok /{print $2}')
[[ -n $admin_dir && -f $platform_key ]] || fail "no administrator certificate or platform key"
connection=(--platform "$LOBBY_PLATFORM_URL" --ca "$LOBBY_PLATFORM_CA")
as_admin=("${connection[@]}" --cert "$admin_dir/client.pem" --key "$admin_dir/client.key")

# Terminals: the harness's own (a canary), a second canary and a third kiosk in the same group
# (hospital), and one in another hospital.
declare -A cert
cert[KIOSK-TEST-0001]="$LOBBY_PLATFORM_CERT $LOBBY_PLATFORM_KEY"
for id in KIOSK-B-0002 KIOSK-C-0003 KIOSK-D-0004; do
    dir=$(platform_command "client-cert $id" | awk '/^ok /{print $2}')
    cert[$id]="$dir/client.pem $dir/client.key"
done
platform_command "group KIOSK-D-0004 north" >/dev/null
as_terminal() {  # as_terminal ID curl-args...
    local id=$1 pem key
    shift
    read -r pem key <<<"${cert[$id]}"
    curl -sS --cacert "$LOBBY_PLATFORM_CA" --cert "$pem" --key "$key" "$@"
}
poll() {  # poll ID → the HTTP status; the offer in $work/offer-ID.json
    as_terminal "$1" -o "$work/offer-$1.json" -w '%{http_code}' "$LOBBY_PLATFORM_URL/v1/terminals/self/release"
}
report() {  # report ID ROLLOUT PHASE OK
    as_terminal "$1" --fail -H 'Content-Type: application/json' -X POST \
        "$LOBBY_PLATFORM_URL/v1/terminals/self/update-events" \
        -d "{\"rollout_id\": \"$2\", \"phase\": \"$3\", \"ok\": $4, \"from_version\": \"1.0.0\",
             \"to_version\": \"1.1.0\", \"phase_ms\": 1200, \"out_of_service_ms\": 900}"
}

for id in KIOSK-TEST-0001 KIOSK-B-0002; do
    as_terminal "$id" --fail -H 'Content-Type: application/json' -X POST "$LOBBY_PLATFORM_URL/v1/terminals/self/heartbeat" \
        -d "{\"terminal_id\": \"$id\", \"software_version\": \"1.0.0\", \"scene_version\": 1,
             \"devices\": {\"printer\": \"ready\"}, \"uptime_s\": 60}"
done

# Scenes give the terminals their scene type: both groups run an outpatient lobby.
"$kioskctl" scene keygen "$work/admin.key" "$work/admin.pem" >/dev/null
for group in default north; do
    push_outpatient_scene "$kioskctl" "$work/admin.key" "$group" "$work" "${as_admin[@]}"
done

# The release: one package of 3 MiB (far past the 64 KiB every other request is held to).
mkdir -p "$work/pkg/DEBIAN" "$work/pkg/opt/lobby-test"
printf 'Package: lobby-kiosk\nVersion: 1.1.0\nArchitecture: all\nMaintainer: t <t@lobby.invalid>\nDescription: t\n' \
    >"$work/pkg/DEBIAN/control"
head -c 3145728 /dev/urandom >"$work/pkg/opt/lobby-test/payload"
mkdir -p "$work/release"
dpkg-deb -Znone --root-owner-group --build "$work/pkg" "$work/release/lobby-kiosk_1.1.0_all.deb" >/dev/null
"$kioskctl" release manifest --release 1.1.0 --counter 2 --scene-types outpatient_lobby \
    --min-version 1.0.0 "$work/release/lobby-kiosk_1.1.0_all.deb" >"$work/release/manifest.json"
"$kioskctl" release keygen "$work/release.key" "$work/release.pem" >/dev/null
"$kioskctl" release sign --key "$work/release.key" "$work/release/manifest.json" >/dev/null

status=0
"$kioskctl" fleet release publish --cert "$LOBBY_PLATFORM_CERT" --key "$LOBBY_PLATFORM_KEY" \
    "${connection[@]}" --scene-type outpatient_lobby --stage canary:KIOSK-TEST-0001 \
    "$work/release/manifest.json" >/dev/null 2>"$work/err" || status=$?
((status == 1)) && grep -q not_admin "$work/err" || fail "a terminal published a release: $(cat "$work/err")"
status=0
"$kioskctl" fleet release publish "${as_admin[@]}" --scene-type inpatient --stage 100 \
    "$work/release/manifest.json" >/dev/null 2>"$work/err" || status=$?
((status == 1)) && grep -q "not for scene type inpatient" "$work/err" ||
    fail "a release was published for a scene type it is not for: $(cat "$work/err")"
echo "ok: only admins publish, and only for the release's scene types"

"$kioskctl" fleet release publish "${as_admin[@]}" --scene-type outpatient_lobby \
    --stage canary:KIOSK-TEST-0001,KIOSK-B-0002 --stage 100 --window 00:00-00:00 \
    --max-per-hospital 1 --min-outcomes 2 --pause-at 0.5 "$work/release/manifest.json" >"$work/published"
cat "$work/published"
rollout=$(grep -o 'R-[0-9a-f]\{12\}' "$work/published" | head -1)
[[ -n $rollout ]] || fail "no rollout id"
grep -q "uploaded lobby-kiosk_1.1.0_all.deb (3[0-9]\{6\} bytes)" "$work/published" || fail "the package was not uploaded"
grep -q "stage 1 of 2" "$work/published" || fail "not at its first stage"

# Other bytes under the same package name are refused: a published package never changes.
cp "$work/release/lobby-kiosk_1.1.0_all.deb" "$work/changed.deb"
printf 'x' >>"$work/changed.deb"
code=$(curl -sS -o "$work/err" -w '%{http_code}' --cacert "$LOBBY_PLATFORM_CA" --cert "$admin_dir/client.pem" \
    --key "$admin_dir/client.key" -H 'Transfer-Encoding: chunked' -T "$work/changed.deb" \
    "$LOBBY_PLATFORM_URL/v1/packages/lobby-kiosk_1.1.0_all.deb")
[[ $code == 409 ]] && grep -q package_exists "$work/err" || fail "a package was replaced: $code $(cat "$work/err")"
echo "ok: published, its package uploaded once and never replaced"

# The version kiosks were installed with, uploaded on its own (what they roll back to); the same
# bytes again change nothing; a file not named as Debian names packages is refused before sending.
cp "$work/release/lobby-kiosk_1.1.0_all.deb" "$work/lobby-kiosk_1.1.0_all.deb"
"$kioskctl" fleet release upload "${as_admin[@]}" "$work/lobby-kiosk_1.1.0_all.deb" >"$work/uploaded" ||
    fail "the same package again was refused"
grep -q "uploaded lobby-kiosk_1.1.0_all.deb" "$work/uploaded" || fail "nothing said of the upload: $(cat "$work/uploaded")"
status=0
"$kioskctl" fleet release upload "${as_admin[@]}" "$work/changed.deb" 2>"$work/err" >/dev/null || status=$?
((status == 2)) && grep -q "not a package's Debian file name" "$work/err" ||
    fail "a file without Debian's name was uploaded ($status): $(cat "$work/err")"
echo "ok: a package uploaded on its own, by its Debian name only"

[[ $(poll KIOSK-C-0003) == 204 ]] || fail "a kiosk outside the canary stage was assigned the release"
[[ $(poll KIOSK-TEST-0001) == 200 ]] || fail "the canary was not assigned the release"
python3 - "$work/offer-KIOSK-TEST-0001.json" "$work/release/manifest.json" "$work" <<'PY'
import base64, hashlib, json, sys, time
offer, manifest, work = json.load(open(sys.argv[1])), open(sys.argv[2], "rb").read(), sys.argv[3]
assert offer["manifest_json"].encode() == manifest, "the manifest is not the bytes the release key signed"
a = json.loads(offer["assignment_json"])
assert a["terminal_id"] == "KIOSK-TEST-0001" and a["manifest_sha256"] == hashlib.sha256(manifest).hexdigest(), a
assert a["issued_at"] <= time.time() + 5 < a["expires_at"] <= a["issued_at"] + 86400, a
open(f"{work}/assignment", "wb").write(offer["assignment_json"].encode())
open(f"{work}/assignment.sig", "wb").write(base64.b64decode(offer["assignment_signature_base64"]))
open(f"{work}/offered.sig", "w").write(offer["manifest_signature_base64"])
PY
openssl pkeyutl -verify -pubin -inkey "$platform_key" -rawin -in "$work/assignment" \
    -sigfile "$work/assignment.sig" >/dev/null || fail "the assignment does not verify with the platform's key"
mkdir -p "$work/trust/release"
cp "$work/release.pem" "$work/trust/release/"
cp "$work/offered.sig" "$work/release/manifest.json.sig"
"$kioskctl" release verify --trust "$work/trust" "$work/release/manifest.json" >/dev/null ||
    fail "the offered manifest signature does not verify"
echo "ok: the canary's assignment is signed by the platform and names the signed manifest"

[[ $(poll KIOSK-B-0002) == 204 ]] || fail "a second kiosk of the hospital was assigned while the first installs"
[[ $(poll KIOSK-TEST-0001) == 200 ]] || fail "the canary lost its assignment on a second poll"
echo "ok: at most one kiosk of a hospital installs at once"

as_terminal KIOSK-TEST-0001 --fail -o "$work/downloaded.deb" \
    "$LOBBY_PLATFORM_URL/v1/terminals/self/packages/lobby-kiosk_1.1.0_all.deb"
cmp -s "$work/downloaded.deb" "$work/release/lobby-kiosk_1.1.0_all.deb" || fail "the download differs"
code=$(as_terminal KIOSK-C-0003 -o "$work/err" -w '%{http_code}' \
    "$LOBBY_PLATFORM_URL/v1/terminals/self/packages/lobby-kiosk_1.1.0_all.deb")
[[ $code == 404 ]] || fail "a kiosk never assigned the release downloaded its package ($code)"
echo "ok: only an assigned terminal downloads the package, byte for byte"

code=$(as_terminal KIOSK-C-0003 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -X POST \
    "$LOBBY_PLATFORM_URL/v1/terminals/self/update-events" -d "{\"rollout_id\": \"$rollout\", \"phase\": \"committed\", \"ok\": true}")
[[ $code == 404 ]] || fail "a kiosk never assigned the rollout reported on it ($code)"
report KIOSK-TEST-0001 "$rollout" leased true
report KIOSK-TEST-0001 "$rollout" committed true
[[ $(poll KIOSK-TEST-0001) == 204 ]] || fail "a kiosk that committed was offered the release again"
[[ $(poll KIOSK-B-0002) == 200 ]] || fail "the hospital's slot was not freed by the commit"
report KIOSK-B-0002 "$rollout" rolled_back false
"$kioskctl" fleet release status "${as_admin[@]}" "$rollout" >"$work/status"
cat "$work/status"
grep -q "PAUSED: paused by itself: 1 of 2 installs rolled back" "$work/status" || fail "the rollout did not pause itself"
grep -q "installing 0, committed 1, rolled back 1, abandoned 0" "$work/status" || fail "the counts are wrong"
grep -q "KIOSK-B-0002 *rolled_back *FAIL" "$work/status" || fail "the failed terminal is not shown"
echo "ok: events move the rollout; a rollback share at the threshold pauses it by itself"

"$kioskctl" fleet release advance "${as_admin[@]}" "$rollout" | grep -q "stage 2 of 2" || fail "not advanced"
status=0
"$kioskctl" fleet release advance "${as_admin[@]}" "$rollout" >/dev/null 2>"$work/err" || status=$?
((status == 1)) && grep -q last_stage "$work/err" || fail "advanced past the last stage: $(cat "$work/err")"
[[ $(poll KIOSK-C-0003) == 204 ]] || fail "a paused rollout assigned a kiosk"
"$kioskctl" fleet release resume "${as_admin[@]}" "$rollout" >"$work/resumed"
grep -q "stage 2 of 2" "$work/resumed" && ! grep -q PAUSED "$work/resumed" || fail "not resumed"
[[ $(poll KIOSK-C-0003) == 200 ]] || fail "the resumed rollout at 100% did not assign the default group's kiosk"
[[ $(poll KIOSK-D-0004) == 200 ]] || fail "another hospital's kiosk waited for this one's slot"
"$kioskctl" fleet release pause "${as_admin[@]}" "$rollout" --reason "hold for the weekend" |
    grep -q "PAUSED: hold for the weekend" || fail "not paused with the admin's reason"
"$kioskctl" fleet release status "${as_admin[@]}" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)["rollouts"]
assert len(r) == 1 and r[0]["paused"] and r[0]["installing"] == 2 and r[0]["stage"] == 1, r
'
echo "ok: admins advance, resume and pause; every hospital has its own slot"

"$kioskctl" fleet status "${as_admin[@]}" --group default >"$work/fleet"
cat "$work/fleet"
grep -q "KIOSK-B-0002 .*update rolled_back 1.0.0 -> 1.1.0 FAILED" "$work/fleet" || fail "the table lacks the failed update"
"$kioskctl" fleet status "${as_admin[@]}" --group default --json | python3 -c '
import json, sys
t = {x["terminal_id"]: x for x in json.load(sys.stdin)["terminals"]}
assert t["KIOSK-TEST-0001"]["update"]["phase"] == "committed" and t["KIOSK-TEST-0001"]["update"]["ok"], t
assert t["KIOSK-B-0002"]["update"]["phase"] == "rolled_back" and not t["KIOSK-B-0002"]["update"]["ok"], t
'
echo "ok: the fleet view shows the last update step of each terminal"
