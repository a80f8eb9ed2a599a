#include "journeys/payment_session.h"

#include <QUuid>

#include "logging/categories.h"

namespace lobby::journeys {

using platform::Payment;
using platform::PaymentStatus;
using services::CallFailure;

namespace {
constexpr int kCountdownStep_ms = 1000;
}  // namespace

PaymentSession::PaymentSession(services::PlatformService* platform,
                               core::SessionController& session, int pollInterval_ms,
                               QObject* parent)
    : QObject(parent), platform_(platform), session_(session) {
    poll_.setInterval(pollInterval_ms);
    connect(&poll_, &QTimer::timeout, this, &PaymentSession::poll);
    countdown_.setInterval(kCountdownStep_ms);
    connect(&countdown_, &QTimer::timeout, this, [this] {
        if (--remaining_s_ > 0) return emit tick();
        endWatch();
        active_ = false;
        qCInfo(lcJourney) << "payment window ran out";
        emit timedOut();
    });
}

PaymentSession::~PaymentSession() {
    endWatch();
}

std::string PaymentSession::attemptKey(const std::string& bookingId) {
    return "pay-" + bookingId + "-" +
           QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

void PaymentSession::start(const std::string& bookingId, const std::string& method,
                           const std::string& key, int window_s, StepRecorder record) {
    endWatch();
    const std::uint64_t attempt = ++attempt_;
    active_ = true;
    key_ = key;
    window_s_ = window_s;
    record_ = std::move(record);
    payment_ = {};
    record_(journal::Step::PaymentStarted, journal::Phase::Before, key_, {});
    platform_->call<Payment>(
        [bookingId, method, key](platform::PlatformClient& client) {
            return client.startPayment(bookingId, method, key);
        },
        [this, attempt](Result<Payment> payment, std::optional<CallFailure> failure) {
            if (attempt != attempt_ || !active_) return;
            if (!payment) {
                active_ = false;
                return emit startFailed(*failure);
            }
            record_(journal::Step::PaymentStarted, journal::Phase::After, key_, payment->id);
            onStatus(payment.value());
        });
}

void PaymentSession::stop() {
    endWatch();
    active_ = false;
    ++attempt_;
}

void PaymentSession::onStatus(const Payment& payment) {
    payment_ = payment;
    switch (payment.status) {
        case PaymentStatus::Captured:
            endWatch();
            active_ = false;
            record_(journal::Step::PaymentConfirmed, journal::Phase::After, key_, payment.id);
            return emit captured();
        case PaymentStatus::Pending:
            if (!countdown_.isActive()) {
                remaining_s_ = window_s_;
                poll_.start();
                countdown_.start();
                session_.holdIdle(this, true);
                emit awaitingPatientChanged();
                emit tick();
            }
            return;
        case PaymentStatus::Failed:
        case PaymentStatus::Refunded:
            endWatch();
            active_ = false;
            qCInfo(lcJourney).noquote()
                << "payment" << platform::toString(payment.status).data() << "- nothing taken";
            return emit declined();
    }
}

void PaymentSession::poll() {
    if (!active_ || platform_ == nullptr) return;
    platform_->call<Payment>(
        [id = payment_.id](platform::PlatformClient& client) { return client.payment(id); },
        // A failed poll is retried at the next interval; the countdown bounds the wait.
        [this, attempt = attempt_, id = payment_.id](Result<Payment> payment,
                                                     std::optional<CallFailure>) {
            if (payment && attempt == attempt_ && active_ && payment->id == id)
                onStatus(payment.value());
        });
}

void PaymentSession::endWatch() {
    poll_.stop();
    countdown_.stop();
    session_.holdIdle(this, false);
}

}  // namespace lobby::journeys
