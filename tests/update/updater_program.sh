#!/usr/bin/env bash
# The updater program (lobby-kiosk-updater --once) against the sandbox: with nothing assigned it
# asks once and exits; assigned a release signed by a key this kiosk does not trust, it refuses to
# take it, tells the platform (the rollout counts it abandoned and offers it no more), downloads
# nothing and leaves dpkg's root untouched; its state folder is root's alone; a wrong config is
# exit 2. (Installing to the end is tests/update/test_platform_updates.cpp's, with the same
# Updater loop.)
# Usage: updater_program.sh UPDATER KIOSKCTL   (under with_platform.sh)
set -euo pipefail
updater=$1 kioskctl=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

admin_dir=$(platform_command "admin-cert ADMIN-1" | awk '/^ok /{print $2}')
platform_key=$(platform_command "platform-key" | awk '/^ok /{print $2}')
as_admin=(--platform "$LOBBY_PLATFORM_URL" --ca "$LOBBY_PLATFORM_CA" --cert "$admin_dir/client.pem" --key "$admin_dir/client.key")

# The kiosk: its enrollment files, a trust store with the platform's key but none of this
# publisher's, and a dpkg root of its own.
mkdir -p "$work/trust/platform" "$work/trust/release" "$work/root/var/lib/dpkg/info" "$work/root/var/lib/dpkg/updates"
touch "$work/root/var/lib/dpkg/status"
cp "$platform_key" "$work/trust/platform/platform.pem"
cat >"$work/kiosk.json" <<JSON
{"schema_version": 1, "terminal": {"id": "KIOSK-TEST-0001"},
 "platform": {"base_url": "$LOBBY_PLATFORM_URL", "ca_bundle": "$LOBBY_PLATFORM_CA",
              "client_cert": "$LOBBY_PLATFORM_CERT", "client_key": "$LOBBY_PLATFORM_KEY"},
 "scene": {"state_dir": "$work/scenes", "trust_dir": "$work/trust"},
 "update": {"state_dir": "$work/updater", "lease_socket": "$work/lease.sock"}}
JSON

status=0
"$updater" --config "$work/missing.json" 2>/dev/null || status=$?
((status == 2)) || fail "a missing config exited $status, not 2"
timeout 60 "$updater" --config "$work/kiosk.json" --once --root "$work/root" 2>"$work/err" || fail "with nothing assigned: $(cat "$work/err")"
[[ $(stat -c %a "$work/updater") == 700 ]] || fail "the updater's state folder is $(stat -c %a "$work/updater")"
echo "ok: nothing assigned, asked once and done; its state folder is root's alone"

# A release the kiosk cannot trust, published to it.
"$kioskctl" scene keygen "$work/admin.key" "$work/admin.pem" >/dev/null
push_outpatient_scene "$kioskctl" "$work/admin.key" default "$work" "${as_admin[@]}"
mkdir -p "$work/pkg/DEBIAN" "$work/release"
printf 'Package: lobby-kiosk\nVersion: 1.1.0\nArchitecture: all\nMaintainer: t <t@lobby.invalid>\nDescription: t\n' \
    >"$work/pkg/DEBIAN/control"
dpkg-deb --root-owner-group --build "$work/pkg" "$work/release/lobby-kiosk_1.1.0_all.deb" >/dev/null
"$kioskctl" release manifest --release 1.1.0 --counter 2 --scene-types outpatient_lobby \
    --min-version 1.0.0 "$work/release/lobby-kiosk_1.1.0_all.deb" >"$work/release/manifest.json"
"$kioskctl" release keygen "$work/stranger.key" "$work/stranger.pem" >/dev/null
"$kioskctl" release sign --key "$work/stranger.key" "$work/release/manifest.json" >/dev/null
"$kioskctl" fleet release publish "${as_admin[@]}" --scene-type outpatient_lobby \
    --stage canary:KIOSK-TEST-0001 "$work/release/manifest.json" >"$work/published"
rollout=$(grep -o 'R-[0-9a-f]\{12\}' "$work/published" | head -1)

timeout 60 "$updater" --config "$work/kiosk.json" --once --root "$work/root" 2>"$work/err" || fail "with a release: $(cat "$work/err")"
grep -q "the offer was not taken: update.no_release_keys" "$work/err" || fail "the refusal was not said: $(cat "$work/err")"
[[ ! -s $work/root/var/lib/dpkg/status ]] || fail "dpkg's root was touched"
[[ -z $(find "$work/updater" -name '*.deb*') ]] || fail "a package was downloaded for a release that did not check"
[[ ! -s $work/updater/events.jsonl ]] || fail "events are left unsent: $(cat "$work/updater/events.jsonl")"
"$kioskctl" fleet release status "${as_admin[@]}" "$rollout" >"$work/status"
grep -q "abandoned 1" "$work/status" || fail "the platform did not hear: $(cat "$work/status")"
grep -q "KIOSK-TEST-0001 *abandoned *FAIL" "$work/status" || fail "the terminal's step is not shown: $(cat "$work/status")"
echo "ok: a release signed by an untrusted key is refused, reported abandoned, nothing downloaded"

timeout 60 "$updater" --config "$work/kiosk.json" --once --root "$work/root" 2>"$work/err" || fail "asked again: $(cat "$work/err")"
if grep -q "not taken" "$work/err"; then fail "the abandoned release was offered again"; fi
echo "ok: and it is not offered again"
