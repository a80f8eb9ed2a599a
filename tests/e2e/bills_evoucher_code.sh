#!/usr/bin/env bash
# 门诊缴费 with the medical insurance: 李秀英 (ID card) has a prescription, a blood test and a CT;
# she chooses the CT first (paid on its own: her choice is set aside, and said so), then the
# prescription and the blood test; her insurance e-voucher prices them (the split shown before
# anything is taken), and she pays her part with a payment code (a malformed code is refused
# and she shows a fresh one). The HIS saves both bills, the guide slip says where to go for
# each, and the ledgers balance. Neither the e-voucher nor a payment code reaches the log.
# Run by with_platform.sh and with_cupsd.sh.
# Usage: bills_evoucher_code.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seed "token evoucher YBPZ0002LITOKEN 310115198506150022 李秀英" >/dev/null
for kind in drugs blood ct; do seed "bill $kind 310115198506150022 李秀英" >/dev/null; done
seed "insure 310115198506150022 李秀英 SSC0001 SERIAL01 5000" >/dev/null
walk bills_evoucher_code "$app" "$out"
log=$journey_out/app.log
if grep -q "YBPZ0002LITOKEN\|134567890123456789\|13579" "$log"; then
    echo "FAIL: the e-voucher or a payment code reached the log" >&2
    exit 1
fi
grep -q "bills: insurance settled" "$log" || { echo "FAIL: the insurance did not settle" >&2; exit 1; }
grep -q "bills: cash part paid" "$log" || { echo "FAIL: the cash part was not paid" >&2; exit 1; }
check_audit "the two bills not paid once, by insurance and cash" "violations=0" "settlements:settled=1" \
    "bill_payments:captured=1"
collect_slips 1 "guide slip"
slip=${slips[0]}
for words in "缴费凭条" "李*英" "西药房 3号窗口" "空腹" "付款码"; do
    grep -q "$words" "$slip" || { echo "FAIL: the guide slip lacks $words" >&2; exit 1; }
done
if grep -q "CT" "$slip"; then echo "FAIL: the CT set aside was paid" >&2; exit 1; fi
echo "PASS: two bills paid with the insurance e-voucher and a payment code; $audit"
