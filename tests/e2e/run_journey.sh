#!/usr/bin/env bash
# Runs lobby-kiosk offscreen through one scripted journey and checks that it ended well and
# left the expected screenshots, each a PNG of the window's size.
# Usage: run_journey.sh APP JOURNEY portrait|landscape OUTDIR
set -euo pipefail
app=$1 journey=$2 orientation=$3 outroot=$4
src=${LOBBY_SOURCE_DIR:?}
journeys="$src/tests/e2e/journeys"
size=1080x1920
[[ $orientation == landscape ]] && size=1920x1080
out="$outroot/$journey-$orientation"
rm -rf "$out"
mkdir -p "$out"

# LOBBY_JOURNEY_CONFIG: a config the calling script made (e.g. naming a socket in its folder).
config=${LOBBY_JOURNEY_CONFIG:-$src/tests/e2e/configs/$journey.json}
[[ -f $config ]] || config="$src/config/kiosk.demo.json"
# Journeys run by with_pcscd.sh / with_cupsd.sh get the ports those chose.
if grep -q "@VPCD_PORT@" "$config"; then
    sed "s/@VPCD_PORT@/${LOBBY_VPCD_PORT:?run under tests/smartcard/with_pcscd.sh}/" "$config" \
        >"$out/kiosk.json"
    config="$out/kiosk.json"
fi
if grep -q "@CUPS_SERVER@" "$config"; then
    sed -e "s/@CUPS_SERVER@/${CUPS_SERVER:?run under tests/printer/with_cupsd.sh}/" \
        -e "s/@PRINTER_DIRECT@/127.0.0.1:${LOBBY_PRINTER_SIM_PORT}/" "$config" >"$out/kiosk.json.tmp"
    mv "$out/kiosk.json.tmp" "$out/kiosk.json"
    config="$out/kiosk.json"
fi

if grep -q "@PLATFORM_URL@" "$config"; then
    sed -e "s|@PLATFORM_URL@|${LOBBY_PLATFORM_URL:?run under tests/platform/with_platform.sh}|" \
        -e "s|@PLATFORM_CA@|$LOBBY_PLATFORM_CA|" -e "s|@PLATFORM_CERT@|$LOBBY_PLATFORM_CERT|" \
        -e "s|@PLATFORM_KEY@|$LOBBY_PLATFORM_KEY|" "$config" >"$out/kiosk.json.tmp"
    mv "$out/kiosk.json.tmp" "$out/kiosk.json"
    config="$out/kiosk.json"
fi

# The transaction journal lives with the run's output unless the journey's config names one.
if grep -q '"platform"' "$config" && ! grep -q '"journal"' "$config"; then
    python3 -c '
import json, sys
c = json.load(open(sys.argv[1])); c["journal"] = {"path": sys.argv[2]}
json.dump(c, open(sys.argv[3], "w"), ensure_ascii=False)' "$config" "$out/journal.db" "$out/kiosk.json.tmp"
    mv "$out/kiosk.json.tmp" "$out/kiosk.json"
    config="$out/kiosk.json"
fi

# The health report the kiosk keeps for kioskctl goes with the run's output too.
if ! grep -q '"health"' "$config"; then
    python3 -c '
import json, sys
c = json.load(open(sys.argv[1])); c["health"] = {"report_path": sys.argv[2]}
json.dump(c, open(sys.argv[3], "w"), ensure_ascii=False)' "$config" "$out/health.json" "$out/kiosk.json.tmp"
    mv "$out/kiosk.json.tmp" "$out/kiosk.json"
    config="$out/kiosk.json"
fi

# A walk may name what its script seeded (a booking's code): @NAME@ is $LOBBY_JOURNEY_NAME.
walk="$journeys/$journey.json"
if grep -q "@[A-Z_]*@" "$walk"; then
    python3 - "$walk" "$out/journey.json" <<'PY'
import os, re, sys
text = open(sys.argv[1]).read()
def value(match):
    name = "LOBBY_JOURNEY_" + match.group(1)
    if name not in os.environ:
        sys.exit(f"FAIL: the walk needs ${name}")
    return os.environ[name]
open(sys.argv[2], "w").write(re.sub(r"@([A-Z_]+)@", value, text))
PY
    walk="$out/journey.json"
fi

status=0
"$app" ${LOBBY_KIOSK_EXTRA_ARGS:-} --config "$config" --size "$size" --journey "$walk" \
    --screenshot-dir "$out/screens" >"$out/stdout.log" 2>"$out/app.log" || status=$?
if ((status != 0)); then
    echo "FAIL: lobby-kiosk exited $status; its log:" >&2
    tail -n 30 "$out/app.log" >&2
    exit 1
fi

# No personal data in the log: none of the simulator's names, ID numbers or addresses.
while read -r secret; do
    if grep -qF -- "$secret" "$out/app.log" "$out/stdout.log"; then
        echo "FAIL: the log contains personal data ('$secret'):" >&2
        grep -nF -- "$secret" "$out/app.log" | head -3 >&2
        exit 1
    fi
done <"$src/tests/e2e/pii_forbidden.txt"
# ...while what a journey should log (masked) is there, so the check above cannot pass vacuously.
if [[ -f "$journeys/$journey.log-expect" ]]; then
    while read -r wanted; do
        grep -qF -- "$wanted" "$out/app.log" || { echo "FAIL: the log lacks '$wanted'" >&2; exit 1; }
    done <"$journeys/$journey.log-expect"
fi

# Screenshots: names in order ("?" marks a screen that a fast device may skip), PNG, size.
python3 - "$out/screens" "$journeys/$journey.expect" "$size" <<'PY'
import pathlib, re, struct, sys
shots, expect, size = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
want_w, want_h = (int(v) for v in size.split("x"))
lines = [l.strip() for l in expect.read_text().splitlines() if l.strip()]
got = sorted(p.name for p in shots.glob("*.png"))
# Compare screen names without their numbers, since an optional screen shifts them.
strip = lambda name: re.sub(r"^\d+-", "", name)
required = [strip(l) for l in lines if not l.startswith("?")]
allowed = [strip(l.lstrip("?")) for l in lines]
names = [strip(n) for n in got]
def matches(names, allowed):
    i = 0
    for pattern, optional in zip(allowed, [l.startswith("?") for l in lines]):
        if i < len(names) and names[i] == pattern:
            i += 1
        elif not optional:
            return False
    return i == len(names)
if not matches(names, allowed):
    sys.exit(f"FAIL: screenshots {got} do not match {lines}")
for name in got:
    data = (shots / name).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"FAIL: {name} is not a PNG")
    w, h = struct.unpack(">II", data[16:24])
    if (w, h) != (want_w, want_h):
        sys.exit(f"FAIL: {name} is {w}x{h}, expected {want_w}x{want_h}")
print(f"{len(got)} screenshots as expected")
PY
