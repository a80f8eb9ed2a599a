#!/usr/bin/env bash
# 发票打印 after 门诊缴费: 李秀英 pays her chest CT by QR; the hospital issues the medical
# e-invoice as it saves the bill; from the menu she shows its QR (to keep it on her phone), then
# prints it on the A4 printer: the printer saved the finance bureau's layout with its numbers.
# Run by with_platform.sh --auto-pay 2 and with_cupsd.sh --a4.
# Usage: invoices_print.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seed "bill ct 310115198506150022 李秀英" >/dev/null
walk invoices_print "$app" "$out"
check_audit "the CT paid once" "violations=0" "bill_payments:captured=1"
collect_a4 1 "e-invoice printed"
text=$(pdftotext "${printed[0]}" -)
for words in "医疗门诊收费票据" "票据代码 Code: 33010126" "280.00"; do
    [[ $text == *"$words"* ]] || { echo "FAIL: the printed e-invoice lacks $words" >&2; exit 1; }
done
grep -q "e-invoice printed, 1 pages" "$journey_out/app.log" ||
    { echo "FAIL: the kiosk did not report the e-invoice printed" >&2; exit 1; }
echo "PASS: the e-invoice issued at the bill's save shown as a QR and printed on A4; $audit"
