#pragma once
// 预约取号: today's bookings of the identified patient → check in → the slip printed → the Done
// screen with the queue number, clinic room and time window. Exposed to QML as `PickUp`; the
// screen shows its properties and forwards taps to checkIn().

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>
#include <vector>

#include "journeys/journey_flow.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::journeys {

class PickUpFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(PickUp)
    QML_SINGLETON
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QVariantList bookings READ bookings NOTIFY changed)

public:
    // `platform` may be null (none configured): the function is then never offered.
    PickUpFlow(core::SessionController& session, services::PlatformService* platform,
               SlipDesk& slips, journal::TransactionJournal* journal, QObject* parent = nullptr);
    static PickUpFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "pickup";

    bool loaded() const { return loaded_; }
    // Each: bookingView() plus `action`: "checkin" | "unpaid" | "stopped" | "done".
    QVariantList bookings() const;

    Q_INVOKABLE void checkIn(const QString& bookingId);

private:
    void load();
    void printSlip(std::int64_t tx, const platform::Booking& booking,
                   const platform::CheckIn& checkIn);
    void clear() override;

    std::vector<platform::Booking> bookings_;
    bool loaded_ = false;
};

}  // namespace lobby::journeys
