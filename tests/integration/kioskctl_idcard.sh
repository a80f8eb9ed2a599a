#!/usr/bin/env bash
# kioskctl device idcard read|watch against lobby-sam-sim on a pty: JSON on success, a non-zero
# exit and one plain line on stderr on failure. The simulator is stopped on exit.
# Usage: kioskctl_idcard.sh KIOSKCTL SAM_SIM
set -euo pipefail
kioskctl=$1 simulator=$2
work=$(mktemp -d)
sim_pid="" watch_pid=""
cleanup() {
    [[ -n $watch_pid ]] && kill "$watch_pid" 2>/dev/null || true
    exec 7>&- 2>/dev/null || true
    [[ -n $sim_pid ]] && { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT

mkfifo "$work/control"
"$simulator" --no-latency <"$work/control" >"$work/sim.out" &
sim_pid=$!
exec 7>"$work/control"
for _ in $(seq 50); do grep -q '^pty ' "$work/sim.out" && break; sleep 0.1; done
pty=$(awk '/^pty /{print $2}' "$work/sim.out")
[[ -n $pty ]] || { echo "FAIL: simulator did not start"; exit 1; }

sim() { echo "$*" >&7; sleep 0.1; }
expect_failure() {  # expect_failure "stderr text"
    local status=0
    "$kioskctl" device idcard read --serial "$pty" >"$work/out" 2>"$work/err" || status=$?
    if ((status == 0)) || ! grep -qF "$1" "$work/err" || [[ $(wc -l <"$work/err") -ne 1 ]]; then
        echo "FAIL: expected exit != 0 and one line '$1'; got $status: $(cat "$work/err")"
        exit 1
    fi
    echo "ok: $1"
}

sim place resident-zhang
"$kioskctl" device idcard read --serial "$pty" >"$work/card.json"
python3 - "$work/card.json" <<'PY'
import json, sys
card = json.load(open(sys.argv[1]))
want = {"card_type": "resident", "name": "张三丰", "sex": "female", "nation": "汉",
        "birth_date": "1949-12-31", "id_number": "11010519491231002X",
        "valid_from": "2015-01-01", "valid_to": "long-term"}
for key, value in want.items():
    assert card[key] == value, f"{key}: {card[key]!r} != {value!r}"
assert len(card["photo_wlt_base64"]) == 1368, "photo is not 1024 bytes"
print("ok: resident card JSON")
PY

sim place foreign-2023
"$kioskctl" device idcard read --serial "$pty" | python3 -c '
import json, sys
card = json.load(sys.stdin)
assert card["card_type"] == "foreign_permanent_2023" and card["name_en"] == "GARCIA MARTINEZ, MARIA"
assert card["nationality"] == "ESP" and card["sex"] == "female"
print("ok: foreign 2023 card JSON")'

sim place expired
expect_failure "the card expired on 2020-01-01"
sim place bad-check-digit
expect_failure "check digit is wrong"
sim remove
expect_failure "no card on the reader"
sim place resident-li
sim fault bad_checksum
expect_failure "bad checksum"
sim fault silent
expect_failure "did not answer"
sim fault none

status=0
"$kioskctl" device idcard read --serial /dev/lobby-no-reader 2>"$work/err" || status=$?
((status != 0)) && grep -q "no reader" "$work/err" || { echo "FAIL: missing reader: $(cat "$work/err")"; exit 1; }
echo "ok: missing reader"

sim remove
"$kioskctl" device idcard watch --serial "$pty" >"$work/watch.out" 2>&1 &
watch_pid=$!
sleep 0.5
sim place resident-li
sleep 0.8
sim remove
sleep 0.8
kill "$watch_pid"
wait "$watch_pid" 2>/dev/null || true
watch_pid=""
python3 - "$work/watch.out" <<'PY'
import json, sys
events = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
kinds = [(e["event"], e.get("name")) for e in events]
assert kinds == [("placed", "李秀英"), ("removed", None)], kinds
print("ok: watch prints one line per placement and removal")
PY
