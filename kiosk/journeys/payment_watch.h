#pragma once
// A started QR payment, watched until it settles: the countdown the patient sees and the
// platform asked at each poll. Shared by booking (a new slot) and pick-up (a booking held
// elsewhere and paid at the kiosk). What an answer means is the journey's to decide.

#include <QObject>
#include <QTimer>

#include "platform/platform_client.h"

namespace lobby::services {
class PlatformService;
}  // namespace lobby::services

namespace lobby::journeys {

class PaymentWatch : public QObject {
    Q_OBJECT

public:
    PaymentWatch(services::PlatformService* platform, int pollInterval_ms,
                 QObject* parent = nullptr);

    // Starts the countdown (window_s) and polling for `payment`.
    void watch(const platform::Payment& payment, int window_s);
    void stop();
    bool watching() const { return countdown_.isActive(); }
    int remaining_s() const { return remaining_s_; }

signals:
    // Each second of the countdown.
    void tick();
    // The platform's answer to a poll, whatever its status. A failed poll is retried at the next
    // interval; the countdown bounds the wait.
    void answered(const platform::Payment& payment);
    // The window ran out (polling has stopped).
    void timedOut();

private:
    void poll();

    services::PlatformService* platform_;
    std::string paymentId_;
    QTimer poll_;
    QTimer countdown_;
    int remaining_s_ = 0;
};

}  // namespace lobby::journeys
