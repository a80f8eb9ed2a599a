#include "app/journey_timings.h"

#include <QQuickWindow>
#include <cstdio>

namespace lobby::app {

JourneyTimings::JourneyTimings(QObject* parent) : QObject(parent) {
    clock_.start();
}

void JourneyTimings::attach(QQuickWindow* window) {
    connect(window, &QQuickWindow::frameSwapped, this, &JourneyTimings::onFrame);
}

void JourneyTimings::cardPlaced() {
    running_ = true;
    placed_ = now();
    device_ = platform_ = printing_ = patient_ = 0;
    lastSettled_ = placed_;
}

void JourneyTimings::cardRead() {
    if (running_) device_ = now() - placed_;
}

void JourneyTimings::platformCall(qint64 elapsed_ms) {
    if (running_) platform_ += elapsed_ms;
}

void JourneyTimings::slipPrinted(qint64 elapsed_ms) {
    if (running_) printing_ += elapsed_ms;
}

void JourneyTimings::screenChanged() {
    changePending_ = true;
}

void JourneyTimings::tapped() {
    // The patient's share: from the screen they act on being drawn to their finger.
    if (running_ && lastSettled_ >= placed_) patient_ += now() - lastSettled_;
}

void JourneyTimings::doneShown() {
    if (running_) donePending_ = true;
}

void JourneyTimings::onFrame() {
    if (changePending_) {
        changePending_ = false;
        lastSettled_ = now();
    }
    if (!donePending_) return;
    donePending_ = false;
    running_ = false;
    const qint64 total = now() - placed_;
    const qint64 kiosk = total - device_ - platform_ - printing_ - patient_;
    std::printf(
        "{\"event\":\"journey_timing\",\"total_ms\":%lld,\"device_ms\":%lld,"
        "\"platform_ms\":%lld,\"printing_ms\":%lld,\"patient_ms\":%lld,"
        "\"kiosk_ms\":%lld}\n",
        static_cast<long long>(total), static_cast<long long>(device_),
        static_cast<long long>(platform_), static_cast<long long>(printing_),
        static_cast<long long>(patient_), static_cast<long long>(kiosk));
    std::fflush(stdout);
}

}  // namespace lobby::app
