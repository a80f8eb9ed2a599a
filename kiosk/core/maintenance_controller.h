#pragma once
// The technicians' maintenance menu, exposed to QML as `Maintenance`. Reached only from the
// attract screen by a hidden gesture (five taps on the hospital's name within four seconds) and
// only when a technician PIN is configured; the PIN is checked against its PBKDF2 hash, and five
// wrong PINs in a row lock the menu for a quarter of an hour. Once unlocked it shows the kiosk's
// health, prints a test slip, goes back to serving patients, or closes the app (exit status
// kExitTechnicianLeft, which the systemd unit does not restart). Leaving the screen locks it.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

#include "core/pin_attempts.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::core {

class SessionController;

// The exit status of a kiosk a technician closed from the maintenance menu.
inline constexpr int kExitTechnicianLeft = 77;

struct MaintenanceActions {
    std::function<QStringList()> statusLines;  // "printer: ready", "platform: reachable", ...
    std::function<void(std::function<void(bool printed)>)> printTestSlip;
    std::function<void()> leaveApp;
};

class MaintenanceController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Maintenance)
    QML_SINGLETON
    Q_PROPERTY(bool unlocked READ unlocked NOTIFY changed)
    Q_PROPERTY(int pinLength READ pinLength NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QStringList status READ status NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)

public:
    static constexpr int kSecretTaps = 5;
    static constexpr qint64 kSecretTapWindow_ms = 4'000;
    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kLockout_ms = 15 * 60 * 1000;

    // `clock_ms` must not jump with the wall clock (the composition root gives the boot clock);
    // failures and the lock are kept in `attempts` across restarts.
    MaintenanceController(SessionController& session, QString pinHash, MaintenanceActions actions,
                          std::function<qint64()> clock_ms, PinAttemptStore attempts = {{}, {}},
                          QObject* parent = nullptr);

    static MaintenanceController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "maintenance";

    bool unlocked() const { return unlocked_; }
    int pinLength() const { return static_cast<int>(pin_.size()); }
    QString message() const { return message_; }
    QStringList status() const { return status_; }
    bool busy() const { return busy_; }

    Q_INVOKABLE void secretTap();
    Q_INVOKABLE void digit(const QString& digit);
    Q_INVOKABLE void erase();
    Q_INVOKABLE void submit();
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void printTestSlip();
    Q_INVOKABLE void backToService();
    Q_INVOKABLE void leaveApp();

signals:
    void changed();

private:
    void lock();
    void setMessage(const QString& message);

    SessionController& session_;
    QString pinHash_;
    MaintenanceActions actions_;
    std::function<qint64()> clock_ms_;
    QList<qint64> taps_ms_;
    QString pin_;
    bool unlocked_ = false;
    bool busy_ = false;
    PinAttemptStore store_;
    PinAttempts attempts_;
    QString message_;
    QStringList status_;
};

}  // namespace lobby::core
