#!/usr/bin/env bash
# 门诊缴费 paid in full by the patient (no insurance used): 李秀英's chest CT, by Alipay QR. No
# settlement is made; the guide slip shows the whole amount paid by her and where the CT is done.
# Run by with_platform.sh --auto-pay 2 and with_cupsd.sh.
# Usage: bills_self_qr.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seed "bill ct 310115198506150022 李秀英" >/dev/null
walk bills_self_qr "$app" "$out"
check_audit "the CT not paid once in cash" "violations=0" "bill_payments:captured=1"
[[ $audit != *settlements:* ]] || { echo "FAIL: an insurance settlement was made: $audit" >&2; exit 1; }
collect_slips 1 "guide slip"
for words in "支付宝" "CT室" "金属物品" "¥280.00"; do
    grep -q "$words" "${slips[0]}" || { echo "FAIL: the guide slip lacks $words" >&2; exit 1; }
done
echo "PASS: a bill paid in full by QR; $audit"
