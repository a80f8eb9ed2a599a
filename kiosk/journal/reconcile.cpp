#include "journal/reconcile.h"

#include "platform/platform_client.h"

namespace lobby::journal {
namespace {

using platform::PlatformClient;
using Action = Resolution::Action;

Resolution retry(const std::string& what, const Error& error) {
    return {Action::Retry, what + ": " + error.message, {}, {}};
}

// Gives the slot back. A refusal means there is nothing left to give back (the hold lapsed, or
// an earlier release went through), which is as good.
std::optional<Error> release(PlatformClient& client, const std::string& bookingId) {
    auto cancelled = client.cancelBooking(bookingId, releaseKey(bookingId));
    if (cancelled || isDefinitiveRefusal(cancelled.error())) return std::nullopt;
    return cancelled.error();
}

Resolution released(PlatformClient& client, const std::string& bookingId,
                    const std::string& outcome) {
    if (auto failed = release(client, bookingId)) return retry("releasing the hold", *failed);
    return {Action::Close, outcome, bookingId, {}};
}

Resolution settleBooking(PlatformClient& client, const Transaction& tx) {
    std::string bookingId = tx.bookingId;
    std::string paymentId = tx.paymentId;
    if (tx.step == Step::BookingCreated && tx.phase == Phase::Before) {
        auto record = client.idempotencyRecord(tx.key);
        if (!record) return retry("asking after the booking", record.error());
        if (!record.value()) return {Action::Close, "the platform booked nothing", {}, {}};
        bookingId = record.value()->resultId;
    }
    if (tx.step == Step::PaymentStarted && tx.phase == Phase::Before) {
        auto record = client.idempotencyRecord(tx.key);
        if (!record) return retry("asking after the payment", record.error());
        if (!record.value())
            return released(client, bookingId, "no payment was started; hold released");
        paymentId = record.value()->resultId;
    }
    if (bookingId.empty()) return {Action::Close, "no booking recorded", {}, {}};
    if (paymentId.empty()) return released(client, bookingId, "unpaid; hold released");
    auto payment = client.payment(paymentId);
    if (!payment) return retry("asking after the payment", payment.error());
    if (payment->status == platform::PaymentStatus::Captured) {
        if (tx.step == Step::SlipPrinted && tx.phase == Phase::After)
            return {Action::Close, "paid and the voucher printed", bookingId, paymentId};
        return {Action::Reprint, "paid; the voucher is owed", bookingId, paymentId};
    }
    if (payment->status == platform::PaymentStatus::Refunded)
        return {Action::Close, "payment refunded", bookingId, paymentId};
    // Pending or failed: the patient is gone, so the slot goes back; a payment that still lands
    // is refunded by the platform since its booking is no longer held.
    Resolution result = released(client, bookingId, "payment not completed; hold released");
    result.paymentId = paymentId;
    return result;
}

Resolution settleCheckIn(PlatformClient& client, const Transaction& tx) {
    if (tx.step == Step::CheckedIn && tx.phase == Phase::Before) {
        auto record = client.idempotencyRecord(tx.key);
        if (!record) return retry("asking after the check-in", record.error());
        if (!record.value())
            return {Action::Close, "not checked in; the booking stands", tx.bookingId, {}};
    }
    if (tx.step == Step::SlipPrinted && tx.phase == Phase::After)
        return {Action::Close, "checked in and the slip printed", tx.bookingId, {}};
    return {Action::Reprint, "checked in; the slip is owed", tx.bookingId, {}};
}

Resolution settleRefund(PlatformClient& client, const Transaction& tx) {
    if (tx.step == Step::RefundRequested && tx.phase == Phase::Before) {
        // The patient asked for it: finish it under the same key (at most once on the platform).
        auto cancelled = client.cancelBooking(tx.bookingId, tx.key);
        if (!cancelled) {
            if (isDefinitiveRefusal(cancelled.error()))
                return {
                    Action::Close, "refund refused: " + cancelled.error().code, tx.bookingId, {}};
            return retry("finishing the refund", cancelled.error());
        }
    }
    if (tx.step == Step::SlipPrinted && tx.phase == Phase::After)
        return {Action::Close, "refunded and the receipt printed", tx.bookingId, {}};
    return {Action::Reprint, "refunded; the receipt is owed", tx.bookingId, {}};
}

// 改约: the patient asked for the move and confirmed it, so it is finished under the same key
// (at most once on the platform). Refused (the slice filled up meanwhile), the booking stays
// where it was, still paid and still refundable; nothing was charged either way.
Resolution settleMove(PlatformClient& client, const Transaction& tx) {
    if (tx.step == Step::BookingMoved && tx.phase == Phase::Before) {
        auto moved = client.moveBooking(tx.bookingId, tx.detail, tx.key);
        if (!moved) {
            if (isDefinitiveRefusal(moved.error()))
                return {Action::Close, "move refused: " + moved.error().code, tx.bookingId, {}};
            return retry("finishing the move", moved.error());
        }
    }
    if (tx.step == Step::SlipPrinted && tx.phase == Phase::After)
        return {Action::Close, "moved and the voucher printed", tx.bookingId, {}};
    return {Action::Reprint, "moved; the new voucher is owed", tx.bookingId, {}};
}

// 当日挂号: booked and paid as a booking is, then checked in at once. Paid, it is checked in here
// if it was not yet (the same key: the same queue number), and the 挂号单 is owed; refused (the
// doctor stopped the session meanwhile), the paid booking stands and is refundable.
Resolution settleRegistration(PlatformClient& client, const Transaction& tx) {
    if (tx.step == Step::SlipPrinted && tx.phase == Phase::After)
        return {Action::Close, "registered, checked in and the slip printed", tx.bookingId,
                tx.paymentId};
    std::string bookingId = tx.bookingId;
    std::string paymentId = tx.paymentId;
    if (tx.step != Step::CheckedIn && tx.step != Step::SlipPrinted) {
        Resolution paid = settleBooking(client, tx);
        if (paid.action != Action::Reprint) return paid;  // not paid: released, or ask again
        bookingId = paid.bookingId;
        paymentId = paid.paymentId;
    }
    auto checkedIn = client.checkIn(bookingId, checkInKey(bookingId));
    if (!checkedIn) {
        if (isDefinitiveRefusal(checkedIn.error()))
            return {Action::Close,
                    "paid; check-in refused (" + checkedIn.error().code +
                        "): the booking stands, refundable",
                    bookingId, paymentId};
        return retry("checking the registration in", checkedIn.error());
    }
    return {Action::Reprint, "registered and checked in; the slip is owed", bookingId, paymentId};
}

// A booking made elsewhere, paid (or not) at the kiosk. Whatever happened, the booking is the
// patient's and stays: captured, it is paid and they can check in; not captured, it stays held
// until its own expiry (a payment landing after that is refunded by the platform).
Resolution settleHeldPayment(PlatformClient& client, const Transaction& tx) {
    std::string paymentId = tx.paymentId;
    if (paymentId.empty()) {
        auto record = client.idempotencyRecord(tx.key);
        if (!record) return retry("asking after the payment", record.error());
        if (!record.value())
            return {Action::Close,
                    "no payment was started; the booking stays as it was",
                    tx.bookingId,
                    {}};
        paymentId = record.value()->resultId;
    }
    auto payment = client.payment(paymentId);
    if (!payment) return retry("asking after the payment", payment.error());
    if (payment->status == platform::PaymentStatus::Captured)
        return {Action::Close, "paid; the booking is ready to check in", tx.bookingId, paymentId};
    return {
        Action::Close,
        "not paid (" + std::string(toString(payment->status)) + "); the booking stays as it was",
        tx.bookingId, paymentId};
}

// 门诊缴费 left open: completed when every leg it needs went through (the insurance settled if it
// was used, the cash part captured if there is one), so the patient's money buys their bills and
// the guide slip is owed; undone otherwise, and undone too when the HIS refuses the save.
Resolution settleBills(PlatformClient& client, const Transaction& tx) {
    if (tx.step == Step::SlipPrinted && tx.phase == Phase::After)
        return {Action::Close, "paid, saved and the guide slip printed", tx.bookingId,
                tx.paymentId};
    BillLegs legs{tx.bookingId, tx.detail, tx.paymentId};
    const bool lostReply = tx.phase == Phase::Before;
    if (legs.lockId.empty() || (legs.paymentId.empty() && tx.step == Step::PaymentStarted)) {
        if (!lostReply) return {Action::Close, "nothing locked", {}, {}};
        auto record = client.idempotencyRecord(tx.key);
        if (!record) return retry("asking after the bills' last call", record.error());
        if (record.value()) {
            (legs.lockId.empty() ? legs.lockId : legs.paymentId) = record.value()->resultId;
        } else if (legs.lockId.empty()) {
            return {Action::Close, "the platform locked nothing", {}, {}};
        }
    }
    std::optional<platform::Settlement> settlement;
    if (!legs.messageId.empty()) {
        auto settled = client.settlementByMessage(legs.messageId);
        if (settled && settled->status == platform::SettlementStatus::Settled)
            settlement = settled.value();
        else if (!settled && !isDefinitiveRefusal(settled.error()))
            return retry("asking after the insurance", settled.error());
    }
    bool cashPaid = false;
    if (!legs.paymentId.empty()) {
        auto payment = client.billPayment(legs.paymentId);
        if (!payment) return retry("asking after the cash part", payment.error());
        cashPaid = payment->status == platform::BillPaymentStatus::Captured;
    }
    const bool insured = !legs.messageId.empty();
    const bool complete =
        insured ? settlement && (settlement->split.cash_fen == 0 || cashPaid) : cashPaid;
    std::string outcome = "not paid in full";
    if (complete) {
        auto saved =
            client.saveBills(legs.lockId, settlement ? settlement->id : std::string(),
                             cashPaid ? legs.paymentId : std::string(), billsSaveKey(legs.lockId));
        if (saved)
            return {Action::Reprint,
                    "paid and saved (receipt " + saved->receiptNumber + "); the guide slip is owed",
                    legs.lockId, legs.paymentId};
        if (!isDefinitiveRefusal(saved.error())) return retry("saving the bills", saved.error());
        outcome = "the HIS refused the save (" + saved.error().code + ")";
    }
    if (auto failed = undoBills(client, legs)) return retry("undoing the bills' legs", *failed);
    return {Action::Close, outcome + "; every leg undone", legs.lockId, legs.paymentId};
}

}  // namespace

std::string billsSaveKey(const std::string& lockId) {
    return "bills-save-" + lockId;
}

std::optional<Error> undoBills(PlatformClient& client, const BillLegs& legs) {
    if (!legs.paymentId.empty()) {
        auto reversed = client.reverseBillPayment(legs.paymentId);
        // Saved meanwhile (a save whose reply was lost): the bills are paid, so nothing of them
        // is undone; the reconciler completes it under the save's own key.
        if (!reversed &&
            (reversed.error().code == "bills_saved" || !isDefinitiveRefusal(reversed.error())))
            return reversed.error();
    }
    if (!legs.messageId.empty()) {
        auto settled = client.settlementByMessage(legs.messageId);
        if (settled && settled->status == platform::SettlementStatus::Settled) {
            auto cancelled = client.cancelSettlement(settled->id);
            if (!cancelled && !isDefinitiveRefusal(cancelled.error())) return cancelled.error();
        } else if (!settled) {
            if (!isDefinitiveRefusal(settled.error())) return settled.error();
            // Never seen: barred, so a settlement still on its way cannot land later.
            auto barred = client.reverseInsurance(legs.messageId);
            if (!barred && !isDefinitiveRefusal(barred.error())) return barred.error();
        }
    }
    if (!legs.lockId.empty()) {
        auto released = client.releaseBillLock(legs.lockId);
        if (!released && !isDefinitiveRefusal(released.error())) return released.error();
    }
    return std::nullopt;
}

std::string releaseKey(const std::string& bookingId) {
    return "release-" + bookingId;
}

std::string checkInKey(const std::string& bookingId) {
    return "checkin-" + bookingId;
}

bool isDefinitiveRefusal(const Error& error) {
    // A call refused before it was sent (a malformed id) was never made.
    if (error.code == "platform.bad_id" || error.code == "platform.bad_path") return true;
    // Our own transport codes are "platform.*"; the platform's refusals carry the contract's
    // codes, and a 5xx ("unavailable" or any other) leaves the outcome open.
    return error.code.rfind("platform.", 0) != 0 && error.kind != ErrorKind::Unavailable &&
           error.code != "unavailable";
}

Resolution reconcile(PlatformClient& client, const Transaction& transaction) {
    switch (transaction.kind) {
        case Kind::Booking:
            return settleBooking(client, transaction);
        case Kind::CheckIn:
            return settleCheckIn(client, transaction);
        case Kind::Refund:
            return settleRefund(client, transaction);
        case Kind::HeldPayment:
            return settleHeldPayment(client, transaction);
        case Kind::Move:
            return settleMove(client, transaction);
        case Kind::Registration:
            return settleRegistration(client, transaction);
        case Kind::Bills:
            return settleBills(client, transaction);
    }
    return {};
}

}  // namespace lobby::journal
