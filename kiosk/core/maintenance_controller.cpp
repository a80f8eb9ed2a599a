#include "core/maintenance_controller.h"

#include <QCoreApplication>

#include "config/technician_pin.h"
#include "core/qml_exposure.h"
#include "core/session_controller.h"
#include "logging/categories.h"

namespace lobby::core {
MaintenanceController::MaintenanceController(SessionController& session, QString pinHash,
                                             MaintenanceActions actions,
                                             std::function<qint64()> clock_ms,
                                             PinAttemptStore attempts, QObject* parent)
    : QObject(parent),
      session_(session),
      pinHash_(std::move(pinHash)),
      actions_(std::move(actions)),
      clock_ms_(std::move(clock_ms)),
      store_(std::move(attempts)),
      attempts_(store_.load(clock_ms_(), kLockout_ms)) {
    if (attempts_.lockedUntil_ms > clock_ms_()) {
        qCWarning(lcSession) << "maintenance menu still locked after a restart";
    }
    connect(&session_, &SessionController::stateChanged, this, [this] {
        if (session_.currentState() != SessionState::Maintenance) lock();
    });
}

MaintenanceController* MaintenanceController::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return exposedTo<MaintenanceController>(qmlEngine, kQmlName);
}

void MaintenanceController::secretTap() {
    if (session_.currentState() != SessionState::Idle) return;
    if (pinHash_.isEmpty()) {
        qCInfo(lcSession) << "maintenance gesture, but no technician PIN is configured";
        return;
    }
    const qint64 now = clock_ms_();
    taps_ms_.append(now);
    while (!taps_ms_.isEmpty() && now - taps_ms_.front() > kSecretTapWindow_ms)
        taps_ms_.removeFirst();
    if (taps_ms_.size() < kSecretTaps) return;
    taps_ms_.clear();
    qCInfo(lcSession) << "maintenance menu asked for";
    session_.openMaintenance();
    session_.setScreenStep(QStringLiteral("pin"));
}

void MaintenanceController::digit(const QString& digit) {
    if (unlocked_ || digit.size() != 1 || !digit[0].isDigit()) return;
    if (pin_.size() >= config::kPinMaxDigits) return;
    pin_ += digit;
    session_.noteActivity();
    emit changed();
}

void MaintenanceController::erase() {
    if (pin_.isEmpty()) return;
    pin_.chop(1);
    emit changed();
}

void MaintenanceController::submit() {
    if (unlocked_ || session_.currentState() != SessionState::Maintenance) return;
    session_.noteActivity();
    const qint64 now = clock_ms_();
    if (now < attempts_.lockedUntil_ms) {
        pin_.clear();
        setMessage(QCoreApplication::translate(
                       "Maintenance", "Locked after too many wrong PINs; try again in %1 min")
                       .arg((attempts_.lockedUntil_ms - now + 59'999) / 60'000));
        return;
    }
    const bool right = config::pinMatches(pin_, pinHash_);
    pin_.clear();
    if (!right) {
        ++attempts_.failures;
        qCWarning(lcSession) << "wrong technician PIN, failure" << attempts_.failures << "of"
                             << kMaxFailures;
        if (attempts_.failures >= kMaxFailures) {
            attempts_ = {0, now + kLockout_ms};
            if (!store_.save(attempts_)) qCWarning(lcSession) << "the PIN lock was not saved";
            qCWarning(lcSession) << "maintenance menu locked for" << kLockout_ms / 60'000 << "min";
            setMessage(QCoreApplication::translate(
                           "Maintenance", "Locked after too many wrong PINs; try again in %1 min")
                           .arg(kLockout_ms / 60'000));
        } else {
            if (!store_.save(attempts_)) qCWarning(lcSession) << "the PIN failures were not saved";
            setMessage(QCoreApplication::translate("Maintenance", "Wrong PIN; %1 tries left")
                           .arg(kMaxFailures - attempts_.failures));
        }
        return;
    }
    attempts_ = {};
    store_.save(attempts_);
    unlocked_ = true;
    qCInfo(lcSession) << "maintenance menu unlocked";
    session_.setScreenStep(QStringLiteral("menu"));
    message_.clear();
    refresh();
}

void MaintenanceController::refresh() {
    if (!unlocked_) return;
    status_ = actions_.statusLines ? actions_.statusLines() : QStringList{};
    emit changed();
}

void MaintenanceController::printTestSlip() {
    if (!unlocked_ || busy_ || !actions_.printTestSlip) return;
    session_.noteActivity();
    busy_ = true;
    setMessage(QCoreApplication::translate("Maintenance", "Printing a test slip…"));
    actions_.printTestSlip([this](bool printed) {
        busy_ = false;
        setMessage(printed
                       ? QCoreApplication::translate("Maintenance", "The test slip was printed")
                       : QCoreApplication::translate("Maintenance", "The test slip did not print"));
        refresh();
    });
}

void MaintenanceController::backToService() {
    if (session_.currentState() == SessionState::Maintenance) session_.back();
}

void MaintenanceController::leaveApp() {
    if (!unlocked_ || !actions_.leaveApp) return;
    qCWarning(lcSession) << "the technician closed the kiosk app";
    actions_.leaveApp();
}

void MaintenanceController::lock() {
    if (!unlocked_ && pin_.isEmpty() && message_.isEmpty()) return;
    unlocked_ = false;
    pin_.clear();
    message_.clear();
    status_.clear();
    emit changed();
}

void MaintenanceController::setMessage(const QString& message) {
    message_ = message;
    emit changed();
}

}  // namespace lobby::core
