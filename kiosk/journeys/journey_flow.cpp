#include "journeys/journey_flow.h"

#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Booking;
using platform::PlatformClient;

JourneyFlow::JourneyFlow(core::SessionController& session, services::PlatformService* platform,
                         SlipDesk& slips, QObject* parent)
    : QObject(parent), session_(session), platform_(platform), slips_(slips) {
    connect(&session_, &core::SessionController::patientLeft, this, [this] { clear(); });
    connect(&session_, &core::SessionController::languageChanged, this, &JourneyFlow::changed);
}

void JourneyFlow::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    emit changed();
}

void JourneyFlow::loadBookings(std::vector<PlatformClient::Scope> scopes,
                               std::function<void(std::vector<Booking>)> done) {
    if (platform_ == nullptr) return;
    setBusy(true);
    const std::string patientId = session_.patientId().toStdString();
    platform_->call<std::vector<Booking>>(
        [patientId, scopes](PlatformClient& client) -> Result<std::vector<Booking>> {
            std::vector<Booking> all;
            for (const auto scope : scopes) {
                auto some = client.bookings(patientId, scope);
                if (!some) return some.error();
                all.insert(all.end(), some->begin(), some->end());
            }
            return all;
        },
        [this, done = std::move(done)](Result<std::vector<Booking>> bookings,
                                       std::optional<services::CallFailure> failure) {
            setBusy(false);
            if (!bookings) return session_.journeyFailed(failure->message);
            done(std::move(bookings.value()));
        });
}

}  // namespace lobby::journeys
