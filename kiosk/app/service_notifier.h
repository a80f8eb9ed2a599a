#pragma once
// Tells systemd how the kiosk is (sd_notify): READY=1 once the first frame is on screen,
// WATCHDOG=1 only after the window has rendered a frame asked for since the last ping, so a
// hung event loop or a stuck scene graph stops the pings and systemd restarts the kiosk
// (WatchdogSec= in packaging/systemd/lobby-kiosk.service), STOPPING=1 on the way out. Without
// NOTIFY_SOCKET (a test, a laptop) it does nothing.

#include <QObject>
#include <QTimer>
#include <chrono>
#include <optional>

class QQuickWindow;

namespace lobby::app {

class ServiceNotifier : public QObject {
    Q_OBJECT
public:
    explicit ServiceNotifier(QObject* parent = nullptr);
    ~ServiceNotifier() override;

    void attach(QQuickWindow* window);
    // The watchdog interval systemd asked for, if any. Under cage the kiosk is the service's
    // child, so WATCHDOG_PID names cage (our parent) rather than us; that counts as ours too.
    static std::optional<std::chrono::microseconds> watchdogInterval();

private:
    void requestProofOfLife();
    void frameSwapped();

    QQuickWindow* window_ = nullptr;
    QTimer pingTimer_;
    bool awaitingFrame_ = false;
    bool readySent_ = false;
};

}  // namespace lobby::app
