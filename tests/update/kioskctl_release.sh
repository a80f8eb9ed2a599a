#!/usr/bin/env bash
# kioskctl release manifest|keygen|sign|verify: a publisher lists .debs built here into a
# manifest, signs it with a release key, and a kiosk's trust directory verifies it; a manifest
# changed after signing, one signed by a scene admin's key, a wrong counter or a file that is not a
# .deb are refused with their reasons.
# Usage: kioskctl_release.sh KIOSKCTL
set -euo pipefail
kioskctl=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect_exit() {  # expect_exit CODE PATTERN kioskctl-args...
    local code=$1 pattern=$2 status=0
    shift 2
    "$kioskctl" "$@" >"$work/out" 2>"$work/err" || status=$?
    ((status == code)) || fail "kioskctl $* exited $status, not $code: $(cat "$work/err")"
    grep -q -- "$pattern" "$work/err" "$work/out" || fail "kioskctl $* did not say '$pattern': $(cat "$work/err")"
}
for package in lobby-kiosk lobby-kiosk-voice; do
    mkdir -p "$work/$package/DEBIAN"
    printf 'Package: %s\nVersion: 1.5.0-1\nArchitecture: all\nMaintainer: t <t@lobby.invalid>\nDescription: t\n' \
        "$package" >"$work/$package/DEBIAN/control"
    dpkg-deb --root-owner-group --build "$work/$package" "$work/${package}_1.5.0-1_all.deb" >/dev/null
done

"$kioskctl" release manifest --release 1.5.0 --counter 15 --scene-types outpatient_lobby,inpatient \
    --min-version 1.3.0 "$work/lobby-kiosk_1.5.0-1_all.deb" "$work/lobby-kiosk-voice_1.5.0-1_all.deb" \
    >"$work/manifest.json"
python3 - "$work" <<'PY'
import hashlib, json, os, sys
work = sys.argv[1]
m = json.load(open(f"{work}/manifest.json"))
assert m["counter"] == 15 and m["scene_types"] == ["outpatient_lobby", "inpatient"], m
for p, name in zip(m["packages"], ["lobby-kiosk", "lobby-kiosk-voice"]):
    path = f"{work}/{p['file']}"
    assert p["name"] == name and p["version"] == "1.5.0-1", p
    assert p["sha256"] == hashlib.sha256(open(path, "rb").read()).hexdigest(), p
    assert p["size"] == os.path.getsize(path), p
PY
echo "ok: manifest lists each .deb's own name, version, size and sha256"

mkdir -p "$work/trust/release" "$work/keys"
"$kioskctl" release keygen "$work/keys/release.key" "$work/trust/release/release.pem" >/dev/null
"$kioskctl" scene keygen "$work/keys/admin.key" "$work/trust/admin.pem" >/dev/null
"$kioskctl" release sign --key "$work/keys/release.key" "$work/manifest.json" >/dev/null
expect_exit 0 "verified by release/release.pem" release verify --trust "$work/trust" "$work/manifest.json"
grep -q "sha256 $(sha256sum "$work/manifest.json" | cut -c1-64)" "$work/out" || fail "verify names another hash"
echo "ok: signed and verified"

sed 's/"counter": 15/"counter": 16/' "$work/manifest.json" >"$work/changed.json"
cp "$work/manifest.json.sig" "$work/changed.json.sig"
expect_exit 2 "update.release_not_trusted" release verify --trust "$work/trust" "$work/changed.json"
# A scene admin's key is trusted for scenes, never for releases.
"$kioskctl" release sign --key "$work/keys/admin.key" "$work/manifest.json" --out "$work/admin.sig" >/dev/null
expect_exit 2 "update.release_not_trusted" release verify --trust "$work/trust" "$work/manifest.json" \
    --signature "$work/admin.sig"
expect_exit 2 "update.no_release_keys" release verify --trust "$work/keys" "$work/manifest.json"
echo "ok: a changed manifest and a scene admin's signature are refused"

sed 's/"counter": 15/"counter": 0/' "$work/manifest.json" >"$work/zero.json"
expect_exit 2 "counter must be" release sign --key "$work/keys/release.key" "$work/zero.json"
[[ ! -e "$work/zero.json.sig" ]] || fail "an invalid manifest was signed"
echo "junk" >"$work/junk.deb"
expect_exit 2 "not a .deb" release manifest --release 1.5.0 --counter 15 --scene-types inpatient \
    --min-version 1.3.0 "$work/junk.deb"
expect_exit 2 "min_version" release manifest --release 1.5.0 --counter 15 --scene-types inpatient \
    --min-version 2.0.0 "$work/lobby-kiosk_1.5.0-1_all.deb"
expect_exit 64 "usage" release sign "$work/manifest.json"
echo "ok: invalid manifests are never made or signed"
