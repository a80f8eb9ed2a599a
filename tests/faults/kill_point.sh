#!/usr/bin/env bash
# kill -9 at one journal step: the kiosk SIGKILLs itself the moment that step is on disk
# (--crash-at), exactly where a power cut would leave it; then it is restarted, settles its
# journal with the platform, and the ledger is checked: nothing captured twice, every capture
# backing a booking or refunded, nothing held, nothing left open, and what became of the
# patient's money. Run by with_platform.sh --at 08:40 --auto-pay 2 and with_cupsd.sh.
# Usage: kill_point.sh STEP/PHASE JOURNEY APP OUTDIR   (JOURNEY: book_qr, book_back, pickup,
# pickup_pay, cancel, move, register, bills)
set -euo pipefail
point=$1 journey=$2 app=$3
out=$4/kill-${journey}-${point/\//-}
source "$(dirname "$0")/fault_lib.sh"  # empties $out, writes $out/kiosk.json
held=
case $journey in
    pickup) platform_command "book +0 11010519491231002X 张三丰 morning paid" >/dev/null ;;
    cancel) platform_command "book +2 11010519491231002X 张三丰 morning paid" >/dev/null ;;
    # Paid for today; the doctor then stops the session (停诊) and the patient moves it (改约).
    move)
        booked=$(platform_command "book +0 11010519491231002X 张三丰 morning paid")
        [[ $booked == ok* ]] || fail "could not seed the booking: $booked"
        stopped=$(platform_command "stop $(awk '{print $3}' <<<"$booked")")
        [[ $stopped == ok* ]] || fail "could not stop the session: $stopped"
        ;;
    # Made by phone minutes ago, unpaid (needs same-day rules); paid at the kiosk at pick-up.
    pickup_pay)
        platform_command "book +0 11010519491231002X 张三丰 morning unpaid" >/dev/null
        held=phone-booking-held
        ;;
    # 门诊缴费: a prescription and a blood test, priced by the insurance e-voucher, the cash part
    # paid by a payment code.
    bills) seed_bills ;;
esac

status=0
kiosk journey "$journey" --crash-at "$point" || status=$?
((status == 137)) || fail "the kiosk was not killed at $point (exit $status)"
grep -q "journal: crash point $point reached" "$out/app.log" || fail "no crash at $point"
# Whatever was on screen is gone; the next start settles what the journal holds.
recover
audit=$(check_invariants $held)
settled=$(sqlite3 -separator ' | ' "$out/journal.db" "SELECT kind, state, outcome FROM transactions")
[[ -n $settled ]] || fail "the journal recorded nothing before $point"
if [[ $journey == pickup_pay ]]; then
    # The booking is never released by the kiosk: paid, or still the patient's to pay.
    [[ $audit == *paid=1* || $audit == *held=1* || $audit == *checked_in=1* ]] ||
        fail "the phone booking is gone: $audit"
    [[ $audit != *cancelled=* ]] || fail "the kiosk released a booking it did not make: $audit"
fi
if [[ $journey == move ]]; then
    # Moved or not, the booking is still the patient's and still paid, by the one payment.
    [[ $audit == *paid=1* && $audit == *captured=1* ]] || fail "the booking lost its payment: $audit"
fi
if [[ $journey == register ]]; then
    # 当日挂号: never paid without a queue number or a refund; never charged twice.
    [[ $audit != *paid=* ]] || fail "a registration is paid but not checked in: $audit"
    if [[ $audit == *captured=1* ]]; then
        [[ $audit == *checked_in=1* ]] || fail "paid, yet no queue number: $audit"
    fi
    case $point in payment_confirmed/* | checked_in/* | slip_printed/*)
        [[ $audit == *checked_in=1* && $audit == *captured=1* ]] ||
            fail "paid before the kill, not checked in after the restart: $audit" ;;
    esac
fi
if [[ $journey == bills ]]; then
    # Completed (saved, and the guide slip owed) or undone: never money taken for unsaved bills,
    # never the insurance left settled on its own.
    if [[ $audit == *bill_payments:captured=1* || $audit == *settlements:settled=1* ]]; then
        [[ $settled == *"bills | reprint"* || $settled == *"bills | closed | paid, saved"* ||
            $settled == *"bills | closed | reprinted"* ]] ||
            fail "money moved but the bills are not saved: $settled; $audit"
    fi
    case $point in payment_confirmed/* | bills_saved/* | slip_printed/*)
        [[ $audit == *bill_payments:captured=1* && $audit == *settlements:settled=1* ]] ||
            fail "paid before the kill, not completed after the restart: $audit" ;;
    esac
fi
echo "PASS: killed at $point ($journey); after restart: $settled; $audit"
