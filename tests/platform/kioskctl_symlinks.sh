#!/usr/bin/env bash
# kioskctl runs as root in directories the kiosk's own user owns (/var/lib/lobby-kiosk): a
# symlink planted there must never make it write, chmod, chown or delete somewhere else. Plants
# links where enroll, reset --factory and status look, and checks the files they point at are
# untouched. Also: enrolled as root for a kiosk user, the enrollment is root's with the kiosk's
# group reading it. Run by with_platform.sh, as root (as CI and kioskctl on a kiosk run).
# Usage: kioskctl_symlinks.sh KIOSKCTL
set -euo pipefail
kioskctl=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
((EUID == 0)) || { echo "SKIP: needs root"; exit 0; }
token() { platform_command "enroll-token $1" | awk '/^ok /{print $2}'; }
enroll() {  # TERMINAL DIR [ARGS...]
    local terminal=$1 dir=$2
    shift 2
    "$kioskctl" enroll --platform "$LOBBY_PLATFORM_URL" --token "$(token "$terminal")" \
        --ca "$LOBBY_PLATFORM_CA" --terminal-id "$terminal" --dir "$dir" "$@"
}
state=$work/var-lib-lobby-kiosk
victim=$work/victim
mkdir -p "$state" "$victim"
echo "root's own file" >"$victim/important.conf"
chmod 0644 "$victim/important.conf"
before=$(stat -c '%a %u %g %s %Y' "$victim/important.conf")
untouched() {
    [[ $(stat -c '%a %u %g %s %Y' "$victim/important.conf") == "$before" ]] ||
        fail "$1 changed the file a symlink pointed at: $(stat -c '%a %u %g %s' "$victim/important.conf")"
    [[ $(cat "$victim/important.conf") == "root's own file" ]] || fail "$1 wrote into the victim"
    [[ $(ls "$victim") == important.conf ]] || fail "$1 put files into the victim directory: $(ls "$victim")"
}

# 1. The enrollment directory itself is a link elsewhere: refused, nothing written there.
ln -s "$victim" "$state/enrollment"
if enroll KIOSK-SYM-0001 "$state/enrollment" 2>"$work/err"; then fail "enrolled through a symlinked directory"; fi
grep -q "symlink" "$work/err" || fail "the refusal does not name the symlink: $(cat "$work/err")"
untouched "enroll through a symlinked directory"
rm "$state/enrollment"

# 2. The key's name is a link to a file of root's: the link is replaced, never followed.
mkdir -m 0700 "$state/enrollment"
ln -s "$victim/important.conf" "$state/enrollment/client.key"
ln -s "$victim/important.conf" "$state/enrollment/client.key.tmp"
enroll KIOSK-SYM-0002 "$state/enrollment" --kiosk-user daemon >/dev/null 2>"$work/err" ||
    fail "enroll failed: $(cat "$work/err")"
untouched "enroll with a planted key link"
[[ -f $state/enrollment/client.key && ! -L $state/enrollment/client.key ]] || fail "the key is not a regular file"
gid=$(getent group daemon | cut -d: -f3)
[[ $(stat -c '%a %u %g' "$state/enrollment") == "750 0 $gid" ]] ||
    fail "the enrollment directory is $(stat -c '%a %u %g' "$state/enrollment"), not 750 root:daemon"
[[ $(stat -c '%a %u %g' "$state/enrollment/client.key") == "640 0 $gid" ]] ||
    fail "the key is $(stat -c '%a %u %g' "$state/enrollment/client.key"), not 640 root:daemon"
[[ $(stat -c '%a %u' "$state/enrollment/client.pem") == "644 0" ]] || fail "the certificate is not 644 root's"
[[ ! -e $state/enrollment/client.key.tmp ]] || fail "a temporary was left behind"

# 3. status opens the journal: a journal that is a link is refused, its target's mode kept.
cat >"$work/kiosk.json" <<JSON
{"schema_version": 1, "terminal": {"id": "KIOSK-SYM-0002"},
 "platform": {"base_url": "$LOBBY_PLATFORM_URL", "ca_bundle": "$state/enrollment/ca.pem",
              "client_cert": "$state/enrollment/client.pem", "client_key": "$state/enrollment/client.key"},
 "journal": {"path": "$state/journal.db"},
 "scene": {"state_dir": "$state/scene", "trust_dir": "$work/trust"}}
JSON
ln -s "$victim/important.conf" "$state/journal.db"
"$kioskctl" status --config "$work/kiosk.json" --json >"$work/status.json" 2>&1 || true
untouched "status with a journal link"
grep -q "symlink" "$work/status.json" || fail "status does not say the journal is a symlink: $(cat "$work/status.json")"

# 4. reset --factory: links are removed, never followed (a scene directory that is a link to
# a directory of root's, a key that is a link to a file of root's).
ln -s "$victim" "$state/scene"
rm "$state/enrollment/client.key"
ln -s "$victim/important.conf" "$state/enrollment/client.key"
"$kioskctl" reset --factory --yes --discard-unsettled --config "$work/kiosk.json" >"$work/reset.out" 2>&1 ||
    fail "reset failed: $(cat "$work/reset.out")"
untouched "reset --factory"
[[ ! -e $state/scene && ! -L $state/scene ]] || fail "the scene link was not removed"
[[ ! -e $state/enrollment/client.key && ! -L $state/enrollment/client.key ]] || fail "the key link was not removed"
[[ ! -L $state/journal.db ]] || fail "the journal link was not removed"
echo "PASS: enroll, status and reset --factory never followed a planted symlink; enrollment 750/640 root:daemon"
