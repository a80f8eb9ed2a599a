// Recovery against a scripted platform: after a lost booking reply and the patient gone, the
// reconciler asks what became of the kiosk's own key and gives a held slot back; a platform that
// still does not answer leaves the transaction open for the next pass.
#include <gtest/gtest.h>

#include <QSignalSpy>

#include "flow_rig.h"
#include "journeys/booking_flow.h"
#include "journeys/transaction_recovery.h"

using namespace lobby;
using namespace lobby::testing;

namespace {

struct RecoveryRig : FlowRig {
    RecoveryRig() {
        flow = std::make_unique<journeys::BookingFlow>(session, platform.get(), slips,
                                                       journal.get(), journeys::BookingPolicy{});
        recovery = std::make_unique<journeys::TransactionRecovery>(
            session, *platform, *journal, slips, std::chrono::seconds(3600));
    }
    ~RecoveryRig() {
        recovery.reset();
        flow.reset();
    }

    // A booking whose reply was lost, then the patient left: one open transaction.
    void loseABooking() {
        walkToConfirm(*flow);
        if (::testing::Test::HasFatalFailure()) return;
        script->loseReply("createBooking");
        flow->pay(QStringLiteral("wechat"));
        ASSERT_TRUE(waitFor([&] { return session.stateName() == QLatin1String("error"); }));
        session.finish();
        ASSERT_TRUE(waitFor([&] { return session.stateName() == QLatin1String("idle"); }, 3000));
        ASSERT_EQ(unsettled(), 1u);
    }

    std::unique_ptr<journeys::BookingFlow> flow;
    std::unique_ptr<journeys::TransactionRecovery> recovery;
};

}  // namespace

TEST(TransactionRecovery, ABookingTheKioskNeverSawIsFoundByItsKeyAndItsSlotGivenBack) {
    RecoveryRig rig;
    rig.loseABooking();
    const std::string key = rig.script->keyOf("createBooking");
    rig.script->answer<std::optional<platform::IdempotencyRecord>>(
        "idempotencyRecord", std::optional<platform::IdempotencyRecord>(
                                 platform::IdempotencyRecord{"create_booking", "B7"}));
    platform::Booking released;
    released.id = "B7";
    released.status = platform::BookingStatus::Cancelled;
    rig.script->answer<platform::Booking>("cancelBooking", released);
    QSignalSpy passes(rig.recovery.get(), &journeys::TransactionRecovery::passFinished);
    rig.recovery->reconcileNow();
    ASSERT_TRUE(waitFor([&] { return passes.count() == 1; }));
    EXPECT_EQ(passes.at(0).at(0).toInt(), 1) << "closed";
    EXPECT_EQ(passes.at(0).at(2).toInt(), 0) << "left open";
    EXPECT_EQ(rig.script->keyOf("idempotencyRecord"), key);
    EXPECT_EQ(rig.script->calls().back().rfind("cancelBooking(B7,", 0), 0u);
    EXPECT_EQ(rig.unsettled(), 0u);
}

TEST(TransactionRecovery, APlatformThatStillDoesNotAnswerLeavesItOpen) {
    RecoveryRig rig;
    rig.loseABooking();
    rig.script->loseReply("idempotencyRecord");
    QSignalSpy passes(rig.recovery.get(), &journeys::TransactionRecovery::passFinished);
    rig.recovery->reconcileNow();
    ASSERT_TRUE(waitFor([&] { return passes.count() == 1; }));
    EXPECT_EQ(passes.at(0).at(2).toInt(), 1) << "left open";
    EXPECT_EQ(rig.script->count("cancelBooking"), 0);
    EXPECT_EQ(rig.unsettled(), 1u);
}
