// Stop-service notices at identification: the patient's stopped bookings (today's and later,
// paid or held) are put before them on the menu; a failed lookup shows nothing and sends nobody
// to an error screen; a voucher's session is not asked.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "journeys/stop_notice_flow.h"

using namespace lobby;
using namespace lobby::testing;
using platform::Booking;
using platform::BookingStatus;

namespace {

struct NoticeRig : FlowRig {
    NoticeRig() {
        flow = std::make_unique<journeys::StopNoticeFlow>(session, platform.get(), slips,
                                                          journal.get());
    }
    ~NoticeRig() { flow.reset(); }
    static Booking booking(const char* id, BookingStatus status, bool stopped) {
        Booking b;
        b.id = id;
        b.status = status;
        b.stopService = stopped;
        b.visit = {"2026-12-04", "morning",  "08:00", "08:30",
                   "李医生",     "主任医师", "内科",  "Medicine"};
        return b;
    }
    std::unique_ptr<journeys::StopNoticeFlow> flow;
};

}  // namespace

TEST(StopNotices, TheStoppedBookingsAreOnTheMenuAtOnce) {
    NoticeRig rig;
    rig.script->answer<std::vector<Booking>>(
        "bookings", std::vector<Booking>{NoticeRig::booking("B1", BookingStatus::Paid, false)});
    rig.script->answer<std::vector<Booking>>(
        "bookings", std::vector<Booking>{NoticeRig::booking("B2", BookingStatus::Paid, true),
                                         NoticeRig::booking("B3", BookingStatus::Refunded, true),
                                         NoticeRig::booking("B4", BookingStatus::Held, true)});
    rig.identify();
    ASSERT_TRUE(waitFor([&] { return rig.flow->stopped().size() == 2; }));
    EXPECT_EQ(rig.flow->stopped()[0].toMap().value("id"), "B2");
    EXPECT_TRUE(rig.flow->stopped()[0].toMap().value("paid").toBool());
    EXPECT_FALSE(rig.flow->stopped()[1].toMap().value("paid").toBool()) << "held: cancel only";
    EXPECT_EQ(rig.session.stateName(), "menu");
    rig.session.finish();
    EXPECT_TRUE(rig.flow->stopped().isEmpty()) << "the notices go with the patient";
}

TEST(StopNotices, AFailedLookupShowsNothingAndSendsNobodyToAnError) {
    NoticeRig rig;
    rig.script->loseReply("bookings");
    rig.identify();
    ASSERT_TRUE(
        waitFor([&] { return rig.script->count("bookings") == 1 && !rig.flow->busy(); }, 15000));
    EXPECT_TRUE(rig.flow->stopped().isEmpty());
    EXPECT_EQ(rig.session.stateName(), "menu");
}

TEST(StopNotices, AVouchersSessionIsNotAsked) {
    NoticeRig rig;
    rig.session.identityPresented();
    rig.session.identifiedForBooking(QStringLiteral("张*丰"), QStringLiteral("P1"),
                                     QStringLiteral("B9"));
    rig.session.back();  // pick-up → menu
    settleFor(100);
    EXPECT_EQ(rig.script->count("bookings"), 0);
}
