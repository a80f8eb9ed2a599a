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
    EXPECT_TRUE(session.screenUrl().isEmpty());  // which file draws it is the app's to say
    QStringList asked;
    session.setScreenFiles([&asked](const QString& screen) {
        asked << screen;
        return QUrl("qrc:/screens/" + screen + ".qml");
    });
    EXPECT_EQ(session.screenUrl(), QUrl("qrc:/screens/attract.qml"));
    session.start();
    EXPECT_EQ(session.screenName(), "identify");
    EXPECT_EQ(session.screenUrl(), QUrl("qrc:/screens/identify.qml"));
    EXPECT_EQ(asked, QStringList({"attract", "identify"}));
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

TEST(SessionController, NoSessionEndsWhileTheKioskWaitsOnThePatientsPhone) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    session.start();
    EXPECT_EQ(session.idleRemaining(), 2);
    int payment = 0;  // whoever holds: a payment waiting for the patient's phone
    session.holdIdle(&payment, true);
    EXPECT_TRUE(session.idleHeld());
    EXPECT_EQ(session.idleRemaining(), 0) << "no pill while the kiosk waits";
    QTest::qWait(kShortTiming.idleTimeout_ms + 500);
    EXPECT_EQ(session.stateName(), "identifying");
    EXPECT_FALSE(session.countdownActive());
    session.holdIdle(&payment, false);
    EXPECT_FALSE(session.idleHeld());
    EXPECT_EQ(session.idleRemaining(), 2) << "the whole timeout again";
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.stateName() == "farewell"; }, 3'000));
}

TEST(SessionController, EveryHolderMustLetGoAndTheSessionsEndReleasesThem) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    session.start();
    int payment = 0;
    int platformCall = 0;
    session.holdIdle(&payment, true);
    session.holdIdle(&platformCall, true);
    session.holdIdle(&payment, false);
    EXPECT_TRUE(session.idleHeld()) << "the platform call still holds";
    session.setReadingCard(true);
    session.holdIdle(&platformCall, false);
    EXPECT_TRUE(session.idleHeld()) << "a card being read holds too";
    session.setReadingCard(false);
    EXPECT_FALSE(session.idleHeld());
    session.holdIdle(&payment, true);
    session.finish();
    EXPECT_FALSE(session.idleHeld()) << "nobody waits for a patient who has gone";
}

TEST(SessionController, LongerTimesDoubleTheTimeoutAndTheWarning) {
    FunctionCatalog catalog;
    SessionController session(SessionTiming{3'000, 1'000, 300}, &catalog);
    session.start();
    session.setLongerTimes(true);
    EXPECT_EQ(session.idleRemaining(), 6);
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.countdownActive(); }, 8'000));
    EXPECT_EQ(session.countdownRemaining(), 2) << "a warning twice as long";
    session.setLongerTimes(false);
    EXPECT_LE(session.idleRemaining(), 1);
}

TEST(SessionController, AJourneysOutcomeIsShownThenForgottenWithThePatient) {
    FunctionCatalog catalog;
    catalog.setPlatformConnected(true);
    catalog.setPrinter(PrinterReadiness::Ready);
    SessionController session(kShortTiming, &catalog);
    QSignalSpy left(&session, &SessionController::patientLeft);
    session.identityPresented();
    session.identified("张*丰", "P0001");
    EXPECT_EQ(session.patientId(), "P0001");
    session.chooseFunction("pickup");
    ASSERT_EQ(session.stateName(), "pickup");
    JourneyOutcome outcome;
    outcome.title = {"Test", "You are checked in"};
    outcome.headline = "A001";
    outcome.rows = {{{"Test", "Clinic room"}, TranslatableText::bilingual("内科 1诊室", "Room 1")}};
    session.journeySucceeded(outcome);
    EXPECT_EQ(session.stateName(), "done");
    const QVariantMap shown = session.outcome();
    EXPECT_EQ(shown.value("headline").toString(), "A001");
    EXPECT_EQ(shown.value("title").toString(), "You are checked in");
    const auto rows = shown.value("rows").toList();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.front().toMap().value("value").toString(), "Room 1") << "no translator: English";

    session.acknowledge();
    EXPECT_EQ(left.count(), 1);
    EXPECT_TRUE(session.patientId().isEmpty());
    EXPECT_TRUE(session.outcome().value("headline").toString().isEmpty());
}

TEST(SessionController, AJourneyStepNamesTheScreenUntilTheStateMoves) {
    FunctionCatalog catalog;
    catalog.setPlatformConnected(true);
    catalog.setPrinter(PrinterReadiness::Ready);
    SessionController session(kShortTiming, &catalog);
    QSignalSpy screens(&session, &SessionController::screenChanged);
    session.identityPresented();
    session.identified("张*丰", "P0001");
    session.chooseFunction("book");
    session.setScreenStep("doctors");
    EXPECT_EQ(session.screenName(), "book-doctors");
    session.journeyFailed({"Test", "No slots left."});
    EXPECT_EQ(session.screenName(), "error");
    EXPECT_EQ(session.errorMessage(), "No slots left.");
    EXPECT_GE(screens.count(), 4);
}

TEST(SessionController, TheNextPatientsCardDuringTheFarewellStartsTheirSessionAtOnce) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    QSignalSpy fresh(&session, &SessionController::readyForNextPatient);
    session.identityPresented();  // from the attract screen: choices made there are kept
    EXPECT_EQ(fresh.count(), 0);
    session.identified("张*丰");
    session.finish();
    ASSERT_EQ(session.stateName(), "farewell");
    EXPECT_EQ(fresh.count(), 0);  // the farewell is still in the leaving patient's language

    session.identityPresented();  // the next card in the queue
    EXPECT_EQ(session.stateName(), "identifying");
    EXPECT_TRUE(session.readingCard());
    EXPECT_TRUE(session.patientName().isEmpty());
    EXPECT_EQ(fresh.count(), 1);
    // The farewell's timer went with it: the new patient is not sent back to the attract screen.
    QTest::qWait(kShortTiming.farewell_ms + 200);
    EXPECT_EQ(session.stateName(), "identifying");

    session.back();
    EXPECT_EQ(session.stateName(), "idle");
    EXPECT_EQ(fresh.count(), 2);
}

TEST(SessionController, APatientIsPresentFromIdentifyingUntilTheFarewell) {
    FunctionCatalog catalog;
    SessionController session(kShortTiming, &catalog);
    EXPECT_FALSE(session.patientPresent()) << "the attract screen";
    session.start();
    EXPECT_TRUE(session.patientPresent());
    session.identified(QStringLiteral("张*丰"));
    EXPECT_TRUE(session.patientPresent()) << "the menu";
    session.finish();
    EXPECT_FALSE(session.patientPresent()) << "the farewell";
}

// No dead ends: an error offers a way on, not only a way out.
TEST(SessionController, AnErrorLeadsBackToTheOtherWaysToIdentifyOrToTheMenu) {
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::Ready});
    SessionController session(kShortTiming, &catalog);
    session.identityPresented();
    session.identificationFailed({"Test", "This ID card has expired."});
    ASSERT_EQ(session.stateName(), "error");
    session.back();
    EXPECT_EQ(session.stateName(), "identifying") << "not identified: try another way";
    session.identified("张*丰", "P1");
    session.chooseFunction("book");
    session.journeyFailed({"Test", "The platform refused."});
    ASSERT_EQ(session.stateName(), "error");
    session.back();
    EXPECT_EQ(session.stateName(), "menu") << "identified: back to the menu, still theirs";
    EXPECT_EQ(session.patientName(), "张*丰");
}

// 改约 and the refund of a stopped booking come from what shows one: the lists, and the menu's
// stop-service notice.
TEST(SessionController, AStoppedBookingMovesOrIsRefundedFromItsList) {
    FunctionCatalog catalog;
    catalog.setHealth({true, PrinterReadiness::Ready});
    SessionController session(kShortTiming, &catalog);
    session.startMove();
    EXPECT_EQ(session.stateName(), "idle") << "no move without a patient and a list";
    session.identityPresented();
    session.identified("张*丰", "P1");
    session.startMove();
    EXPECT_EQ(session.stateName(), "move") << "from the menu's stop-service notice";
    session.back();
    EXPECT_EQ(session.stateName(), "menu");
    session.chooseFunction("my_bookings");
    session.startMove();
    EXPECT_EQ(session.stateName(), "move");
    EXPECT_EQ(session.screenName(), "move");
    session.back();
    EXPECT_EQ(session.stateName(), "menu");
    session.chooseFunction("pickup");
    session.refundStopped();
    EXPECT_EQ(session.stateName(), "cancel");
}

// The updater's maintenance lease: only with nobody at the kiosk; nothing starts while it lasts;
// every function says why; it ends when released or when it expires.
TEST(SessionController, AnUpdateLeaseIsGrantedOnlyWithNobodyAtTheKiosk) {
    FunctionCatalog catalog;
    catalog.setPlatformConnected(true);
    catalog.setIdentityMeans(IdentityMeans::IdCard, true);
    SessionController session(kShortTiming, &catalog);
    session.identityPresented();
    ASSERT_EQ(session.stateName(), "identifying");
    EXPECT_EQ(session.grantUpdateLease(60'000), UpdateLeaseAnswer::PatientPresent);
    EXPECT_FALSE(session.updating());
    session.identified("张*丰");
    EXPECT_EQ(session.grantUpdateLease(60'000), UpdateLeaseAnswer::PatientPresent);
    session.finish();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.stateName() == "idle"; }, 3'000));
    EXPECT_EQ(session.grantUpdateLease(kMaxUpdateLease_ms + 1), UpdateLeaseAnswer::TooLong);
    EXPECT_EQ(session.grantUpdateLease(0), UpdateLeaseAnswer::TooLong);
    QSignalSpy updating(&session, &SessionController::updatingChanged);
    ASSERT_EQ(session.grantUpdateLease(60'000), UpdateLeaseAnswer::Granted);
    EXPECT_TRUE(session.updating());
    EXPECT_EQ(updating.count(), 1);

    // A card, a tap or the technicians' gesture start nothing.
    session.identityPresented();
    session.start();
    session.openMaintenance();
    EXPECT_EQ(session.stateName(), "idle");
    EXPECT_TRUE(session.identifyBy().isEmpty());
    for (const auto& function : session.functions()) {
        EXPECT_FALSE(function.toMap()["available"].toBool());
        EXPECT_EQ(function.toMap()["reason"].toString(),
                  "Paused while this kiosk is updated; back shortly");
    }
    session.endUpdateLease();
    EXPECT_FALSE(session.updating());
    EXPECT_EQ(session.identifyBy(), QStringList{"idcard"});
    session.start();
    EXPECT_EQ(session.stateName(), "identifying");
}

TEST(SessionController, AnUpdateLeaseThatIsNotReleasedExpires) {
    FunctionCatalog catalog;
    catalog.setPlatformConnected(true);
    SessionController session(kShortTiming, &catalog);
    ASSERT_EQ(session.grantUpdateLease(200), UpdateLeaseAnswer::Granted);
    session.start();
    EXPECT_EQ(session.stateName(), "idle");
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.updating(); }, 2'000));
    ASSERT_FALSE(catalog.functions().isEmpty());
    for (const auto& function : catalog.functions())
        EXPECT_FALSE(function.toMap()["reason"].toString().startsWith("Paused"));
    session.start();
    EXPECT_EQ(session.stateName(), "identifying");
}
