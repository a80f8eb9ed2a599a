// Pick-up against a scripted platform: a paid booking checks in with the booking's own key (a
// retry is the same check-in); a refused check-in ends in the platform's words; a held booking
// paid at the kiosk checks in once the payment is captured.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "journeys/pickup_flow.h"

using namespace lobby;
using namespace lobby::testing;
using platform::Booking;
using platform::BookingStatus;

namespace {

struct PickUpRig : FlowRig {
    PickUpRig() {
        journeys::BookingPolicy policy;
        policy.paymentPollInterval_ms = 200;
        flow = std::make_unique<journeys::PickUpFlow>(session, platform.get(), slips, journal.get(),
                                                      policy);
    }
    ~PickUpRig() { flow.reset(); }

    static Booking today(BookingStatus status) {
        Booking booking;
        booking.id = "B9";
        booking.status = status;
        booking.feeFen = 5000;
        booking.visit = {"2026-12-01", "morning",  "08:00", "08:30",
                         "王医生",     "主任医师", "内科",  "Medicine"};
        return booking;
    }
    void open(BookingStatus status) {
        script->answer<std::vector<Booking>>("bookings", std::vector<Booking>{today(status)});
        identify();
        session.chooseFunction(QStringLiteral("pickup"));
        ASSERT_TRUE(waitFor([&] { return script->count("bookings") == 1 && !flow->busy(); }));
    }
    // The QR code shown, then paid on the phone: the next poll finds the payment captured.
    void scriptPaidOnThePhone() {
        script->answer<platform::Payment>(
            "startPayment",
            platform::Payment{"PAY9", "B9", "alipay", platform::PaymentStatus::Pending, "QR9"});
        script->answer<platform::Payment>(
            "payment",
            platform::Payment{"PAY9", "B9", "alipay", platform::PaymentStatus::Captured, ""});
    }
    static platform::CheckIn checkedIn() {
        return {"B9", "A012", "3楼 内科2诊室", "Room 2, Medicine, 3F", "08:00-08:30", "", ""};
    }

    std::unique_ptr<journeys::PickUpFlow> flow;
};

}  // namespace

TEST(PickUpFlow, APaidBookingChecksInWithTheBookingsOwnKey) {
    PickUpRig rig;
    rig.open(BookingStatus::Paid);
    rig.script->answer<platform::CheckIn>("checkIn", PickUpRig::checkedIn());
    rig.flow->checkIn(QStringLiteral("B9"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("done"); }));
    EXPECT_EQ(rig.script->keyOf("checkIn"), "checkin-B9");
    EXPECT_EQ(rig.session.outcome().value("headline").toString(), QStringLiteral("A012"));
    EXPECT_EQ(rig.unsettled(), 0u) << "checked in; the slip (no printer here) is owed";
}

TEST(PickUpFlow, ARefusedCheckInEndsInThePlatformsWords) {
    PickUpRig rig;
    rig.open(BookingStatus::Paid);
    rig.script->refuse("checkIn", "too_early", "未到取号时间", "It is too early to check in");
    rig.flow->checkIn(QStringLiteral("B9"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    EXPECT_TRUE(rig.session.errorMessage().contains("too early") ||
                rig.session.errorMessage().contains("未到取号时间"));
    EXPECT_EQ(rig.unsettled(), 0u);
}

TEST(PickUpFlow, AHeldBookingPaidAtTheKioskChecksInOnceCaptured) {
    PickUpRig rig;
    rig.open(BookingStatus::Held);
    rig.scriptPaidOnThePhone();
    rig.script->answer<platform::CheckIn>("checkIn", PickUpRig::checkedIn());
    rig.flow->choosePayment(QStringLiteral("B9"));
    rig.flow->pay(QStringLiteral("alipay"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("done"); }, 5000));
    EXPECT_EQ(rig.script->count("checkIn"), 1);
    EXPECT_EQ(rig.script->keyOf("startPayment").rfind("pay-B9-", 0), 0u);
    EXPECT_EQ(rig.unsettled(), 0u);
    EXPECT_TRUE(rig.script->unscripted().empty());
}

TEST(PickUpFlow, APaymentThatLandsAfterThePatientSteppedBackChecksNothingIn) {
    PickUpRig rig;
    rig.open(BookingStatus::Held);
    rig.script->hold("payment");
    rig.scriptPaidOnThePhone();
    rig.flow->choosePayment(QStringLiteral("B9"));
    rig.flow->pay(QStringLiteral("alipay"));
    ASSERT_TRUE(waitFor([&] { return rig.flow->payStep() == QLatin1String("paying"); }));
    ASSERT_TRUE(waitFor([&] { return rig.script->count("payment") >= 1; }));
    rig.flow->stepBack();  // the patient gives up while the poll's answer is on its way
    EXPECT_EQ(rig.flow->payStep(), QStringLiteral("pay"));
    rig.script->release("payment");
    settleFor(600);
    EXPECT_EQ(rig.script->count("checkIn"), 0) << "a stale answer acted for the patient";
    EXPECT_EQ(rig.session.stateName(), QStringLiteral("pickup"));
}
