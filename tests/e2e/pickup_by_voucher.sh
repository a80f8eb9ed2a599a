#!/usr/bin/env bash
# 预约取号 by the voucher (预约单) or the booking code from the SMS, without a card: one patient
# shows the voucher's barcode to the scanner and is checked in without a tap; another types the
# eight digits on the keypad (four first: caught on the kiosk) and is checked in too, and their
# menu afterwards offers the pick-up only (the voucher's session reaches that booking alone).
# Run by with_platform.sh --at 08:40 and with_cupsd.sh.
# Usage: pickup_by_voucher.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
read -r first _ first_code <<<"$(seed "book +0 11010519491231002X 张三丰 morning paid")"
read -r second _ second_code <<<"$(seed "book +0 310115198506150022 李秀英 morning paid")"
# The voucher's other bookings stay out of its reach.
seed "book +2 11010519491231002X 张三丰 morning paid" >/dev/null
[[ $first_code =~ ^[0-9]{8}$ && $second_code =~ ^[0-9]{8}$ ]] ||
    { echo "FAIL: the platform gave no booking codes: '$first_code' '$second_code'" >&2; exit 1; }
export LOBBY_JOURNEY_VOUCHER_CODE=$first_code
export LOBBY_JOURNEY_TYPED_CODE_HEAD=${second_code:0:4} LOBBY_JOURNEY_TYPED_CODE_TAIL=${second_code:4}
walk pickup_by_voucher "$app" "$out"
log=$journey_out/app.log
grep -q "identified by a booking code: 张\*丰 booking $first" "$log" ||
    { echo "FAIL: the scanned voucher did not name its booking" >&2; exit 1; }
grep -q "identified by a booking code: 李\*英 booking $second" "$log" ||
    { echo "FAIL: the typed code did not name its booking" >&2; exit 1; }
if grep -q "$first_code\|$second_code" "$log"; then
    echo "FAIL: a booking code reached the log" >&2
    exit 1
fi
check_audit "not both vouchers checked in (and the later booking untouched)" "checked_in=2" \
    "paid=1" "violations=0"
collect_slips 2 "slips"
echo "PASS: a scanned voucher and a typed code each checked in their booking; $audit"
