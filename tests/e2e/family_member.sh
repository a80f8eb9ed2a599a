#!/usr/bin/env bash
# 就诊人: a patient (李秀英, 1985) adds her father (张三丰, 1949) by placing his ID card after saying
# how he is related, and checks in his booking for him: the kiosk then serves him, and the slip
# names him. Next visit she is asked whom it is for, adds her son (张小明, 2016, his own card) and
# books for him; the third visit lists both and she serves herself. The platform keeps each
# booking under the member's own record. Run by with_platform.sh --at 08:40 and with_cupsd.sh.
# Usage: family_member.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
read -r booking _ <<<"$(seed "book +0 11010519491231002X 张三丰 morning paid")"
[[ $(platform_command "token phone 13700137000 310115198506150022 李秀英") == ok ]] ||
    { echo "FAIL: seeding the patient" >&2; exit 1; }
walk family_member "$app" "$out"
log=$journey_out/app.log
grep -q "adding a family member: 张\*丰" "$log" || { echo "FAIL: the parent was not added" >&2; exit 1; }
grep -q "adding a family member: 张\*明" "$log" || { echo "FAIL: the child was not added" >&2; exit 1; }
[[ $(grep -c "acting for a family member" "$log") == 2 ]] ||
    { echo "FAIL: not acting for each member once" >&2; exit 1; }
check_audit "not the parent's booking checked in and the child's paid" "checked_in=1" "paid=1" \
    "violations=0"
collect_slips 2 "slips (the parent's check-in slip, the child's voucher)"
grep -q "张\*丰" "${slips[0]}" || { echo "FAIL: the check-in slip does not name the parent" >&2; exit 1; }
grep -q "张\*明" "${slips[1]}" || { echo "FAIL: the voucher does not name the child" >&2; exit 1; }
if grep -q "李\*英" "${slips[0]}" "${slips[1]}"; then
    echo "FAIL: a slip names the guardian instead of the patient" >&2
    exit 1
fi
echo "PASS: booking $booking checked in for a parent, a child booked for; $audit"
