#!/usr/bin/env bash
# 报告打印 on a printer that jams: the job is lost, sent once more and lost again. The patient is
# told the report was not printed and not counted; the platform counts no print, so the report
# can be printed once the printer is cleared.
# Run by with_platform.sh and with_cupsd.sh --a4.
# Usage: reports_jammed.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
seed "report blood 310115198506150022 李秀英" >/dev/null
echo always >"$LOBBY_A4_CONTROL/jam"
walk reports_jammed "$app" "$out"
check_audit "nothing counted for a lost job" "violations=0"
[[ $audit != *report_prints* ]] || { echo "FAIL: a jammed report was counted printed: $audit" >&2; exit 1; }
collect_a4 0 "pages saved by a jammed printer"
grep -q "report-.* failed: the printer lost the document twice" "$journey_out/app.log" ||
    { echo "FAIL: the kiosk did not send the job twice" >&2; exit 1; }
grep -q "a4 printer: jammed" "$journey_out/app.log" ||
    { echo "FAIL: the kiosk did not see the jam" >&2; exit 1; }
echo "PASS: a report lost to a jam twice is not counted printed; $audit"
