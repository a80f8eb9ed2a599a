#!/usr/bin/env bash
# An update of the project's own packages, end to end, in a scratch root: cpack builds lobby-kiosk
# (version N); N+1 is the same package restamped, N+2 the same with a kiosk binary that cannot
# start. N is installed by hand with dpkg --root, its postinst making the kiosk user and
# directories in that root only (DPKG_ROOT). The installed kiosk then runs there offscreen under a
# stand-in for systemd (standin_systemd.py: READY, the watchdog, Restart=always, NRestarts), takes
# its scene from the sandbox, and the installed updater (lobby-kiosk-updater --root) takes each
# release the admin publishes with kioskctl: N+1 through the kiosk's lease, dpkg, the restart, the
# health window (the updater killed there and started again) and the installed kioskctl's
# selftest, committed; N+2 restarting over and over, rolled back to N+1, the rollout paused, after
# which the updater ends for its unit to start the updater file now in place. The hospital's edit
# of kiosk.json stays throughout, and this machine's users are never touched.
# Usage: own_debs_update.sh BUILD_DIR KIOSKCTL   (under with_platform.sh)
set -euo pipefail
build=$1 kioskctl=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
supervisor=
cleanup() {
    if [[ -n $supervisor ]]; then kill "$supervisor" 2>/dev/null || true; wait "$supervisor" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    [[ -f $work/systemd/service.log ]] && tail -n 15 "$work/systemd/service.log"
    [[ -f $work/updater.log ]] && tail -n 15 "$work/updater.log"
    [[ -f $work/status ]] && cat "$work/status"
    exit 1
}
now_ms() { date +%s%3N; }
# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
    local seconds=$1; shift
    for ((i = 0; i < seconds * 10; i++)); do "$@" && return 0; sleep 0.1; done
    return 1
}

# --- The packages: N as cpack makes it, N+1 restamped, N+2 with a kiosk that cannot start -------
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
built=$(echo "$work"/out/lobby-kiosk_*_amd64.deb)
[[ -f $built ]] || fail "cpack made no lobby-kiosk package"
n=$(dpkg-deb -f "$built" Version) n1=$(dpkg-deb -f "$built" Version)+u1 n2=$(dpkg-deb -f "$built" Version)+u2
mkdir -p "$work/release"
cp "$built" "$work/release/lobby-kiosk_${n}_amd64.deb"
restamp() {  # VERSION [broken]
    local tree=$work/tree-$1
    dpkg-deb -R "$built" "$tree"
    sed -i "s/^Version: .*/Version: $1/" "$tree/DEBIAN/control"
    if [[ ${2:-} == broken ]]; then
        head -c 4096 "$tree/usr/bin/lobby-kiosk" >"$tree/truncated"
        mv "$tree/truncated" "$tree/usr/bin/lobby-kiosk"
        chmod 0755 "$tree/usr/bin/lobby-kiosk"
        (cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
    fi
    dpkg-deb --root-owner-group -Zgzip -z1 --build "$tree" "$work/release/lobby-kiosk_$1_amd64.deb" >/dev/null
    rm -rf "$tree"
}
restamp "$n1"
restamp "$n2" broken

# --- The scratch root: this machine's packages as the dependencies, its users, then N by hand -----
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc"
touch "$root/var/lib/dpkg/available"
# Only the status of what lobby-kiosk depends on (installed here), so no other package's
# maintainer script can ever be asked to run.
python3 - "$(dpkg-deb -f "$built" Depends)" >"$root/var/lib/dpkg/status" <<'PY'
import re, subprocess, sys
for group in sys.argv[1].split(","):
    for alternative in group.split("|"):
        name = re.match(r"\s*([a-z0-9+.-]+)", alternative).group(1)
        shown = subprocess.run(["dpkg-query", "-s", name], capture_output=True, text=True)
        if shown.returncode == 0:
            print(shown.stdout.rstrip("\n") + "\n")
PY
cp /etc/passwd /etc/group "$root/etc/"
host_users=$(cat /etc/passwd /etc/group | sha256sum)
dpkg --root="$root" --force-script-chrootless -i "$work/release/lobby-kiosk_${n}_amd64.deb" >"$work/dpkg.log" 2>&1 ||
    { cat "$work/dpkg.log"; fail "dpkg could not install N ($n) in the scratch root"; }
[[ $(cat /etc/passwd /etc/group | sha256sum) == "$host_users" ]] || fail "the postinst changed this machine's users"
grep -q "^lobby-kiosk:" "$root/etc/passwd" || fail "the postinst made no kiosk user in the root"
[[ -d $root/var/lib/lobby-kiosk ]] || fail "the postinst made no state directory in the root"
echo "ok: N ($n) installed by hand in a scratch root; its postinst touched only that root"
# The hospital's own edit of the conffile, which no update may undo.
echo '{"schema_version": 1, "terminal": {"id": "EDITED-BY-HOSPITAL"}}' >"$root/etc/lobby-kiosk/kiosk.json"

# --- The kiosk's configuration, trust and scene ----------------------------------------------------
mkdir -p "$work/trust/platform" "$work/trust/release" "$work/systemd" "$work/bin"
admin_dir=$(platform_command "admin-cert ADMIN-1" | awk '/^ok /{print $2}')
cp "$(platform_command "platform-key" | awk '/^ok /{print $2}')" "$work/trust/platform/platform.pem"
as_admin=(--platform "$LOBBY_PLATFORM_URL" --ca "$LOBBY_PLATFORM_CA" --cert "$admin_dir/client.pem" --key "$admin_dir/client.key")
cat >"$work/kiosk.json" <<JSON
{"schema_version": 1, "terminal": {"id": "KIOSK-TEST-0001"},
 "platform": {"base_url": "$LOBBY_PLATFORM_URL", "ca_bundle": "$LOBBY_PLATFORM_CA",
              "client_cert": "$LOBBY_PLATFORM_CERT", "client_key": "$LOBBY_PLATFORM_KEY",
              "call_timeout_ms": 4000},
 "journal": {"path": "$work/journal.db"},
 "health": {"report_path": "$work/health.json"},
 "scene": {"state_dir": "$work/scenes", "trust_dir": "$work/trust", "poll_interval_s": 2},
 "update": {"state_dir": "$work/updater", "lease_socket": "$work/lease.sock", "health_window_s": 30}}
JSON
"$kioskctl" scene keygen "$work/admin.key" "$work/trust/admin.pem" >/dev/null
push_outpatient_scene "$kioskctl" "$work/admin.key" default "$work" "${as_admin[@]}"

# --- The installed kiosk, running as its unit would ---------------------------------------------------
printf '#!/bin/sh\nexec python3 %s ctl "$STANDIN_SYSTEMD_DIR" "$@"\n' "$here/standin_systemd.py" >"$work/bin/systemctl"
chmod +x "$work/bin/systemctl"
export PATH=$work/bin:$PATH STANDIN_SYSTEMD_DIR=$work/systemd LOBBY_KIOSK_CONFIG=$work/kiosk.json QT_QPA_PLATFORM=offscreen
python3 "$here/standin_systemd.py" serve "$work/systemd" 30 -- "$root/usr/bin/lobby-kiosk" &
supervisor=$!
unit() { systemctl show lobby-kiosk.service -p "$1" 2>/dev/null | cut -d= -f2; }
running_binary() { readlink "/proc/$(unit MainPID)/exe" 2>/dev/null; }
is_active() { [[ $(unit ActiveState) == active ]]; }
scene_applied() { grep -q "scene version 1 applied" "$work/systemd/service.log"; }
wait_for 60 is_active || fail "the installed kiosk never said READY"
wait_for 60 scene_applied || fail "the kiosk did not apply its scene"
echo "ok: the installed kiosk runs (READY) with its scene"

"$kioskctl" release keygen "$work/release.key" "$work/trust/release/release.pem" >/dev/null
publish() {  # VERSION COUNTER MIN_VERSION (the rollout pauses after its first failure)
    local manifest=$work/release/manifest-$1.json
    "$kioskctl" release manifest --release "$1" --counter "$2" --scene-types outpatient_lobby \
        --min-version "$3" "$work/release/lobby-kiosk_$1_amd64.deb" >"$manifest"
    "$kioskctl" release sign --key "$work/release.key" "$manifest" >/dev/null
    "$kioskctl" fleet release publish "${as_admin[@]}" --scene-type outpatient_lobby \
        --stage canary:KIOSK-TEST-0001 --min-outcomes 1 "$manifest" | grep -o 'R-[0-9a-f]\{12\}' | head -1
}
update() {  # [--once]
    timeout 300 "$root/usr/libexec/lobby-kiosk/lobby-kiosk-updater" --config "$work/kiosk.json" "$@" --root "$root" \
        2>>"$work/updater.log" || fail "the updater failed: $(tail -n 5 "$work/updater.log")"
}
installed() { dpkg-query --root="$root" -W -f='${Version}' lobby-kiosk; }

# --- N → N+1: committed ------------------------------------------------------------------------------------
# N, as the kiosks were installed with it: on the platform, so that they can roll back to it.
"$kioskctl" fleet release upload "${as_admin[@]}" "$work/release/lobby-kiosk_${n}_amd64.deb" >/dev/null
rollout=$(publish "$n1" 2 "$n")
started=$(now_ms)
# Killed outright in the health window, and started again (now the updater N+1 installed): it
# watches the new kiosk again for the whole window, and commits.
in_health_check() { grep -Eq '"step": *"health_check"' "$work/updater/record.json" 2>/dev/null; }
"$root/usr/libexec/lobby-kiosk/lobby-kiosk-updater" --config "$work/kiosk.json" --root "$root" 2>>"$work/updater.log" &
killed=$!
wait_for 120 in_health_check || fail "the updater never reached the health check: $(tail -n 5 "$work/updater.log")"
kill -KILL "$killed"
wait "$killed" 2>/dev/null || true
[[ $(installed) == "$n1" ]] || fail "N+1 is not what dpkg has during the health check: $(installed)"
update --once
commit_ms=$(($(now_ms) - started))
"$kioskctl" fleet release status "${as_admin[@]}" "$rollout" >"$work/status"
[[ $(installed) == "$n1" ]] || fail "N+1 is not installed after the update: $(installed)"
grep -q "KIOSK-TEST-0001 *committed" "$work/status" || fail "the platform did not hear of the commit: $(cat "$work/status")"
[[ $(running_binary) == "$root/usr/bin/lobby-kiosk" ]] || fail "the kiosk runs $(running_binary), not the installed N+1"
[[ $(unit NRestarts) == 0 ]] || fail "the kiosk restarted by itself $(unit NRestarts) times on N+1"
is_active || fail "the kiosk is not active on N+1"
grep -q EDITED-BY-HOSPITAL "$root/etc/lobby-kiosk/kiosk.json" || fail "the update replaced the hospital's kiosk.json"
good=$(sha256sum <"$root/usr/bin/lobby-kiosk")
took=$(grep -o "after .* s, out of service .* s" "$work/status") || fail "the platform was not told how long it took"
echo "ok: N+1 ($n1) committed, running the new kiosk: the updater ran $commit_ms ms; the kiosk says $took (30 s health window)"

# --- N+1 → a broken N+2: rolled back to N+1 ----------------------------------------------------------------
rollout=$(publish "$n2" 3 "$n1")
started=$(now_ms)
# As its unit runs it (no --once): having put a different updater file in place (N+2's, then
# N+1's again), it ends by itself between installs for its unit to start that one.
update
rollback_ms=$(($(now_ms) - started))
grep -q "a new updater was installed; ending so that it runs" "$work/updater.log" ||
    fail "the updater did not end to let the updater it installed run: $(tail -n 3 "$work/updater.log")"
[[ $(installed) == "$n1" ]] || fail "N+1 is not back after the rollback: $(installed)"
"$kioskctl" fleet release status "${as_admin[@]}" "$rollout" >"$work/status"
grep -q "KIOSK-TEST-0001 *rolled_back" "$work/status" || fail "the platform did not hear of the rollback: $(cat "$work/status")"
grep -q "update.kiosk_restarted" "$work/status" || fail "the rollback's cause is not shown: $(cat "$work/status")"
grep -qi "paused" "$work/status" || fail "the rollout did not pause itself: $(cat "$work/status")"
(($(unit NRestarts) >= 1)) || fail "the broken kiosk was never restarted by its unit"
[[ $(sha256sum <"$root/usr/bin/lobby-kiosk") == "$good" ]] || fail "the kiosk binary is not N+1's after the rollback"
wait_for 60 is_active || fail "the kiosk is not active again after the rollback"
[[ $(running_binary) == "$root/usr/bin/lobby-kiosk" ]] || fail "the kiosk runs $(running_binary) after the rollback"
grep -q EDITED-BY-HOSPITAL "$root/etc/lobby-kiosk/kiosk.json" || fail "the rollback replaced the hospital's kiosk.json"
[[ $(cat /etc/passwd /etc/group | sha256sum) == "$host_users" ]] || fail "an update changed this machine's users"
took=$(grep -o "after .* s, out of service .* s" "$work/status") || fail "the platform was not told how long it took"
echo "ok: the broken N+2 ($n2) rolled back to N+1, the rollout paused, the kiosk serving again: the updater ran $rollback_ms ms; the kiosk says $took"
echo "PASS: own packages N → N+1 committed ($commit_ms ms) → broken N+2 rolled back ($rollback_ms ms)"
