// 改约 against a scripted platform: a stopped, paid booking on the pick-up list moves to a slice
// the platform offers, under one key per chosen slice, journalled before and after; a refusal
// ends in the platform's words with nothing open; a lost reply stays open for the reconciler,
// which finishes the move under the same key; nothing anywhere starts a payment.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "journal/reconcile.h"
#include "journeys/move_flow.h"
#include "journeys/pickup_flow.h"

using namespace lobby;
using namespace lobby::testing;
using platform::Booking;
using platform::BookingStatus;

namespace {

struct MoveRig : FlowRig {
    MoveRig() {
        pickup = std::make_unique<journeys::PickUpFlow>(session, platform.get(), slips,
                                                        journal.get(), journeys::BookingPolicy{});
        flow = std::make_unique<journeys::MoveFlow>(session, platform.get(), slips, journal.get());
    }
    ~MoveRig() {
        flow.reset();
        pickup.reset();
    }

    static std::string day(int ahead) {
        return QDate::currentDate().addDays(ahead).toString(Qt::ISODate).toStdString();
    }
    static Booking stopped() {
        Booking booking;
        booking.id = "B7";
        booking.status = BookingStatus::Paid;
        booking.stopService = true;
        booking.feeFen = 3000;
        booking.sliceId = "OLD";
        booking.visit = {day(0),   "morning",    "08:00", "08:30",
                         "李医生", "副主任医师", "内科",  "Medicine"};
        return booking;
    }
    // The pick-up list shows the stopped booking; the patient taps 改约.
    void openMove() {
        script->answer<std::vector<Booking>>("bookings", std::vector<Booking>{stopped()});
        identify();
        session.chooseFunction(QStringLiteral("pickup"));
        ASSERT_TRUE(waitFor([&] { return pickup->loaded() && !pickup->busy(); }));
        ASSERT_EQ(pickup->bookings().front().toMap().value("action"), QStringLiteral("stopped"));
        script->answer<Booking>("booking", stopped());
        script->answer<std::vector<platform::DoctorSchedule>>(
            "alternatives", std::vector<platform::DoctorSchedule>{
                                {{"D101", "李医生", "副主任医师", "", 3000, ""},
                                 {{"S2", day(1), "morning", {{"NEW1", "08:00", "08:30", 2}}},
                                  {"S3", day(2), "afternoon", {{"NEW2", "13:30", "14:00", 1}}}}}});
        flow->begin(QStringLiteral("B7"));
        ASSERT_EQ(session.stateName(), QStringLiteral("move"));
        ASSERT_TRUE(waitFor([&] { return flow->step() == QLatin1String("slots"); }));
    }
    static Booking moved() {
        Booking booking = stopped();
        booking.stopService = false;
        booking.sliceId = "NEW2";
        booking.visit.date = day(2);
        booking.visit.period = "afternoon";
        return booking;
    }

    std::unique_ptr<journeys::PickUpFlow> pickup;
    std::unique_ptr<journeys::MoveFlow> flow;
};

}  // namespace

TEST(MoveFlow, AStoppedBookingMovesOnceWithItsPaymentAndTheVoucherIsOwed) {
    MoveRig rig;
    rig.openMove();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    // Days as tabs, the first chosen; the chosen day's times only.
    const QVariantList days = rig.flow->days();
    ASSERT_EQ(days.size(), 2);
    EXPECT_EQ(days.front().toMap().value("label"), QStringLiteral("Tomorrow"));
    EXPECT_EQ(rig.flow->day().toStdString(), MoveRig::day(1));
    rig.flow->chooseDay(QString::fromStdString(MoveRig::day(2)));
    const QVariantList offers = rig.flow->offers();
    ASSERT_EQ(offers.size(), 1);
    const QVariantList periods = offers.front().toMap().value("periods").toList();
    ASSERT_EQ(periods.size(), 1);
    EXPECT_EQ(periods.front().toMap().value("label"), QStringLiteral("afternoon"));

    rig.flow->chooseSlice(QStringLiteral("NOPE"));
    EXPECT_EQ(rig.flow->step(), QStringLiteral("slots")) << "a slice not offered is not chosen";
    rig.flow->chooseSlice(QStringLiteral("NEW2"));
    ASSERT_EQ(rig.flow->step(), QStringLiteral("confirm"));
    EXPECT_EQ(rig.flow->summary().value("fee"), QStringLiteral("¥30.00"));

    rig.script->answer<Booking>("moveBooking", MoveRig::moved());
    rig.flow->confirm();
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("done"); }));
    ASSERT_EQ(rig.script->count("moveBooking"), 1);
    EXPECT_EQ(rig.script->calls().back().find("moveBooking(B7,NEW2,"), 0u)
        << rig.script->calls().back();
    EXPECT_EQ(rig.script->count("startPayment"), 0) << "nothing is paid again";
    EXPECT_EQ(rig.script->count("cancelBooking"), 0) << "nothing is refunded";
    // No printer here: the move is settled with the platform, the new voucher owed.
    auto owed = rig.journal->reprintsFor(rig.journal->patientRef("P1"));
    ASSERT_TRUE(owed.ok());
    ASSERT_EQ(owed->size(), 1u);
    EXPECT_EQ(owed->front().kind, journal::Kind::Move);
    EXPECT_EQ(owed->front().detail, "NEW2");
    EXPECT_EQ(owed->front().key, rig.script->keyOf("moveBooking"));
    EXPECT_TRUE(rig.script->unscripted().empty());
}

TEST(MoveFlow, ARefusedMoveEndsInThePlatformsWordsWithNothingOpen) {
    MoveRig rig;
    rig.openMove();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.flow->chooseSlice(QStringLiteral("NEW1"));
    rig.script->refuse("moveBooking", "no_slots_left", "该时段已约满",
                       "This time slot is fully booked");
    rig.flow->confirm();
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    EXPECT_TRUE(rig.session.errorMessage().contains("fully booked") ||
                rig.session.errorMessage().contains("已约满"));
    EXPECT_EQ(rig.unsettled(), 0u);
}

TEST(MoveFlow, ALostReplyIsFinishedByTheReconcilerUnderTheSameKey) {
    MoveRig rig;
    rig.openMove();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.flow->chooseSlice(QStringLiteral("NEW1"));
    rig.script->loseReply("moveBooking");
    rig.flow->confirm();
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    ASSERT_EQ(rig.unsettled(), 1u);
    const journal::Transaction open = rig.journal->unfinished().value().front();
    EXPECT_EQ(open.kind, journal::Kind::Move);
    EXPECT_EQ(open.step, journal::Step::BookingMoved);
    EXPECT_EQ(open.phase, journal::Phase::Before);

    ScriptedPlatform platform;
    platform.answer<Booking>("moveBooking", MoveRig::moved());
    const journal::Resolution settled = journal::reconcile(platform, open);
    EXPECT_EQ(settled.action, journal::Resolution::Action::Reprint) << settled.outcome;
    EXPECT_EQ(platform.calls().front(), "moveBooking(B7,NEW1," + open.key + ")");

    ScriptedPlatform full;
    full.refuse("moveBooking", "no_slots_left", "该时段已约满", "This time slot is fully booked");
    const journal::Resolution refused = journal::reconcile(full, open);
    EXPECT_EQ(refused.action, journal::Resolution::Action::Close)
        << "refused: the booking stays where it was, paid and refundable";
}

TEST(MoveFlow, NowhereToGoSaysSoAndOffersTheRefund) {
    MoveRig rig;
    rig.script->answer<std::vector<Booking>>("bookings", std::vector<Booking>{MoveRig::stopped()});
    rig.identify();
    rig.session.chooseFunction(QStringLiteral("pickup"));
    ASSERT_TRUE(waitFor([&] { return rig.pickup->loaded() && !rig.pickup->busy(); }));
    rig.script->answer<Booking>("booking", MoveRig::stopped());
    rig.script->answer<std::vector<platform::DoctorSchedule>>(
        "alternatives", std::vector<platform::DoctorSchedule>{});
    rig.flow->begin(QStringLiteral("B7"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }));
    EXPECT_TRUE(rig.session.errorMessage().contains("full refund"))
        << rig.session.errorMessage().toStdString();
}
