#!/usr/bin/env bash
# 门诊缴费 as most insured patients will do it: 李秀英's prescription and blood test, both chosen
# for her, priced by her insurance e-voucher; on the split she switches to large text and pays her
# part by WeChat QR. The figure for paying two bills with insurance comes from this walk
# (bench/patient_effort.sh). Run by with_platform.sh --auto-pay 2 and with_cupsd.sh.
# Usage: bills_insured_qr.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seed "token evoucher YBPZ0002LITOKEN 310115198506150022 李秀英" >/dev/null
for kind in drugs blood; do seed "bill $kind 310115198506150022 李秀英" >/dev/null; done
seed "insure 310115198506150022 李秀英 SSC0001 SERIAL01 5000" >/dev/null
walk bills_insured_qr "$app" "$out"
check_audit "the two bills not paid once" "violations=0" "settlements:settled=1" \
    "bill_payments:captured=1"
collect_slips 1 "guide slip"
grep -q "微信支付" "${slips[0]}" || { echo "FAIL: the slip does not say how it was paid" >&2; exit 1; }
# The e-invoice the HIS issued at the save: its numbers, and the QR (under them) to keep it.
tr -d '\n' < "${slips[0]}" | grep -qE "电子票据 E-invoice [0-9]{8}-[0-9]{10} 校验码 ?Check [0-9A-F]{6}" ||
    { echo "FAIL: the slip lacks the e-invoice" >&2; exit 1; }
echo "PASS: two bills paid with the insurance and a QR; $audit"
