#include "journeys/stop_notice_flow.h"

#include "core/qml_exposure.h"
#include "journeys/booking_view.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Booking;
using platform::PlatformClient;

StopNoticeFlow::StopNoticeFlow(core::SessionController& session,
                               services::PlatformService* platform, SlipDesk& slips,
                               journal::TransactionJournal* journal, QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent) {
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        if (session_.currentState() == core::SessionState::Menu) look();
    });
}

StopNoticeFlow* StopNoticeFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<StopNoticeFlow>(qmlEngine, kQmlName);
}

QVariantList StopNoticeFlow::stopped() const {
    QVariantList list;
    for (const auto& booking : stopped_) {
        QVariantMap view = bookingView(booking);
        view["paid"] = booking.status == platform::BookingStatus::Paid;
        list << view;
    }
    return list;
}

// Each time the menu shows: the first time for this patient, to find what to tell them; later
// (back from a refund or a move), to drop what has been dealt with.
void StopNoticeFlow::look() {
    const QString patient = session_.patientId();
    if (platform_ == nullptr || patient.isEmpty() || !session_.bookingScope().isEmpty() || busy_)
        return;
    if (lookedFor_ == patient && stopped_.empty()) return;
    lookedFor_ = patient;
    loadBookings(
        {PlatformClient::Scope::Today, PlatformClient::Scope::Upcoming},
        [this](std::vector<Booking> bookings) {
            std::erase_if(bookings, [](const Booking& booking) {
                const bool live = booking.status == platform::BookingStatus::Paid ||
                                  booking.status == platform::BookingStatus::Held;
                return !booking.stopService || !live;
            });
            stopped_ = std::move(bookings);
            if (!stopped_.empty())
                qCInfo(lcJourney) << "stop-service notices:" << stopped_.size()
                                  << "booking(s) stopped";
            emit changed();
        },
        [](const services::CallFailure& failure) {
            // Nothing shown, nothing lost: the patient's functions are all still there.
            qCWarning(lcJourney) << "stop-service notices: lookup failed:"
                                 << failure.error.code.c_str();
        });
}

void StopNoticeFlow::clear() {
    lookedFor_.clear();
    stopped_.clear();
    busy_ = false;
    emit changed();
}

}  // namespace lobby::journeys
