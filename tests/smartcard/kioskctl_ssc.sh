#!/usr/bin/env bash
# kioskctl device ssc read|watch against lobby-vicc in pcscd's vpcd reader (run by
# with_pcscd.sh). JSON on success; a non-zero exit and one plain line on stderr on failure.
# Usage: kioskctl_ssc.sh KIOSKCTL LOBBY_VICC
set -euo pipefail
kioskctl=$1 vicc=$2
work=$(mktemp -d)
vicc_pid="" watch_pid=""
cleanup() {
    [[ -n $watch_pid ]] && kill "$watch_pid" 2>/dev/null || true
    exec 7>&- 2>/dev/null || true
    [[ -n $vicc_pid ]] && { wait "$vicc_pid" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
mkfifo "$work/control"
"$vicc" --port "$LOBBY_VPCD_PORT" <"$work/control" >"$work/vicc.out" &
vicc_pid=$!
exec 7>"$work/control"
# pcscd polls a vpcd reader every 400 ms: give it two polls to see each removal and insertion.
card() { echo "$*" >&7; sleep 0.8; }
swap() { card remove; card insert "$@"; }

expect_failure() {  # expect_failure "stderr text" [kioskctl args]
    local wanted=$1 status=0
    shift
    "$kioskctl" device ssc read --timeout-ms 1500 "$@" >"$work/out" 2>"$work/err" || status=$?
    if ((status == 0)) || ! grep -qF "$wanted" "$work/err" || [[ $(wc -l <"$work/err") -ne 1 ]]; then
        echo "FAIL: expected a failure saying '$wanted'; got $status: $(cat "$work/err")"
        exit 1
    fi
    echo "ok: $wanted"
}

card insert ssc-wang
"$kioskctl" device ssc read --timeout-ms 5000 | python3 -c '
import json, sys
card = json.load(sys.stdin)
want = {"name": "王芳", "id_number": "11010519491231002X", "sex": "female", "nation": "汉",
        "birth_date": "1949-12-31", "birthplace_code": "110105", "card_number": "A12345678",
        "issue_date": "2020-01-01", "expiry_date": "2030-01-01"}
for key, value in want.items():
    assert card[key] == value, f"{key}: {card[key]!r} != {value!r}"
assert len(card["card_id_code"]) == 32
print("ok: social-security card JSON")'

swap ssc-expired
expect_failure "the card expired on 2020-01-01"
swap ssc-wang blocked
expect_failure "the card is blocked"
swap ssc-wang file_not_found
expect_failure "no such file"
card remove
expect_failure "no card in the reader"
expect_failure "no reader named" --reader "No Such Reader"

status=0
PCSCLITE_CSOCK_NAME="$work/none.comm" "$kioskctl" device ssc read --timeout-ms 500 2>"$work/err" || status=$?
((status != 0)) && grep -qF "smart-card service (pcscd) is not running" "$work/err" ||
    { echo "FAIL: without pcscd: $(cat "$work/err")"; exit 1; }
echo "ok: pcscd not running"

"$kioskctl" device ssc watch >"$work/watch.out" 2>&1 &
watch_pid=$!
sleep 0.8
card insert ssc-liu
sleep 0.8
card remove
sleep 0.8
kill "$watch_pid"
wait "$watch_pid" 2>/dev/null || true
watch_pid=""
python3 - "$work/watch.out" <<'PY'
import json, sys
events = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
kinds = [(e["event"], e.get("name")) for e in events if e["event"] in ("inserted", "removed")]
assert kinds == [("inserted", "刘洋"), ("removed", None)], events
print("ok: watch prints one line per insertion and removal")
PY
echo quit >&7
