// Manual entry (no card): the numbers' form is checked on the kiosk, so a mistyped number is
// explained at once and never sent; leaving drops everything typed.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "journeys/identity_resolver.h"

using namespace lobby;
using namespace lobby::testing;

namespace {

struct Rig : FlowRig {
    Rig() {
        identity = std::make_unique<journeys::IdentityResolver>(session, platform.get(),
                                                                registration, nullptr);
        session.start();
    }
    ~Rig() { identity.reset(); }
    journeys::PatientRegistration registration{session, platform.get()};
    std::unique_ptr<journeys::IdentityResolver> identity;
};

}  // namespace

TEST(ManualEntry, OpensOnlyWhileIdentifyingAndShowsItsOwnScreen) {
    Rig rig;
    rig.identity->beginManualEntry();
    EXPECT_TRUE(rig.identity->typing());
    EXPECT_EQ(rig.session.screenName(), "identify-manual");
    rig.identity->cancelManualEntry();
    EXPECT_FALSE(rig.identity->typing());
    EXPECT_EQ(rig.session.screenName(), "identify");
    rig.session.back();  // to the attract screen
    rig.identity->beginManualEntry();
    EXPECT_FALSE(rig.identity->typing()) << "no typing without a patient at the kiosk";
}

TEST(ManualEntry, MalformedNumbersAreExplainedAndNeverSent) {
    Rig rig;
    rig.identity->beginManualEntry();
    const struct {
        const char* idNumber;
        const char* phone;
    } malformed[] = {
        {"11010519491231002", "13800138000"},   // 17 characters
        {"110105194912310021", "13800138000"},  // wrong check digit
        {"11010519491231002Y", "13800138000"},  // not a digit or X
        {"11010519491231002X", "1380013800"},   // 10 digits
        {"11010519491231002X", "23800138000"},  // not a mobile number
        {"11010519491231002X", "1380013800a"},
    };
    for (const auto& entry : malformed) {
        rig.identity->submitManual(entry.idNumber, entry.phone);
        EXPECT_FALSE(rig.identity->manualError().isEmpty()) << entry.idNumber << " " << entry.phone;
        EXPECT_FALSE(rig.session.readingCard()) << "nothing sent for " << entry.idNumber;
        EXPECT_TRUE(rig.identity->typing());
    }
    settleFor(100);
    EXPECT_TRUE(rig.script->calls().empty()) << "the platform was asked about a malformed entry";
    // A lower-case x is the same X.
    rig.script->answer<platform::Patient>("identifyManually",
                                          platform::Patient{"P1", "张*丰", "T", ""});
    rig.identity->submitManual("11010519491231002x", "13800138000");
    EXPECT_TRUE(rig.identity->manualError().isEmpty());
    EXPECT_TRUE(rig.session.readingCard()) << "well-formed numbers go to the platform";
    ASSERT_TRUE(waitFor([&] { return rig.script->count("identifyManually") == 1; }));
    EXPECT_EQ(rig.script->calls().front(), "identifyManually(11010519491231002X,13800138000)");
}

TEST(ManualEntry, LeavingDropsTheEntryAndItsError) {
    Rig rig;
    rig.identity->beginManualEntry();
    rig.identity->submitManual("1", "2");
    ASSERT_FALSE(rig.identity->manualError().isEmpty());
    rig.session.back();
    EXPECT_FALSE(rig.identity->typing());
    EXPECT_TRUE(rig.identity->manualError().isEmpty());
}
