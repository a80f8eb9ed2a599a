#!/usr/bin/env bash
# 报告打印: 李秀英 has a blood count (one page) and a biochemistry panel (two pages) ready and a
# chest CT not reported yet. Both ready ones are printed on the A4 printer (CUPS's ippeveprinter
# behind an IPP Everywhere queue), each counted once on the platform; the CT stays pending with
# its time. What the printer saved is each report, page for page.
# Run by with_platform.sh and with_cupsd.sh --a4.
# Usage: reports_print.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seed "report blood 310115198506150022 李秀英" >/dev/null
seed "report biochem 310115198506150022 李秀英" >/dev/null
seed "report ct 310115198506150022 李秀英 120" >/dev/null
walk reports_print "$app" "$out"
check_audit "each ready report counted once" "report_prints=2 " "violations=0"
collect_a4 2 "reports printed"
pages=""
for pdf in "${printed[@]}"; do
    pages+="$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}') "
done
[[ $pages == "1 2 " ]] || { echo "FAIL: the printed pages are $pages, not 1 then 2" >&2; exit 1; }
pdftotext "${printed[1]}" - | grep -q "生化" || { echo "FAIL: the second document is not the biochemistry report" >&2; exit 1; }
grep -q "reports: 2 printed, 3 pages" "$journey_out/app.log" ||
    { echo "FAIL: the kiosk did not report 3 pages printed" >&2; exit 1; }
# Reports are personal data: none of their titles or results in the kiosk's log.
! grep -qE "血常规|生化|李秀英" "$journey_out/app.log" ||
    { echo "FAIL: a report's words reached the log" >&2; exit 1; }
echo "PASS: two reports printed (1 + 2 pages) and counted once each; $audit"
