#pragma once
// A patient's bookings, today's and upcoming: looked up (挂号查询), or cancelled with the fee
// refunded along its payment path (退号退费) and a refund receipt printed. Exposed to QML as
// `Bookings`; the same list serves both journeys, with `canCancel` marking what may be cancelled.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>
#include <vector>

#include "journeys/journey_flow.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::journeys {

class BookingListFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(Bookings)
    QML_SINGLETON
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY changed)
    Q_PROPERTY(QVariantList bookings READ bookings NOTIFY changed)
    Q_PROPERTY(QVariantMap confirming READ confirming NOTIFY changed)

public:
    BookingListFlow(core::SessionController& session, services::PlatformService* platform,
                    SlipDesk& slips, journal::TransactionJournal* journal,
                    QObject* parent = nullptr);
    static BookingListFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "bookings";

    bool loaded() const { return loaded_; }
    bool cancelling() const { return cancelling_; }
    // Each: bookingView() plus `canCancel`.
    QVariantList bookings() const;
    // The booking the patient is asked to confirm cancelling; empty when none.
    QVariantMap confirming() const;

    Q_INVOKABLE void askToCancel(const QString& bookingId);
    // A booking whose doctor stopped the session, from the pick-up or my-bookings list: straight
    // to confirming its cancellation and full refund (two taps from the list).
    Q_INVOKABLE void refundStopped(const QString& bookingId);
    Q_INVOKABLE void keep();
    Q_INVOKABLE void confirmCancel();

private:
    void load();
    void clear() override;
    void printReceipt(std::int64_t tx, const platform::Booking& cancelled);
    const platform::Booking* find(const std::string& id) const;

    std::vector<platform::Booking> bookings_;
    std::string confirming_;
    std::string refundAsked_;  // refundStopped(): confirm this one once the list is loaded
    bool loaded_ = false;
    bool cancelling_ = false;
};

}  // namespace lobby::journeys
