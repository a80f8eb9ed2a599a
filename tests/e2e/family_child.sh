#!/usr/bin/env bash
# 就诊人 for a child with no ID card: a mother (李秀英) adds her son (张小明, 2016) from the
# household register, typing his ID number (a grown child's number is refused: from 16 they have
# a card) and his name by pinyin, and books for him at once. On her next visit she chooses him,
# looks up his bookings and cancels the one she made; on a third she registers him for this
# morning (当日挂号), checked in at once. The refund and every slip name the child, never her. Run by with_platform.sh --at 08:40 and with_cupsd.sh.
# Usage: family_child.sh APP OUTDIR
set -euo pipefail
app=$1 out=$2
source "$(dirname "$0")/journey_lib.sh"
[[ $(platform_command "token phone 13700137000 310115198506150022 李秀英") == ok ]] ||
    { echo "FAIL: seeding the patient" >&2; exit 1; }
walk family_child "$app" "$out"
log=$journey_out/app.log
grep -q "acting for a family member: 张\*明" "$log" ||
    { echo "FAIL: the child was not added and served" >&2; exit 1; }
[[ $(grep -c "acting for a family member" "$log") == 3 ]] ||
    { echo "FAIL: not acting for the child on all three visits" >&2; exit 1; }
if grep -q "张小明\|110105201605200018" "$log"; then
    echo "FAIL: the child's name or number reached the log" >&2
    exit 1
fi
grep -q "refunded" "$log" || { echo "FAIL: the child's booking was not refunded" >&2; exit 1; }
check_audit "not the child's booking refunded and his registration checked in" \
    "bookings:checked_in=1," "payments:captured=1,refunded=1 " "violations=0"
collect_slips 3 "slips (the child's voucher, the refund receipt, the 挂号单)"
grep -q "A0[0-9][0-9]" "${slips[2]}" || { echo "FAIL: no queue number on the child's 挂号单" >&2; exit 1; }
for slip in "${slips[@]}"; do
    grep -q "张\*明" "$slip" || { echo "FAIL: a slip does not name the child" >&2; exit 1; }
    if grep -q "李\*英" "$slip"; then
        echo "FAIL: a slip names the guardian instead of the child" >&2
        exit 1
    fi
done
echo "PASS: a child without an ID card added, booked for, looked up, cancelled and registered today; $audit"
