// The maintenance menu: the hidden gesture, the PIN against its hash, the lockout after five
// wrong PINs, and that leaving the screen locks it again. The clock is the test's.
#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <QTest>

#include "config/settings.h"
#include "config/technician_pin.h"
#include "core/maintenance_controller.h"
#include "core/session_controller.h"

using namespace lobby;
using namespace lobby::core;

namespace {

constexpr SessionTiming kTiming{60'000, 10'000, 300};

struct Rig {
    explicit Rig(QString pinHash, PinAttemptStore store = {{}, {}}, qint64 startAt_ms = 1'000'000)
        : now_ms(startAt_ms) {
        MaintenanceActions actions;
        actions.statusLines = [] { return QStringList{"printer: ready"}; };
        actions.printTestSlip = [this](std::function<void(bool)> done) {
            ++printed;
            done(true);
        };
        actions.leaveApp = [this] { ++left; };
        controller = std::make_unique<MaintenanceController>(
            session, std::move(pinHash), actions, [this] { return now_ms; }, std::move(store));
    }
    void tapFiveTimes(qint64 gap_ms) {
        for (int i = 0; i < 5; ++i) {
            controller->secretTap();
            now_ms += gap_ms;
        }
    }
    void enter(const QString& pin) {
        for (const QChar digit : pin)
            controller->digit(QString(digit));
        controller->submit();
    }
    FunctionCatalog catalog;
    SessionController session{kTiming, &catalog};
    qint64 now_ms = 1'000'000;
    int printed = 0, left = 0;
    std::unique_ptr<MaintenanceController> controller;
};

QString hashOf(const char* pin) {
    auto hash = config::hashPin(pin, 1000);  // few iterations: the test checks logic, not cost
    EXPECT_TRUE(hash.ok());
    return hash.value();
}

}  // namespace

TEST(TechnicianPin, HashesAreSaltedAndOnlyTheRightPinMatches) {
    auto first = config::hashPin("246813", 1000), second = config::hashPin("246813", 1000);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(first.value(), second.value()) << "a fresh salt each time";
    EXPECT_TRUE(config::pinMatches("246813", first.value()));
    EXPECT_FALSE(config::pinMatches("246814", first.value()));
    EXPECT_FALSE(config::pinMatches("246813", "246813")) << "a PIN in clear is not a hash";
    EXPECT_FALSE(config::hashPin("12").ok());
    EXPECT_FALSE(config::hashPin("2468").ok()) << "four digits are too few to guess at";
    EXPECT_FALSE(config::pinMatches("2468", config::hashPin("246800", 1000).value()));
    EXPECT_FALSE(config::hashPin("12ab").ok());
}

TEST(TechnicianPin, TheSettingTakesOnlyAHashAndNeverRepeatsAWrongValue) {
    auto good =
        config::Settings::fromJson(R"({"schema_version": 1, "maintenance": {"pin_hash": ")" +
                                   config::hashPin("246813").value().toUtf8() + "\"}}");
    EXPECT_TRUE(good.ok()) << good.error().message;
    auto cheap =
        config::Settings::fromJson(R"({"schema_version": 1, "maintenance": {"pin_hash": ")" +
                                   hashOf("246813").toUtf8() + "\"}}");
    ASSERT_FALSE(cheap.ok()) << "1,000 iterations would be brute-forced offline";
    EXPECT_NE(cheap.error().message.find("fewer than 100000"), std::string::npos);
    auto clear = config::Settings::fromJson(
        R"({"schema_version": 1, "maintenance": {"pin_hash": "246813"}})");
    ASSERT_FALSE(clear.ok());
    EXPECT_EQ(clear.error().message.find("246813"), std::string::npos) << clear.error().message;
}

TEST(Maintenance, FiveQuickTapsOnTheIdleScreenAskForThePin) {
    Rig rig(hashOf("246813"));
    rig.tapFiveTimes(1'100);  // 5 taps over 4.4 s: too slow
    EXPECT_EQ(rig.session.stateName(), "idle");
    rig.tapFiveTimes(300);
    EXPECT_EQ(rig.session.screenName(), "maintenance-pin");
    EXPECT_FALSE(rig.controller->unlocked());
}

TEST(Maintenance, NoPinConfiguredMeansNoMenuAndNoneDuringAPatientsSession) {
    Rig none("");
    none.tapFiveTimes(100);
    EXPECT_EQ(none.session.stateName(), "idle");

    Rig busy(hashOf("246813"));
    busy.session.identityPresented();
    busy.tapFiveTimes(100);
    EXPECT_EQ(busy.session.stateName(), "identifying");
}

TEST(Maintenance, TheRightPinUnlocksAndLeavingLocksAgain) {
    Rig rig(hashOf("246813"));
    rig.tapFiveTimes(100);
    rig.controller->leaveApp();
    EXPECT_EQ(rig.left, 0) << "closing the app needs the PIN";
    rig.enter("246813");
    ASSERT_TRUE(rig.controller->unlocked());
    EXPECT_EQ(rig.session.screenName(), "maintenance-menu");
    EXPECT_EQ(rig.controller->status(), QStringList{"printer: ready"});
    rig.controller->printTestSlip();
    EXPECT_EQ(rig.printed, 1);
    rig.controller->leaveApp();
    EXPECT_EQ(rig.left, 1);
    rig.controller->backToService();
    EXPECT_EQ(rig.session.stateName(), "idle");
    EXPECT_FALSE(rig.controller->unlocked());
    EXPECT_TRUE(rig.controller->status().isEmpty());
}

TEST(Maintenance, FiveWrongPinsLockTheMenuForAQuarterOfAnHour) {
    Rig rig(hashOf("246813"));
    rig.tapFiveTimes(100);
    for (int i = 1; i <= 4; ++i) {
        rig.enter("111111");
        EXPECT_TRUE(rig.controller->message().contains(QString::number(5 - i)))
            << rig.controller->message().toStdString();
    }
    rig.enter("111111");
    EXPECT_TRUE(rig.controller->message().contains("15"))
        << rig.controller->message().toStdString();
    rig.enter("246813");
    EXPECT_FALSE(rig.controller->unlocked()) << "the right PIN is refused while locked";
    rig.now_ms += MaintenanceController::kLockout_ms - 60'000;
    rig.enter("246813");
    EXPECT_FALSE(rig.controller->unlocked());
    rig.now_ms += 60'000;
    rig.enter("246813");
    EXPECT_TRUE(rig.controller->unlocked());
}

TEST(Maintenance, TheIdleTimeoutEndsMaintenanceToo) {
    SessionMachine machine;
    ASSERT_TRUE(machine.handle(SessionEvent::OpenMaintenance));
    EXPECT_EQ(machine.state(), SessionState::Maintenance);
    EXPECT_FALSE(isPatientPresent(SessionState::Maintenance));
    EXPECT_TRUE(isAttended(SessionState::Maintenance));
    EXPECT_FALSE(machine.handle(SessionEvent::IdentityPresented)) << "cards are ignored here";
    EXPECT_TRUE(machine.handle(SessionEvent::IdleTimeout));
    EXPECT_EQ(machine.state(), SessionState::Idle);
}

TEST(Maintenance, WrongPinsAndTheLockSurviveARestart) {
    QTemporaryDir dir;
    const QString path = dir.filePath("pin-attempts.json");
    const QString hash = hashOf("246813");
    qint64 now = 5'000'000;
    {
        Rig rig(hash, PinAttemptStore(path, "boot-a"), now);
        rig.tapFiveTimes(100);
        rig.enter("111111");
        rig.enter("111111");
        rig.enter("111111");
        now = rig.now_ms;
    }
    {
        Rig restarted(hash, PinAttemptStore(path, "boot-a"), now);
        restarted.tapFiveTimes(100);
        restarted.enter("111111");
        EXPECT_TRUE(restarted.controller->message().contains("1"))
            << "the three before the restart still count: "
            << restarted.controller->message().toStdString();
        restarted.enter("111111");
        EXPECT_TRUE(restarted.controller->message().contains("15"));
        now = restarted.now_ms;
    }
    {
        Rig again(hash, PinAttemptStore(path, "boot-a"), now + 60'000);
        again.tapFiveTimes(100);
        again.enter("246813");
        EXPECT_FALSE(again.controller->unlocked()) << "a restart does not lift the lock";
        again.now_ms += MaintenanceController::kLockout_ms;
        again.enter("246813");
        EXPECT_TRUE(again.controller->unlocked());
    }
}

TEST(Maintenance, ALockFromAnotherBootLastsAWholeLockoutFromNow) {
    QTemporaryDir dir;
    const QString path = dir.filePath("pin-attempts.json");
    const QString hash = hashOf("246813");
    {
        Rig rig(hash, PinAttemptStore(path, "boot-a"), 9'000'000);
        rig.tapFiveTimes(100);
        for (int i = 0; i < 5; ++i)
            rig.enter("111111");
    }
    // After a reboot the boot clock starts near zero: the lock is measured afresh, in full.
    Rig rebooted(hash, PinAttemptStore(path, "boot-b"), 20'000);
    rebooted.tapFiveTimes(100);
    rebooted.now_ms += MaintenanceController::kLockout_ms - 120'000;
    rebooted.enter("246813");
    EXPECT_FALSE(rebooted.controller->unlocked());
    rebooted.now_ms += 120'000;
    rebooted.enter("246813");
    EXPECT_TRUE(rebooted.controller->unlocked());
}

TEST(Maintenance, AnAttemptsFileThatCannotBeReadLocks) {
    QTemporaryDir dir;
    const QString path = dir.filePath("pin-attempts.json");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    Rig rig(hashOf("246813"), PinAttemptStore(path, "boot-a"));
    rig.tapFiveTimes(100);
    rig.enter("246813");
    EXPECT_FALSE(rig.controller->unlocked()) << "a tampered file fails closed";
    // A lock further away than a lockout (another clock wrote it) is cut to one lockout.
    const PinAttempts far = PinAttemptStore(path, "boot-a").load(0, 1'000);
    EXPECT_LE(far.lockedUntil_ms, 1'000);
}
