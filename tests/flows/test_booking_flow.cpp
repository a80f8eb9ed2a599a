// Book and pay against a scripted platform: a refusal, a lost reply, a payment window that runs
// out, a reply that comes after the patient has gone, and a payment captured at once. Each case
// checks what the patient sees, what the platform was asked (with which keys) and what the
// journal holds for the reconciler.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "journeys/booking_flow.h"

using namespace lobby;
using namespace lobby::testing;
using platform::Booking;
using platform::BookingStatus;
using platform::Payment;
using platform::PaymentStatus;

namespace {

struct BookingRig : FlowRig {
    BookingRig() {
        journeys::BookingPolicy policy;
        policy.paymentWindow_s = 2;
        policy.paymentPollInterval_ms = 200;
        flow = std::make_unique<journeys::BookingFlow>(session, platform.get(), slips,
                                                       journal.get(), policy);
    }
    ~BookingRig() { flow.reset(); }

    void walkToConfirm() { FlowRig::walkToConfirm(*flow); }
    static Booking held() {
        Booking booking;
        booking.id = "B1";
        booking.status = BookingStatus::Held;
        booking.sliceId = "SL1";
        booking.feeFen = 5000;
        return booking;
    }
    static Payment payment(PaymentStatus status) {
        return Payment{"PAY1", "B1", "wechat", status,
                       status == PaymentStatus::Pending ? "QR" : ""};
    }

    std::unique_ptr<journeys::BookingFlow> flow;
};

}  // namespace

TEST(BookingFlow, ARefusedBookingEndsInThePlatformsWordsAndLeavesNothingOpen) {
    BookingRig rig;
    rig.walkToConfirm();
    rig.script->refuse("createBooking", "slice_full", "该时段已约满", "That time is fully booked");
    rig.flow->pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    EXPECT_TRUE(rig.session.errorMessage().contains("fully booked") ||
                rig.session.errorMessage().contains("已约满"))
        << rig.session.errorMessage().toStdString();
    EXPECT_EQ(rig.script->count("startPayment"), 0);
    EXPECT_EQ(rig.unsettled(), 0u) << "a refusal means the platform did nothing";
    EXPECT_TRUE(rig.script->unscripted().empty());
}

TEST(BookingFlow, ALostReplyLeavesTheBookingOpenForTheReconciler) {
    BookingRig rig;
    rig.walkToConfirm();
    rig.script->loseReply("createBooking");
    rig.flow->pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    EXPECT_EQ(rig.script->count("startPayment"), 0) << "no payment for a booking not seen made";
    ASSERT_EQ(rig.unsettled(), 1u);
    const auto open = rig.journal->unfinished().value().front();
    EXPECT_EQ(open.kind, journal::Kind::Booking);
    EXPECT_EQ(open.step, journal::Step::BookingCreated);
    EXPECT_EQ(open.phase, journal::Phase::Before);
    EXPECT_EQ(open.key, rig.script->keyOf("createBooking"))
        << "the reconciler asks the platform about the very key the kiosk used";
}

TEST(BookingFlow, APaymentWindowThatRunsOutReleasesTheHold) {
    BookingRig rig;
    rig.walkToConfirm();
    rig.script->answer<Booking>("createBooking", BookingRig::held());
    rig.script->answer<Payment>("startPayment", BookingRig::payment(PaymentStatus::Pending));
    for (int i = 0; i < 30; ++i)
        rig.script->answer<Payment>("payment", BookingRig::payment(PaymentStatus::Pending));
    Booking released = BookingRig::held();
    released.status = BookingStatus::Cancelled;
    rig.script->answer<Booking>("cancelBooking", released);
    rig.flow->pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.flow->step() == QLatin1String("paying"); }));
    EXPECT_EQ(rig.flow->qrPayload(), QStringLiteral("QR"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }, 5000));
    ASSERT_TRUE(waitFor([&] { return rig.script->count("cancelBooking") == 1; }));
    EXPECT_EQ(rig.script->calls().back().rfind("cancelBooking(B1,", 0), 0u);
    EXPECT_TRUE(waitFor([&] { return rig.unsettled() == 0; }))
        << "the released hold settles the transaction";
    EXPECT_GE(rig.script->count("payment"), 2) << "the kiosk asked while the patient paid";
}

TEST(BookingFlow, AReplyAfterThePatientLeftActsOnNobody) {
    BookingRig rig;
    rig.walkToConfirm();
    rig.script->hold("createBooking");
    rig.script->answer<Booking>("createBooking", BookingRig::held());
    rig.flow->pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.script->count("createBooking") == 1; }));
    rig.session.finish();  // the patient walks away while the booking is on its way
    rig.script->release("createBooking");
    settleFor(500);
    EXPECT_EQ(rig.script->count("startPayment"), 0) << "the next patient must not pay for it";
    EXPECT_NE(rig.session.stateName(), QStringLiteral("done"));
    ASSERT_EQ(rig.unsettled(), 1u) << "the reconciler releases the slot the platform held";
    EXPECT_EQ(rig.journal->unfinished().value().front().key, rig.script->keyOf("createBooking"));
}

TEST(BookingFlow, APaymentCapturedAtOnceBooksWithOneKeyPerAttempt) {
    BookingRig rig;
    rig.walkToConfirm();
    rig.script->answer<Booking>("createBooking", BookingRig::held());
    rig.script->answer<Payment>("startPayment", BookingRig::payment(PaymentStatus::Captured));
    rig.flow->pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("done"); }));
    const std::string bookingKey = rig.script->keyOf("createBooking");
    const std::string paymentKey = rig.script->keyOf("startPayment");
    EXPECT_FALSE(bookingKey.empty());
    EXPECT_FALSE(paymentKey.empty());
    EXPECT_NE(bookingKey, paymentKey);
    // No printer here: the voucher is owed, which the journal keeps as a reprint, not open.
    EXPECT_EQ(rig.unsettled(), 0u);
    EXPECT_TRUE(rig.script->unscripted().empty());
}

TEST(BookingFlow, ADeclinedPaymentGivesTheSlotBack) {
    BookingRig rig;
    rig.walkToConfirm();
    rig.script->answer<Booking>("createBooking", BookingRig::held());
    rig.script->answer<Payment>("startPayment", BookingRig::payment(PaymentStatus::Failed));
    Booking released = BookingRig::held();
    released.status = BookingStatus::Cancelled;
    rig.script->answer<Booking>("cancelBooking", released);
    rig.flow->pay(QStringLiteral("unionpay"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    ASSERT_TRUE(waitFor([&] { return rig.script->count("cancelBooking") == 1; }));
    EXPECT_TRUE(waitFor([&] { return rig.unsettled() == 0; }));
}

TEST(BookingFlow, ALostPaymentReplyGivesTheSlotBackAndUsedAnAttemptKey) {
    BookingRig rig;
    rig.walkToConfirm();
    rig.script->answer<Booking>("createBooking", BookingRig::held());
    rig.script->loseReply("startPayment");
    Booking released = BookingRig::held();
    released.status = BookingStatus::Cancelled;
    rig.script->answer<Booking>("cancelBooking", released);
    rig.flow->pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    const std::string key = rig.script->keyOf("startPayment");
    EXPECT_EQ(key.rfind("pay-B1-", 0), 0u) << key;
    // The hold is released at once (a payment that lands later is refunded by the platform).
    ASSERT_TRUE(waitFor([&] { return rig.script->count("cancelBooking") == 1; }));
}

TEST(BookingFlow, TheGeneralClinicIsADepartmentLevelChoiceApartFromTheNamedDoctors) {
    BookingRig rig;
    rig.script->answer<platform::BookingRules>("bookingRules", platform::BookingRules{});
    rig.script->answer<std::vector<platform::Department>>(
        "departments",
        std::vector<platform::Department>{{"DEP1", "内科", "Medicine", "NK", "内科", "Medicine"}});
    platform::Doctor general{
        "GNK", "普通号", "普通门诊", "", 800, "", platform::ClinicType::General};
    rig.script->answer<std::vector<platform::Doctor>>(
        "doctors",
        std::vector<platform::Doctor>{
            {"D1", "王医生", "主任医师", "", 5000, "", platform::ClinicType::Expert}, general});
    const std::string tomorrow =
        QDate::currentDate().addDays(1).toString(Qt::ISODate).toStdString();
    for (int i = 0; i < 2; ++i) {
        rig.script->answer<std::vector<platform::Session>>(
            "schedule", std::vector<platform::Session>{
                            {"S1", tomorrow, "morning", {{"SL1", "08:00", "08:30", 3, true}}}});
    }
    rig.identify();
    rig.session.chooseFunction(QStringLiteral("book"));
    ASSERT_TRUE(waitFor([&] { return !rig.flow->busy(); }));
    rig.flow->chooseDepartment(QStringLiteral("DEP1"));
    ASSERT_TRUE(waitFor([&] { return rig.flow->step() == QLatin1String("doctors"); }));
    ASSERT_EQ(rig.flow->doctors().size(), 1);
    EXPECT_EQ(rig.flow->doctors().front().toMap().value("id"), "D1");
    ASSERT_EQ(rig.flow->generalClinics().size(), 1);
    EXPECT_EQ(rig.flow->generalClinics().front().toMap().value("fee"), "¥8.00");
    rig.flow->chooseDoctor(QStringLiteral("GNK"));
    EXPECT_EQ(rig.flow->chosen().value("doctor"), "General clinic");
}
