#!/usr/bin/env bash
# Builds the Debian packages from this build tree with CPack and checks them from outside: what
# each holds and where, the conffile, the maintainer scripts, the kiosk user and directories as
# sysusers.d / tmpfiles.d make them (in a scratch root, never on this machine), the systemd unit
# (systemd-analyze verify, its required settings, its exposure score) and lintian.
# Usage: check_packages.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
kiosk=$work/out/lobby-kiosk_*_amd64.deb
sandbox=$work/out/lobby-kiosk-sandbox_*_amd64.deb
[[ -f $(echo $kiosk) && -f $(echo $sandbox) ]] || fail "cpack did not make both packages: $(ls "$work/out")"

dpkg-deb -c $kiosk | awk '{print $6}' | sed 's|^\./|/|' >"$work/kiosk.files"
for path in /usr/bin/lobby-kiosk /usr/bin/kioskctl /etc/lobby-kiosk/kiosk.json \
    /lib/systemd/system/lobby-kiosk.service /lib/udev/rules.d/70-lobby-kiosk.rules \
    /usr/libexec/lobby-kiosk/lobby-kiosk-updater /lib/systemd/system/lobby-kiosk-updater.service \
    /usr/lib/sysusers.d/lobby-kiosk.conf /usr/lib/tmpfiles.d/lobby-kiosk.conf \
    /usr/share/lobby-kiosk/schema/scene.schema.json /usr/share/doc/lobby-kiosk/copyright; do
    grep -qx "$path" "$work/kiosk.files" || fail "lobby-kiosk lacks $path"
done
if grep -q "^/var/" "$work/kiosk.files"; then fail "the package ships state under /var (tmpfiles.d makes it)"; fi
if grep -q "lobby-platform\|lobby-printer-sim" "$work/kiosk.files"; then fail "lobby-kiosk holds sandbox tools"; fi
dpkg-deb -c $sandbox | awk '{print $6}' | sed 's|^\./|/|' >"$work/sandbox.files"
for tool in lobby-platform lobby-printer-sim lobby-sam-sim lobby-vicc lobby-fault-proxy; do
    grep -qx "/usr/bin/$tool" "$work/sandbox.files" || fail "lobby-kiosk-sandbox lacks $tool"
done

# The product app carries no simulator, no journey driver and no Qt Test: the .deb's binary is
# lobby-kiosk, not the demo build (lobby-kiosk-demo) the end-to-end tests drive.
app=$work/app
mkdir "$app"
dpkg-deb --fsys-tarfile $kiosk | tar -x -C "$app" ./usr/bin/lobby-kiosk
if readelf -d "$app/usr/bin/lobby-kiosk" | grep -q "libQt6Test"; then fail "the packaged lobby-kiosk links Qt Test"; fi
if strings "$app/usr/bin/lobby-kiosk" | grep -qE "N5lobby3sim|SamEmulator|JourneyDriver"; then
    fail "the packaged lobby-kiosk holds simulator or journey-driver code"
fi
set +e
journey_out=$(QT_QPA_PLATFORM=offscreen LOBBY_KIOSK_CONFIG= "$app/usr/bin/lobby-kiosk" --journey /dev/null 2>&1)
journey_rc=$?
set -e
[[ $journey_rc -ne 0 ]] || fail "the packaged lobby-kiosk walked a scripted journey"
grep -q "walks no scripted journeys" <<<"$journey_out" || fail "the packaged lobby-kiosk did not say why it refused --journey: $journey_out"

mkdir "$work/control"
dpkg-deb -e $kiosk "$work/control"
grep -qx /etc/lobby-kiosk/kiosk.json "$work/control/conffiles" || fail "kiosk.json is not a conffile"
[[ -x $work/control/postinst ]] || fail "postinst is not executable"
dpkg-deb -f $kiosk Depends | grep -q "cage" || fail "lobby-kiosk does not depend on cage"

# The package's files in a scratch root, with the kiosk user made there by its own sysusers.d.
root=$work/root
dpkg-deb -x $kiosk "$root"
mkdir -p "$root/etc"
cp /etc/passwd /etc/group "$root/etc/"
systemd-sysusers --root="$root" lobby-kiosk.conf >/dev/null 2>&1 || fail "systemd-sysusers refused the sysusers.d file"
uid=$(awk -F: '$1=="lobby-kiosk"{print $3}' "$root/etc/passwd")
[[ -n $uid ]] || fail "sysusers.d made no lobby-kiosk user"
grep "^lobby-kiosk:" "$root/etc/passwd" | grep -q nologin || fail "the kiosk user can log in"
systemd-tmpfiles --root="$root" --create lobby-kiosk.conf || fail "systemd-tmpfiles refused the tmpfiles.d file"
[[ $(stat -c '%a %u' "$root/var/lib/lobby-kiosk") == "750 $uid" ]] || fail "/var/lib/lobby-kiosk is $(stat -c '%a %u' "$root/var/lib/lobby-kiosk")"
gid=$(awk -F: '$1=="lobby-kiosk"{print $3}' "$root/etc/group")
[[ $(stat -c '%a %u %g' "$root/var/lib/lobby-kiosk/enrollment") == "750 0 $gid" ]] || fail "the enrollment directory is $(stat -c '%a %u %g' "$root/var/lib/lobby-kiosk/enrollment"), not 0750 root:lobby-kiosk"
[[ $(stat -c '%a %u %g' "$root/etc/lobby-kiosk/kiosk.json") == "640 0 $gid" ]] || fail "kiosk.json is $(stat -c '%a %u %g' "$root/etc/lobby-kiosk/kiosk.json"), not 0640 root:lobby-kiosk"
"$root/usr/bin/kioskctl" config validate "$root/etc/lobby-kiosk/kiosk.json" >/dev/null || fail "the shipped kiosk.json is invalid"

# The unit: systemd's own verdict (every warning counts), then what this kiosk needs of it.
unit=$root/lib/systemd/system/lobby-kiosk.service
cp -an /lib/systemd/system/. "$root/lib/systemd/system/"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
for binary in $(grep -o '/usr/bin/[a-z-]*' <<<"$exec_start"); do
    [[ -x $root$binary || -x $binary ]] || fail "ExecStart names $binary, which neither the package nor its dependencies provide here"
done
mkdir -p "$root/usr/bin" && cp /usr/bin/cage "$root/usr/bin/"
verdict=$(systemd-analyze verify --root="$root" lobby-kiosk.service 2>&1) || fail "systemd-analyze verify: $verdict"
[[ -z $verdict ]] || fail "systemd-analyze verify warns: $verdict"
for setting in Type=notify WatchdogSec=30 NotifyAccess=all User=lobby-kiosk NoNewPrivileges=yes \
    ProtectSystem=strict PrivateTmp=yes ProtectHome=yes Restart=always RestartPreventExitStatus=77; do
    grep -qx "$setting" "$unit" || fail "the unit lacks $setting"
done
grep -q "^ExecStart=/usr/bin/cage .*-- /usr/bin/lobby-kiosk" "$unit" || fail "the kiosk does not run under cage"
grep -q -- "-s" <<<"${exec_start%%--*}" && fail "cage is allowed to switch VTs (-s)"
exposure=$(systemd-analyze security --offline=true --root="$root" lobby-kiosk.service 2>/dev/null |
    sed -n 's/.*Overall exposure level for lobby-kiosk.service: \([0-9.]*\).*/\1/p')
[[ -n $exposure ]] || fail "systemd-analyze security gave no exposure level"
python3 -c "import sys; sys.exit(0 if float('$exposure') <= 5.0 else 1)" || fail "exposure $exposure > 5.0"

# The updater's unit: systemd's verdict; root, resumable (dpkg left to finish), its own state.
updater_unit=$root/lib/systemd/system/lobby-kiosk-updater.service
verdict=$(systemd-analyze verify --root="$root" lobby-kiosk-updater.service 2>&1) || fail "systemd-analyze verify (updater): $verdict"
[[ -z $verdict ]] || fail "systemd-analyze verify warns of the updater: $verdict"
for setting in KillMode=process Restart=always StateDirectory=lobby-kiosk-updater StateDirectoryMode=0700 \
    NoNewPrivileges=yes "ExecStart=/usr/libexec/lobby-kiosk/lobby-kiosk-updater --config /etc/lobby-kiosk/kiosk.json"; do
    grep -qx "$setting" "$updater_unit" || fail "the updater's unit lacks $setting"
done
if grep -q "^User=" "$updater_unit"; then fail "the updater does not run as root"; fi
set +e
"$root/usr/libexec/lobby-kiosk/lobby-kiosk-updater" --config /nonexistent.json 2>"$work/updater.err"
updater_rc=$?
set -e
[[ $updater_rc == 2 ]] || fail "the packaged updater with no config exited $updater_rc, not 2: $(cat "$work/updater.err")"

# lintian, with the overrides the packages carry (each says why).
lintian --tag-display-limit 0 $kiosk $sandbox >"$work/lintian.txt" 2>&1 || true
if grep -E "^[EW]: " "$work/lintian.txt"; then fail "lintian found the above"; fi
echo "PASS: 2 packages ($(du -k $kiosk | cut -f1) KiB, $(du -k $sandbox | cut -f1) KiB), unit verified (exposure $exposure), lintian clean"
