#pragma once
// One payment for one booking, from the call that starts it to its end: the only place the kiosk
// takes money. Every flow that takes money (book and pay, paying a held booking at pick-up, and
// whatever comes next) starts one and acts on what it reports. It owns
//   - the key: one per attempt, "pay-<booking>-<uuid>"; a retried call is the same payment, a new
//     attempt after stepping back is a new one (the platform refunds a second payment that lands
//     on a paid booking);
//   - the journal's steps of the flow's transaction (PaymentStarted before and after,
//     PaymentConfirmed), so the reconciler can always ask the platform about this very key;
//   - the platform's status read as what the patient needs: captured, awaiting the patient (the
//     QR code), declined;
//   - while the patient pays on their phone: polling and the countdown that bounds it, with the
//     session's idle clock held (the payment's own window governs, not the patient's silence).
// Nothing it reports arrives after stop() or for an earlier attempt.

#include <QObject>
#include <QTimer>
#include <functional>

#include "core/session_controller.h"
#include "journal/transaction_journal.h"
#include "platform/platform_client.h"
#include "services/platform_service.h"

namespace lobby::journeys {

class PaymentSession : public QObject {
    Q_OBJECT

public:
    // Writes a step of the paying flow's own transaction.
    using StepRecorder = std::function<void(journal::Step step, journal::Phase phase,
                                            const std::string& key, const std::string& paymentId)>;

    PaymentSession(services::PlatformService* platform, core::SessionController& session,
                   int pollInterval_ms, QObject* parent = nullptr);
    ~PaymentSession() override;

    // A fresh key for an attempt to pay `bookingId`.
    static std::string attemptKey(const std::string& bookingId);
    // Starts paying `bookingId` by `method` with `key` (from attemptKey); the patient then has
    // `window_s` to pay if the platform waits for them.
    void start(const std::string& bookingId, const std::string& method, const std::string& key,
               int window_s, StepRecorder record);
    // The patient stepped back or left, or the flow gave the booking up: nothing more is reported.
    void stop();

    bool awaitingPatient() const { return countdown_.isActive(); }
    int remaining_s() const { return remaining_s_; }
    const platform::Payment& payment() const { return payment_; }
    const std::string& key() const { return key_; }

signals:
    // The start call failed: refused (the platform took nothing) or unanswered (the journal keeps
    // the transaction open for the reconciler; the flow decides what the booking becomes).
    void startFailed(const services::CallFailure& failure);
    // The platform waits for the patient to pay (show payment().qrPayload); once per attempt.
    void awaitingPatientChanged();
    void captured();
    // Failed or refunded: no money was taken for this booking.
    void declined();
    // The window ran out with the payment still pending.
    void timedOut();
    // Each second of the countdown.
    void tick();

private:
    void onStatus(const platform::Payment& payment);
    void poll();
    void endWatch();

    services::PlatformService* platform_;
    core::SessionController& session_;
    StepRecorder record_;
    std::string key_;
    platform::Payment payment_;
    int window_s_ = 0;
    int remaining_s_ = 0;
    std::uint64_t attempt_ = 0;  // answers of an earlier attempt, or after stop(), are ignored
    bool active_ = false;
    QTimer poll_;
    QTimer countdown_;
};

}  // namespace lobby::journeys
