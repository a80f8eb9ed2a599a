#pragma once
// Stop-service notices (停诊通知) at identification: as soon as a patient is identified, their
// bookings (today's and later ones) are looked up, and those whose doctor stopped the session are
// put in front of them on the menu with the two ways on, the refund and the move (改约), before
// they choose anything. A voucher's session (one booking only) is not asked. A failed lookup
// shows nothing and costs the patient nothing. Exposed to QML as `StopNotices`.

#include <QtQml/qqmlregistration.h>
#include <QVariantList>
#include <vector>

#include "journeys/journey_flow.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::journeys {

class StopNoticeFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(StopNotices)
    QML_SINGLETON
    // [{id, department, doctor, when, fee, paid, ...bookingView}] of the stopped bookings.
    Q_PROPERTY(QVariantList stopped READ stopped NOTIFY changed)

public:
    StopNoticeFlow(core::SessionController& session, services::PlatformService* platform,
                   SlipDesk& slips, journal::TransactionJournal* journal,
                   QObject* parent = nullptr);
    static StopNoticeFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "stopNotices";

    QVariantList stopped() const;

private:
    void look();
    void clear() override;

    QString lookedFor_;  // the patient whose bookings were looked up (once a session)
    std::vector<platform::Booking> stopped_;
};

}  // namespace lobby::journeys
