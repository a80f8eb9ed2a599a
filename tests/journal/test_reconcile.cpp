// Reconciliation against the sandbox over real TLS: for each way a transaction can be left open
// (reply lost, kiosk killed), what the kiosk asks, what it does, and the ledger afterwards.
#include <gtest/gtest.h>

#include "tests/journal/reconcile_rig.h"

using namespace lobby;
using namespace lobby::journal;
using namespace std::chrono_literals;
using Action = Resolution::Action;

using journal::testing::ReconcileRig;

TEST_F(ReconcileRig, ABookingThePlatformNeverSawIsClosedWithNothingToUndo) {
    auto resolution = reconcile(*client_, bookingTx(Step::BookingCreated, Phase::Before, "k-none"));
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(resolution.outcome, "the platform booked nothing");
    auto audit = store_->audit(sim::Clock::now());
    EXPECT_EQ(audit->bookings.count("held"), 0u);
}

TEST_F(ReconcileRig, ABookingWhoseReplyWasLostHasItsHoldReleased) {
    auto booking = client_->createBooking(patientId_, slice(), "k-book");
    ASSERT_TRUE(booking.ok()) << booking.error().message;
    auto resolution = reconcile(*client_, bookingTx(Step::BookingCreated, Phase::Before, "k-book"));
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(resolution.bookingId, booking->id);
    EXPECT_EQ(bookingStatus(booking->id), "cancelled");
    // Settling it again changes nothing.
    EXPECT_EQ(reconcile(*client_, bookingTx(Step::BookingCreated, Phase::Before, "k-book")).action,
              Action::Close);
    EXPECT_EQ(bookingStatus(booking->id), "cancelled");
    expectCleanLedger();
}

TEST_F(ReconcileRig, APaymentCapturedAfterTheKioskDiedKeepsTheBookingAndOwesTheVoucher) {
    auto booking = client_->createBooking(patientId_, slice(), "k-book");
    ASSERT_TRUE(booking.ok());
    auto payment = client_->startPayment(booking->id, "wechat", "k-pay");
    ASSERT_TRUE(payment.ok());
    ASSERT_TRUE(store_->capturePayment(payment->id).ok());  // the patient paid on their phone
    auto resolution =
        reconcile(*client_, bookingTx(Step::PaymentStarted, Phase::Before, "k-pay", booking->id));
    EXPECT_EQ(resolution.action, Action::Reprint) << resolution.outcome;
    EXPECT_EQ(resolution.paymentId, payment->id);
    EXPECT_EQ(bookingStatus(booking->id), "paid");
    expectCleanLedger();
}

TEST_F(ReconcileRig, AnUnpaidPaymentReleasesTheSlotAndALatePaymentIsRefunded) {
    auto booking = client_->createBooking(patientId_, slice(), "k-book");
    auto payment = client_->startPayment(booking->id, "alipay", "k-pay");
    ASSERT_TRUE(payment.ok());
    auto resolution = reconcile(
        *client_, bookingTx(Step::PaymentStarted, Phase::After, "k-pay", booking->id, payment->id));
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(bookingStatus(booking->id), "cancelled");
    auto late = store_->capturePayment(payment->id);
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(late->status, "refunded");
    expectCleanLedger();
}

TEST_F(ReconcileRig, APaymentNeverStartedReleasesTheHold) {
    auto booking = client_->createBooking(patientId_, slice(), "k-book");
    auto resolution = reconcile(
        *client_, bookingTx(Step::PaymentStarted, Phase::Before, "k-pay-unsent", booking->id));
    EXPECT_EQ(resolution.action, Action::Close);
    EXPECT_EQ(resolution.outcome, "no payment was started; hold released");
    EXPECT_EQ(bookingStatus(booking->id), "cancelled");
}

TEST_F(ReconcileRig, ARefundWhoseReplyWasLostIsFinishedOnceAndTheReceiptOwed) {
    auto booking = client_->createBooking(patientId_, slice(), "k-book");
    auto payment = client_->startPayment(booking->id, "insurance", "k-pay");
    ASSERT_TRUE(payment.ok());
    ASSERT_EQ(payment->status, platform::PaymentStatus::Captured);
    const Transaction tx = openTx(Kind::Refund, Step::RefundRequested, Phase::Before,
                                  "cancel-" + booking->id, booking->id);
    auto resolution = reconcile(*client_, tx);
    EXPECT_EQ(resolution.action, Action::Reprint) << resolution.outcome;
    EXPECT_EQ(bookingStatus(booking->id), "refunded");
    EXPECT_EQ(reconcile(*client_, tx).action, Action::Reprint);  // the same key: no second refund
    auto audit = store_->audit(sim::Clock::now());
    EXPECT_EQ(audit->payments["refunded"], 1);
    expectCleanLedger();
}

TEST_F(ReconcileRig, AnUnreachablePlatformLeavesItOpenForLater) {
    platform::HttpsPlatformClient nowhere(config(1));  // nothing listens on port 1
    auto resolution = reconcile(nowhere, bookingTx(Step::BookingCreated, Phase::Before, "k"));
    EXPECT_EQ(resolution.action, Action::Retry);
    EXPECT_NE(resolution.outcome.find("asking after the booking"), std::string::npos);
}

TEST_F(ReconcileRig, ACheckInThePlatformNeverSawLeavesTheBookingAsItWas) {
    Transaction tx = openTx(Kind::CheckIn, Step::CheckedIn, Phase::Before, "checkin-B404", "B404");
    EXPECT_EQ(reconcile(*client_, tx).action, Action::Close);
    tx.phase = Phase::After;  // checked in, slip not printed
    EXPECT_EQ(reconcile(*client_, tx).action, Action::Reprint);
}

// A booking made elsewhere and paid at the kiosk at pick-up: whatever happened, the booking is
// the patient's and is never released by the kiosk.
TEST_F(ReconcileRig, AHeldBookingPaidAtPickUpStaysPaidWhenTheKioskDiedBeforeTheReply) {
    auto booking = client_->createBooking(patientId_, slice(), "k-phone-booking");
    ASSERT_TRUE(booking.ok());
    auto payment = client_->startPayment(booking->id, "wechat", "pay-k1");
    ASSERT_TRUE(payment.ok());
    ASSERT_TRUE(store_->capturePayment(payment->id).ok());
    Transaction tx = bookingTx(Step::PaymentStarted, Phase::Before, "pay-k1", booking->id);
    tx.kind = Kind::HeldPayment;
    auto resolution = reconcile(*client_, tx);
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(resolution.outcome, "paid; the booking is ready to check in");
    EXPECT_EQ(resolution.paymentId, payment->id);
    EXPECT_EQ(bookingStatus(booking->id), "paid");
    expectCleanLedger();
}

TEST_F(ReconcileRig, AHeldBookingStaysHeldWhenItsPaymentAtPickUpNeverStartedOrIsPending) {
    auto booking = client_->createBooking(patientId_, slice(), "k-phone-booking");
    ASSERT_TRUE(booking.ok());
    Transaction never = bookingTx(Step::PaymentStarted, Phase::Before, "pay-unsent", booking->id);
    never.kind = Kind::HeldPayment;
    auto resolution = reconcile(*client_, never);
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(bookingStatus(booking->id), "held");

    auto payment = client_->startPayment(booking->id, "alipay", "pay-k2");
    ASSERT_TRUE(payment.ok());
    Transaction pending =
        bookingTx(Step::PaymentStarted, Phase::After, "pay-k2", booking->id, payment->id);
    pending.kind = Kind::HeldPayment;
    resolution = reconcile(*client_, pending);
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(resolution.outcome, "not paid (pending); the booking stays as it was");
    EXPECT_EQ(bookingStatus(booking->id), "held");
    // The patient pays on their phone afterwards: it lands on their booking.
    ASSERT_TRUE(store_->capturePayment(payment->id).ok());
    EXPECT_EQ(bookingStatus(booking->id), "paid");
    expectCleanLedger();
}

TEST(RefusalKinds, OnlyThePlatformsOwnRefusalsAreDefinitive) {
    EXPECT_TRUE(isDefinitiveRefusal(makeError(ErrorKind::InvalidArgument, "no_slots_left", "")));
    EXPECT_FALSE(isDefinitiveRefusal(makeError(ErrorKind::Io, "platform.connection_lost", "")));
    EXPECT_FALSE(isDefinitiveRefusal(makeError(ErrorKind::Timeout, "platform.timeout", "")));
    EXPECT_FALSE(isDefinitiveRefusal(makeError(ErrorKind::Unavailable, "unavailable", "")));
    EXPECT_FALSE(isDefinitiveRefusal(makeError(ErrorKind::Unavailable, "internal", "")));
    EXPECT_TRUE(isDefinitiveRefusal(makeError(ErrorKind::InvalidArgument, "platform.bad_id", "")));
}
