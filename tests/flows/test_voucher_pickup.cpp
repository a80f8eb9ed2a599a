// 取号 by a booking's voucher or code: the code's form is checked on the kiosk (eight digits),
// the platform says whose booking it is; the session then goes straight to that booking's
// pick-up, checks it in without a tap, and offers nothing but the pick-up.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "journeys/identity_resolver.h"
#include "journeys/pickup_flow.h"

using namespace lobby;
using namespace lobby::testing;
using platform::Booking;
using platform::BookingStatus;

namespace {

struct VoucherRig : FlowRig {
    VoucherRig() {
        identity = std::make_unique<journeys::IdentityResolver>(session, platform.get(),
                                                                registration, nullptr);
        pickup = std::make_unique<journeys::PickUpFlow>(session, platform.get(), slips,
                                                        journal.get(), journeys::BookingPolicy{});
        catalog.setHealth({true, core::PrinterReadiness::Ready});
        session.start();
    }
    ~VoucherRig() {
        pickup.reset();
        identity.reset();
    }
    static Booking paid() {
        Booking booking;
        booking.id = "B9";
        booking.status = BookingStatus::Paid;
        booking.feeFen = 5000;
        booking.visit = {"2026-12-02", "morning",  "08:00", "08:30",
                         "王医生",     "主任医师", "内科",  "Medicine"};
        booking.bookingCode = "12345678";
        return booking;
    }
    journeys::PatientRegistration registration{session, platform.get()};
    std::unique_ptr<journeys::IdentityResolver> identity;
    std::unique_ptr<journeys::PickUpFlow> pickup;
};

}  // namespace

TEST(VoucherPickUp, ATypedCodeOfTheWrongFormIsExplainedAndNeverSent) {
    VoucherRig rig;
    rig.identity->beginCodeEntry();
    EXPECT_TRUE(rig.identity->typingCode());
    EXPECT_EQ(rig.session.screenName(), "identify-code");
    for (const char* code : {"1234", "123456789", "1234567a", ""}) {
        rig.identity->submitCode(code);
        EXPECT_FALSE(rig.identity->manualError().isEmpty()) << code;
        EXPECT_FALSE(rig.session.readingCard()) << code;
    }
    settleFor(100);
    EXPECT_TRUE(rig.script->calls().empty());
    EXPECT_EQ(rig.identity->shownCode("12345678"), "1234 5678");
    rig.identity->cancelManualEntry();
    EXPECT_FALSE(rig.identity->typingCode());
    EXPECT_EQ(rig.session.screenName(), "identify");
}

TEST(VoucherPickUp, TheCodesBookingIsCheckedInWithoutATapAndNothingElseIsOffered) {
    VoucherRig rig;
    rig.identity->beginCodeEntry();
    rig.script->answer<platform::Patient>("identifyByToken",
                                          platform::Patient{"P1", "张*丰", "T", "B9"});
    rig.script->answer<std::vector<Booking>>("bookings", std::vector<Booking>{VoucherRig::paid()});
    rig.script->answer<platform::CheckIn>(
        "checkIn",
        platform::CheckIn{"B9", "A007", "内科 1诊室", "Medicine, room 1", "08:00-08:30", "", ""});
    rig.identity->submitCode("12345678");
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("done"); }));
    EXPECT_EQ(rig.script->calls().front(), "identifyByToken(booking_code,12345678)");
    EXPECT_EQ(rig.script->calls().back(), "checkIn(B9,checkin-B9)");
    EXPECT_EQ(rig.session.outcome().value("headline"), "A007");
    EXPECT_EQ(rig.session.bookingScope(), "B9");
    const QVariantList functions = rig.session.functions();
    ASSERT_EQ(functions.size(), 1) << "a voucher's session offers the pick-up only";
    EXPECT_EQ(functions.front().toMap().value("id"), "pickup");
    rig.session.back();  // something else: the menu
    rig.session.chooseFunction(QStringLiteral("cancel"));
    EXPECT_EQ(rig.session.stateName(), "menu") << "no refund on a voucher";
    rig.session.finish();
    EXPECT_TRUE(rig.session.bookingScope().isEmpty()) << "the next patient is not scoped";
    EXPECT_GT(rig.session.functions().size(), 1);
}

TEST(VoucherPickUp, AScannedVoucherOfAnUnpaidBookingGoesStraightToPaying) {
    VoucherRig rig;
    Booking held = VoucherRig::paid();
    held.status = BookingStatus::Held;
    rig.script->answer<platform::Patient>("identifyByToken",
                                          platform::Patient{"P1", "张*丰", "T", "B9"});
    rig.script->answer<std::vector<Booking>>("bookings", std::vector<Booking>{held});
    rig.identity->resolveToken(QStringLiteral("booking_code"), QStringLiteral("YYD12345678"));
    ASSERT_TRUE(waitFor([&] { return rig.session.screenName() == QLatin1String("pickup-pay"); }));
    EXPECT_EQ(rig.script->calls().front(), "identifyByToken(booking_code,YYD12345678)");
}
