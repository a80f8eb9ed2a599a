// 当日挂号 against a scripted platform: today's slices only, none the platform says is over;
// hold → pay → check in under the booking's own check-in key → the 挂号单, one journalled
// transaction; a lost check-in reply leaves it open, and the reconciler checks it in (the same
// key, the same queue number) or leaves the paid booking refundable; a hospital without
// same-day registration says so at once.
#include <gtest/gtest.h>

#include <QDate>

#include "flow_rig.h"
#include "journal/reconcile.h"
#include "journeys/booking_flow.h"

using namespace lobby;
using namespace lobby::testing;
using platform::Booking;
using platform::BookingStatus;
using platform::CheckIn;
using platform::Payment;
using platform::PaymentStatus;

namespace {

struct RegistrationRig : FlowRig {
    RegistrationRig() {
        journeys::BookingPolicy policy;
        policy.paymentPollInterval_ms = 200;
        flow = std::make_unique<journeys::BookingFlow>(session, platform.get(), slips,
                                                       journal.get(), policy);
    }
    ~RegistrationRig() { flow.reset(); }

    static Booking held() {
        Booking booking;
        booking.id = "B9";
        booking.status = BookingStatus::Held;
        booking.sliceId = "SL1";
        booking.feeFen = 5000;
        booking.visit = {QDate::currentDate().toString(Qt::ISODate).toStdString(),
                         "morning",
                         "08:00",
                         "08:30",
                         "王医生",
                         "主任医师",
                         "内科",
                         "Medicine"};
        return booking;
    }
    static CheckIn checkIn() {
        return CheckIn{"B9",          "A003",      "内科 1诊室", "Medicine, room 1",
                       "08:00-08:30", "门诊楼2层", "Floor 2"};
    }
    void pay() {
        script->answer<Booking>("createBooking", held());
        script->answer<Payment>("startPayment",
                                Payment{"PAY9", "B9", "wechat", PaymentStatus::Captured, ""});
        flow->pay(QStringLiteral("wechat"));
    }

    std::unique_ptr<journeys::BookingFlow> flow;
};

}  // namespace

TEST(RegistrationFlow, TodaysSlicesOnlyAndNoneThePlatformSaysIsOver) {
    RegistrationRig rig;
    rig.walkToConfirm(*rig.flow, QStringLiteral("register"));
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    const std::string today = QDate::currentDate().toString(Qt::ISODate).toStdString();
    EXPECT_EQ(rig.script->calls()[3], "schedule(D1," + today + "," + today + ")");
    EXPECT_TRUE(rig.flow->sameDay());
    EXPECT_TRUE(rig.flow->hours().contains("11:00") && rig.flow->hours().contains("16:30"))
        << rig.flow->hours().toStdString();
    const QVariantList periods = rig.flow->periods();
    ASSERT_EQ(periods.size(), 1);
    const QVariantList slices = periods.front().toMap().value("slices").toList();
    ASSERT_EQ(slices.size(), 1) << "07:30-08:00 is over and not shown";
    EXPECT_EQ(slices.front().toMap().value("id"), "SL1");
    rig.flow->stepBack();
    rig.flow->chooseSlice(QStringLiteral("SL0"));
    EXPECT_EQ(rig.flow->step(), QStringLiteral("slots")) << "a slice that is over is not chosen";
}

TEST(RegistrationFlow, PaidThenCheckedInAtOnceWithTheBookingsOwnKey) {
    RegistrationRig rig;
    rig.walkToConfirm(*rig.flow, QStringLiteral("register"));
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.script->answer<CheckIn>("checkIn", RegistrationRig::checkIn());
    rig.pay();
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("done"); }));
    EXPECT_EQ(rig.session.outcome().value("headline"), "A003");
    EXPECT_EQ(rig.script->calls().back(), "checkIn(B9,checkin-B9)");
    // No printer here: the 挂号单 is owed (a reprint), nothing is left open.
    EXPECT_EQ(rig.unsettled(), 0u);
    auto owed = rig.journal->reprintsFor(rig.journal->patientRef("P1"));
    ASSERT_TRUE(owed.ok());
    ASSERT_EQ(owed->size(), 1u);
    EXPECT_EQ(owed->front().kind, journal::Kind::Registration);
    EXPECT_TRUE(rig.script->unscripted().empty());
}

TEST(RegistrationFlow, ALostCheckInReplyIsFinishedByTheReconcilerWithTheSameQueueNumber) {
    RegistrationRig rig;
    rig.walkToConfirm(*rig.flow, QStringLiteral("register"));
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.script->loseReply("checkIn");
    rig.pay();
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    EXPECT_TRUE(rig.session.errorMessage().contains("paid"))
        << rig.session.errorMessage().toStdString();
    ASSERT_EQ(rig.unsettled(), 1u) << "paid, not checked in: open for the reconciler";
    const journal::Transaction open = rig.journal->unfinished().value().front();
    EXPECT_EQ(open.kind, journal::Kind::Registration);
    EXPECT_EQ(open.step, journal::Step::CheckedIn);
    EXPECT_EQ(open.phase, journal::Phase::Before);

    ScriptedPlatform platform;
    platform.answer<CheckIn>("checkIn", RegistrationRig::checkIn());
    const journal::Resolution settled = journal::reconcile(platform, open);
    EXPECT_EQ(settled.action, journal::Resolution::Action::Reprint) << settled.outcome;
    EXPECT_EQ(platform.calls(), std::vector<std::string>{"checkIn(B9,checkin-B9)"});

    ScriptedPlatform stopped;
    stopped.refuse("checkIn", "session_stopped", "医生停诊",
                   "The doctor does not hold this session");
    const journal::Resolution refused = journal::reconcile(stopped, open);
    EXPECT_EQ(refused.action, journal::Resolution::Action::Close)
        << "refused: the paid booking stands and is refundable";
}

TEST(RegistrationFlow, APaymentThatLandedBeforeACrashIsCheckedInByTheReconciler) {
    // The journal as a crash right after the capture leaves it: payment confirmed, no check-in.
    journal::Transaction tx;
    tx.kind = journal::Kind::Registration;
    tx.bookingId = "B9";
    tx.paymentId = "PAY9";
    tx.step = journal::Step::PaymentConfirmed;
    tx.phase = journal::Phase::After;
    ScriptedPlatform platform;
    platform.answer<Payment>("payment",
                             Payment{"PAY9", "B9", "wechat", PaymentStatus::Captured, ""});
    platform.answer<CheckIn>("checkIn", RegistrationRig::checkIn());
    const journal::Resolution settled = journal::reconcile(platform, tx);
    EXPECT_EQ(settled.action, journal::Resolution::Action::Reprint) << settled.outcome;
    EXPECT_EQ(platform.calls(),
              (std::vector<std::string>{"payment(PAY9)", "checkIn(B9,checkin-B9)"}));

    // Not paid: the slot goes back and nobody is checked in.
    ScriptedPlatform unpaid;
    unpaid.answer<Payment>("payment", Payment{"PAY9", "B9", "wechat", PaymentStatus::Failed, ""});
    unpaid.answer<Booking>("cancelBooking", RegistrationRig::held());
    const journal::Resolution released = journal::reconcile(unpaid, tx);
    EXPECT_EQ(released.action, journal::Resolution::Action::Close);
    EXPECT_EQ(unpaid.count("checkIn"), 0);
}

TEST(RegistrationFlow, AHospitalWithoutSameDayRegistrationSaysSoAtOnce) {
    RegistrationRig rig;
    rig.script->answer<platform::BookingRules>("bookingRules", platform::BookingRules{});
    rig.script->answer<std::vector<platform::Department>>("departments",
                                                          std::vector<platform::Department>{});
    rig.identify();
    rig.session.chooseFunction(QStringLiteral("register"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    EXPECT_TRUE(rig.session.errorMessage().contains("later day"))
        << rig.session.errorMessage().toStdString();
}
