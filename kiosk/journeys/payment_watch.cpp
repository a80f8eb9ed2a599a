#include "journeys/payment_watch.h"

#include "services/platform_service.h"

namespace lobby::journeys {

namespace {
constexpr int kCountdownStep_ms = 1000;
}  // namespace

PaymentWatch::PaymentWatch(services::PlatformService* platform, int pollInterval_ms,
                           QObject* parent)
    : QObject(parent), platform_(platform) {
    poll_.setInterval(pollInterval_ms);
    connect(&poll_, &QTimer::timeout, this, &PaymentWatch::poll);
    countdown_.setInterval(kCountdownStep_ms);
    connect(&countdown_, &QTimer::timeout, this, [this] {
        if (--remaining_s_ <= 0) {
            stop();
            emit timedOut();
            return;
        }
        emit tick();
    });
}

void PaymentWatch::watch(const platform::Payment& payment, int window_s) {
    paymentId_ = payment.id;
    remaining_s_ = window_s;
    poll_.start();
    countdown_.start();
    emit tick();
}

void PaymentWatch::stop() {
    poll_.stop();
    countdown_.stop();
}

void PaymentWatch::poll() {
    if (!watching() || platform_ == nullptr) return;
    platform_->call<platform::Payment>(
        [id = paymentId_](platform::PlatformClient& client) { return client.payment(id); },
        [this, id = paymentId_](Result<platform::Payment> payment,
                                std::optional<services::CallFailure>) {
            // Only an answer about the payment still watched counts.
            if (payment && watching() && payment->id == id) emit answered(payment.value());
        });
}

}  // namespace lobby::journeys
