#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "core/session_controller.h"

using namespace lobby::core;

namespace {
// Short but real timings: these tests check behaviour, not speed.
constexpr SessionTiming kShortTiming{1'500, 1'000, 300};
}  // namespace

TEST(SessionController, ScreenFollowsTheState) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    EXPECT_EQ(session.screenName(), "attract");
    EXPECT_TRUE(session.screenUrl().toString().endsWith("attract/AttractScreen.qml"));
    session.start();
    EXPECT_EQ(session.screenName(), "identify");
}

TEST(SessionController, IdentifiedPatientIsForgottenWhenTheSessionEnds) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    session.identityPresented();
    session.identified("张*丰");
    EXPECT_EQ(session.stateName(), "menu");
    EXPECT_EQ(session.patientName(), "张*丰");
    session.cardRemoved();
    EXPECT_EQ(session.stateName(), "farewell");
    EXPECT_TRUE(session.patientName().isEmpty());
}

TEST(SessionController, IdentificationResultsOutsideIdentifyingAreIgnored) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    session.identified("张*丰");  // a late reply after the patient left
    EXPECT_EQ(session.stateName(), "idle");
    EXPECT_TRUE(session.patientName().isEmpty());
}

TEST(SessionController, FailedIdentificationShowsTheMessage) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    session.start();
    session.identificationFailed({"Test", "This ID card has expired."});
    EXPECT_EQ(session.stateName(), "error");
    EXPECT_EQ(session.errorMessage(), "This ID card has expired.");
    session.acknowledge();
    EXPECT_TRUE(session.errorMessage().isEmpty());
}

TEST(SessionController, UnavailableFunctionsCannotBeChosen) {
    FunctionCatalog catalog;
    catalog.setHealth({false, lobby::core::PrinterReadiness::NotReady});
    SessionController session(kShortTiming, &catalog);
    session.start();
    session.identified("张*丰");
    session.chooseFunction("pickup");
    EXPECT_EQ(session.stateName(), "menu");
    catalog.setHealth({true, lobby::core::PrinterReadiness::Ready});
    session.chooseFunction("pickup");
    EXPECT_EQ(session.stateName(), "pickup");
}

TEST(SessionController, UnattendedSessionCountsDownThenSaysFarewellThenReturnsToAttract) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    session.start();
    EXPECT_FALSE(session.countdownActive());
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.countdownActive(); }, 3'000));
    EXPECT_GE(session.countdownRemaining(), 1);
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.stateName() == "farewell"; }, 3'000));
    EXPECT_FALSE(session.countdownActive());
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.stateName() == "idle"; }, 3'000));
}

TEST(SessionController, StayingKeepsTheSession) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    session.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.countdownActive(); }, 3'000));
    session.stay();
    EXPECT_FALSE(session.countdownActive());
    EXPECT_EQ(session.stateName(), "identifying");
}
