#pragma once
// 预约取号: today's bookings of the identified patient → check in → the slip printed → the Done
// screen with the queue number, clinic room and time window. A booking made elsewhere and not
// paid yet is paid here first (the same QR payment as booking), then checked in. Exposed to QML
// as `PickUp`; the screen shows its properties and forwards taps.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>
#include <vector>

#include "journeys/booking_flow.h"
#include "journeys/journey_flow.h"
#include "journeys/payment_session.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::journeys {

class PickUpFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(PickUp)
    QML_SINGLETON
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QVariantList bookings READ bookings NOTIFY changed)
    // "" (the list), "choose" (how to pay for `payingFor`), "paying" (the QR on screen).
    Q_PROPERTY(QString payStep READ payStep NOTIFY changed)
    Q_PROPERTY(QVariantMap payingFor READ payingFor NOTIFY changed)
    Q_PROPERTY(QStringList paymentMethods READ paymentMethods NOTIFY changed)
    Q_PROPERTY(QString qrPayload READ qrPayload NOTIFY changed)
    Q_PROPERTY(int paymentRemaining READ paymentRemaining NOTIFY paymentTick)

public:
    // `platform` may be null (none configured): the function is then never offered.
    // The payment window, polling and methods are the booking journey's (`policy`).
    PickUpFlow(core::SessionController& session, services::PlatformService* platform,
               SlipDesk& slips, journal::TransactionJournal* journal, BookingPolicy policy,
               QObject* parent = nullptr);
    static PickUpFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "pickup";

    bool loaded() const { return loaded_; }
    // Each: bookingView() plus `action`: "checkin" | "unpaid" | "stopped" | "done".
    QVariantList bookings() const;

    Q_INVOKABLE void checkIn(const QString& bookingId);

    QString payStep() const;
    QVariantMap payingFor() const;
    QStringList paymentMethods() const { return policy_.paymentMethods; }
    void setPaymentMethods(const QStringList& methods);
    QString qrPayload() const { return QString::fromStdString(payments_.payment().qrPayload); }
    int paymentRemaining() const { return payments_.remaining_s(); }
    // An unpaid booking: choose how to pay, then pay; once paid it is checked in at once.
    Q_INVOKABLE void choosePayment(const QString& bookingId);
    Q_INVOKABLE void pay(const QString& method);
    // Back from paying to choosing, from choosing to the list, from the list to the menu. The
    // booking is the patient's either way: stepping back never cancels it.
    Q_INVOKABLE void stepBack();

signals:
    void paymentTick();

private:
    enum class PayStep { None, Choose, Paying };
    void paid();
    void endPayment(const std::string& outcome);
    const platform::Booking* findBooking(const std::string& id) const;
    void load();
    void clear() override;

    std::vector<platform::Booking> bookings_;
    bool loaded_ = false;

    BookingPolicy policy_;
    PayStep payStep_ = PayStep::None;
    std::string payingId_;
    std::int64_t payTx_ = 0;
    PaymentSession payments_;
};

}  // namespace lobby::journeys
