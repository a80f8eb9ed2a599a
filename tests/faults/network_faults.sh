#!/usr/bin/env bash
# One network fault between the kiosk and the platform, through lobby-fault-proxy, in the middle
# of a patient journey; then the fault is cleared, the kiosk restarted, and the sandbox's ledger
# and the kiosk's journal checked: nothing captured twice, every capture backing a booking or
# refunded, nothing left held, no transaction left open, and the exact bookings and payments
# the case should leave. Run by with_platform.sh --at 08:40 --auto-pay 1, with_cupsd.sh and
# with_fault_proxy.sh.
# Usage: network_faults.sh CASE APP OUTDIR
set -euo pipefail
case=$1 app=$2
out=$3/fault-$case
source "$(dirname "$0")/fault_lib.sh"  # empties $out, writes $out/kiosk.json

zhang_today() { platform_command "book +0 11010519491231002X 张三丰 morning paid" >/dev/null; }
zhang_later() { platform_command "book +2 11010519491231002X 张三丰 morning paid" >/dev/null; }
owed=0 waited_ms=
case $case in
    # The reply to "book" is lost once: the retry under the same key gets the same booking.
    drop_booking_reply) fault="fault drop /v1/bookings 1" journey=book_qr want=done
        ledger="ok bookings:paid=1 payments:captured=1 violations=0" ;;
    # Every reply to "pay" is lost: the hold is released; a late payment would be refunded.
    drop_payment_always) fault="fault drop /payments 0" journey=book_qr want=error
        ledger="ok bookings:cancelled=1 payments:pending=1 violations=0" ;;
    # The platform stalls 10 s on "book" (it did book): the kiosk gives up at its deadline, and
    # the reconciler finds the booking and gives the slot back.
    stall_booking) fault="fault stall /v1/bookings 0" journey=book_qr want=error
        ledger="ok bookings:cancelled=1 payments: violations=0" ;;
    # As above, and the same patient tries again at once, presenting their card during the
    # farewell: the hold the stalled call left is released as they leave, so the second booking
    # with that doctor is not refused (limit_per_doctor) and goes through.
    stall_booking_rebook) fault="fault stall /v1/bookings 1" journey=book_qr_twice want=done
        ledger="ok bookings:cancelled=1,paid=1 payments:captured=1 violations=0" ;;
    # A gateway answers 502 to "pay" after the platform made the payment.
    bad_gateway_payment) fault="fault 5xx /payments 0" journey=book_qr want=error
        ledger="ok bookings:cancelled=1 payments:pending=1 violations=0" ;;
    # The check-in's reply is cut off halfway: checked in on the platform, no slip; the slip is
    # printed at the patient's next visit.
    truncated_checkin) zhang_today; fault="fault truncate /checkin 0" journey=pickup want=error
        ledger="ok bookings:checked_in=1 payments:captured=1 violations=0" owed=1 ;;
    # The connection is reset on "cancel" before it reaches the platform: the refund the patient
    # asked for is finished by the reconciler under the same key, the receipt owed.
    reset_cancel) zhang_later; fault="fault reset /cancel 0" journey=cancel want=error
        ledger="ok bookings:refunded=1 payments:refunded=1 violations=0" owed=1 ;;
    # The platform goes down at the check-in (connection refused from then on): nothing was
    # checked in, and the booking stands.
    refused_checkin) zhang_today; fault="fault refuse /checkin" journey=pickup want=error
        ledger="ok bookings:paid=1 payments:captured=1 violations=0" ;;
    # 门诊缴费: the reply to the payment code's payment is lost once; the retry under the same
    # key is the same payment (the code is not spent twice) and the bills are paid.
    drop_bill_payment_reply) seed_bills; fault="fault drop /bill-locks/ 1" journey=bills
        want=done ledger="ok bookings: payments: settlements:settled=1 bill_payments:captured=1 violations=0" ;;
    # Every reply to the HIS's save is lost after both legs are in: the patient is told it will
    # be put right, and the restarted kiosk saves under the same key (once) and owes the slip.
    drop_bill_save_always) seed_bills; fault="fault drop /save 0" journey=bills want=error
        ledger="ok bookings: payments: settlements:settled=1 bill_payments:captured=1 violations=0" ;;
    # The reply to the lock is lost once: the retry under the same key is the same lock.
    drop_bill_lock_reply) seed_bills; fault='fault drop /v1/bill-locks$ 1' journey=bills
        want=done ledger="ok bookings: payments: settlements:settled=1 bill_payments:captured=1 violations=0" ;;
    # Every reply to the lock is lost: nothing was priced or paid, and the lock the platform
    # made is released (by the restarted kiosk's reconciler) so the bills can be paid again.
    drop_bill_lock_always) seed_bills; fault='fault drop /v1/bill-locks$ 0' journey=bills_locked
        want=error ledger="ok bookings: payments: violations=0" ;;
    # The reply to the insurance's pre-settlement is lost once: asked again, priced the same.
    drop_presettle_reply) seed_bills; fault="fault drop /presettlements 1" journey=bills
        want=done ledger="ok bookings: payments: settlements:settled=1 bill_payments:captured=1 violations=0" ;;
    # The reply to the settlement is lost once: resent with the same message id, settled once.
    drop_settle_reply) seed_bills; fault='fault drop /v1/insurance/settlements$ 1' journey=bills
        want=done ledger="ok bookings: payments: settlements:settled=1 bill_payments:captured=1 violations=0" ;;
    # Every reply to the settlement is lost (the insurance did settle): the kiosk asks by the
    # message id, cancels the settlement it finds and releases the lock; no cash was taken.
    drop_settle_always) seed_bills; fault='fault drop /v1/insurance/settlements$ 0'
        journey=bills_unsettled want=error ledger="ok bookings: payments: settlements:cancelled=1 violations=0" ;;
    # The settlement never reaches the insurance (every connection reset): the message id is
    # barred by a reversal (冲正) so it cannot land later, and the lock is released.
    reset_settle_always) seed_bills; fault='fault reset /v1/insurance/settlements$ 0'
        journey=bills_unsettled want=error ledger="ok bookings: payments: violations=0" ;;
    *) echo "unknown case $case" >&2; exit 2 ;;
esac

[[ $(proxy_command "$fault") == ok ]] || fail "the proxy refused '$fault'"
started=$(date +%s%N)
kiosk journey "$journey" || fail "the journey did not end as a patient would see it"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
got=$(outcome_of "$out/journey")
[[ $got == "$want" ]] || fail "the patient saw '$got', expected '$want'"

# The patient never waits past the call's deadline (call_timeout_ms, retries included) for the
# step that went wrong: from the step's start to the refusal in the log.
if [[ $want == error ]]; then
    waited_ms=$(python3 - "$out/app.log" <<'PY'
import re, sys, datetime
start = None
for line in open(sys.argv[1], encoding="utf-8"):
    if not re.match(r"\d{4}-\d\d-\d\dT", line):
        continue
    when = datetime.datetime.fromisoformat(line[:23])
    if re.search(r"booking a slice|checking in booking|cancelling booking|bills: cash part paid"
                 r"|bills: settling the insurance leg|bills: locking", line):
        start = when
    elif start and re.search(r"(booking|check-in|cancel) refused:|bills: the save is left"
                             r"|bills: every leg undone|bills: undoing is left|left for the reconciler",
                             line):
        print(int((when - start).total_seconds() * 1000))
        break
PY
)
    [[ -n $waited_ms ]] || fail "the log does not show the failed step and its refusal"
    deadline_ms=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["platform"]["call_timeout_ms"])' "$out/kiosk.json")
    ((waited_ms <= deadline_ms + 1000)) || fail "the patient waited ${waited_ms} ms (deadline ${deadline_ms} ms)"
fi
counts=$(proxy_command count)
[[ $counts =~ \ ([1-9][0-9]*)\ faulted ]] || fail "the fault never struck ($counts)"
faulted=${BASH_REMATCH[1]}
[[ $(proxy_command "fault none") == ok ]] || fail "the proxy did not clear the fault"
recover
audit=$(check_invariants)
[[ $audit == "$ledger" ]] || fail "ledger: got '$audit', expected '$ledger'"
if [[ $case == stall_booking_rebook ]]; then
    # Settled as the patient left, before their second try (not at the restart).
    order=$(grep -E "reconciled booking transaction|booking a slice" "$out/app.log" | head -3 |
        sed -E 's/.*(reconciled booking|booking a slice).*/\1/' | paste -sd,)
    [[ $order == "booking a slice,reconciled booking,booking a slice" ]] ||
        fail "the stalled booking was not settled before the second try ($order)"
fi
if ((owed)); then
    revisit
    slips=("$LOBBY_PRINTER_OUT"/job-*.txt)
    ((${#slips[@]} == 1)) || fail "expected the one reprinted slip, got ${#slips[@]}"
    grep -q "张\*丰" "${slips[0]}" || fail "the reprinted slip lacks the masked name"
fi
echo "PASS: $case: $faulted requests faulted; the patient saw '$got'${waited_ms:+ ${waited_ms} ms after the step began} (journey ${elapsed_ms} ms); $audit"
