#include "app/service_notifier.h"

#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <QQuickWindow>
#include <cstdlib>
#include <string>

#include "logging/categories.h"

namespace lobby::app {

ServiceNotifier::ServiceNotifier(QObject* parent) : QObject(parent) {
    connect(&pingTimer_, &QTimer::timeout, this, &ServiceNotifier::requestProofOfLife);
}

ServiceNotifier::~ServiceNotifier() {
    if (readySent_) sd_notify(0, "STOPPING=1");
}

std::optional<std::chrono::microseconds> ServiceNotifier::watchdogInterval() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) return std::chrono::microseconds(usec);
    const char* interval = std::getenv("WATCHDOG_USEC");
    const char* pid = std::getenv("WATCHDOG_PID");
    if (interval == nullptr || pid == nullptr) return std::nullopt;
    if (std::strtoll(pid, nullptr, 10) != static_cast<long long>(::getppid())) return std::nullopt;
    const long long value = std::strtoll(interval, nullptr, 10);
    if (value <= 0) return std::nullopt;
    return std::chrono::microseconds(value);
}

void ServiceNotifier::attach(QQuickWindow* window) {
    if (std::getenv("NOTIFY_SOCKET") == nullptr) return;
    window_ = window;
    connect(window_, &QQuickWindow::frameSwapped, this, &ServiceNotifier::frameSwapped);
    if (auto interval = watchdogInterval()) {
        // Half the interval, as sd_watchdog_enabled(3) advises, so one late frame is not fatal.
        const auto half_ms = std::chrono::duration_cast<std::chrono::milliseconds>(*interval / 2);
        pingTimer_.start(static_cast<int>(std::max<long long>(half_ms.count(), 100)));
        qCInfo(lcKiosk) << "systemd watchdog every" << half_ms.count() << "ms";
    }
}

void ServiceNotifier::requestProofOfLife() {
    awaitingFrame_ = true;
    window_->update();  // the ping goes out when this frame has been rendered
}

void ServiceNotifier::frameSwapped() {
    if (!readySent_) {
        readySent_ = true;
        sd_notify(0, "READY=1\nSTATUS=serving patients");
    }
    if (!awaitingFrame_) return;
    awaitingFrame_ = false;
    sd_notify(0, "WATCHDOG=1");
}

}  // namespace lobby::app
