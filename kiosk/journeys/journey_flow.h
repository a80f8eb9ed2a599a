#pragma once
// What every journey's flow shares: the session it serves, the platform and the slip desk it
// uses, "busy" while it waits on them, one `changed` signal for its screen, and dropping all it
// holds when the patient leaves (clear()).

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <functional>
#include <vector>

#include "core/session_controller.h"
#include "platform/platform_client.h"

namespace lobby::services {
class PlatformService;
}

namespace lobby::journeys {

class SlipDesk;

class JourneyFlow : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(bool busy READ busy NOTIFY changed)

public:
    bool busy() const { return busy_; }

signals:
    void changed();

protected:
    // `platform` may be null (none configured): the journeys are then never offered.
    JourneyFlow(core::SessionController& session, services::PlatformService* platform,
                SlipDesk& slips, QObject* parent);

    void setBusy(bool busy);
    // The patient's bookings for each scope in turn, then `done`; a failure ends the journey in
    // the platform's words.
    void loadBookings(std::vector<platform::PlatformClient::Scope> scopes,
                      std::function<void(std::vector<platform::Booking>)> done);
    // The patient has gone: drop everything of theirs.
    virtual void clear() = 0;

    core::SessionController& session_;
    services::PlatformService* platform_;
    SlipDesk& slips_;
    bool busy_ = false;
};

}  // namespace lobby::journeys
