#!/usr/bin/env bash
# 门诊缴费 with the social-security card the patient identified with (刘洋, PC/SC through a real
# pcscd and the virtual reader): the card's number and serial go to the insurance's price
# without another tap, and the cash part is paid by WeChat QR. Neither reaches the log.
# Run by with_pcscd.sh, with_platform.sh --auto-pay 2 and with_cupsd.sh.
# Usage: bills_ssc_card.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
for kind in drugs blood; do seed "bill $kind 310115198506150022 刘洋" >/dev/null; done
# The virtual card's number and its 卡识别码 (EF05/01, as the simulator writes it).
seed "insure 310115198506150022 刘洋 B87654321 4239393939393939394B424242424242 5000" >/dev/null
walk bills_ssc_card "$app" "$out"
if grep -q "B87654321\|4239393939393939394B" "$journey_out/app.log"; then
    echo "FAIL: the card's number or serial reached the log" >&2
    exit 1
fi
check_audit "the bills not paid once with the card's insurance" "violations=0" \
    "settlements:settled=1" "bill_payments:captured=1"
collect_slips 1 "guide slip"
echo "PASS: two bills priced by the social-security card and paid by QR; $audit"
