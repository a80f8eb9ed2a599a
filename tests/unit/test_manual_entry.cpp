// Manual entry (no card): the numbers' form is checked on the kiosk, so a mistyped number is
// explained at once and never sent; leaving drops everything typed.
#include <gtest/gtest.h>

#include "core/function_catalog.h"
#include "core/session_controller.h"
#include "journeys/identity_resolver.h"
#include "services/platform_service.h"

using namespace lobby;
using namespace std::chrono_literals;

namespace {

struct Rig {
    Rig() {
        platform::ClientConfig config;
        config.baseUrl = "https://127.0.0.1:1";  // never reached: nothing here is well-formed
        platform = std::make_unique<services::PlatformService>(config, 60s);
        identity = std::make_unique<journeys::IdentityResolver>(session, platform.get());
        session.start();
    }
    core::FunctionCatalog catalog;
    core::SessionController session{core::SessionTiming{60'000, 10'000, 300}, &catalog};
    std::unique_ptr<services::PlatformService> platform;
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
    // A lower-case x is the same X.
    rig.identity->submitManual("11010519491231002x", "13800138000");
    EXPECT_TRUE(rig.identity->manualError().isEmpty());
    EXPECT_TRUE(rig.session.readingCard()) << "well-formed numbers go to the platform";
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
