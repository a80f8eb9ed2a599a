#pragma once
// Turns a card read on this kiosk into a patient of the platform: looks the holder up, registers
// (建档) a holder the platform does not know yet, and tells the session who is here. Without a
// platform configured the session gets the masked name alone, so devices can still be shown.

#include <QObject>

#include "core/session_controller.h"
#include "devices/card_holder.h"
#include "platform/platform_client.h"

namespace lobby::services {
class PlatformService;
struct CallFailure;
}  // namespace lobby::services

namespace lobby::journeys {

class IdentityResolver : public QObject {
    Q_OBJECT
public:
    IdentityResolver(core::SessionController& session, services::PlatformService* platform,
                     QObject* parent = nullptr);

    void resolve(const devices::CardHolder& holder);
    // A scanned e-voucher or visit card: the platform says whose it is.
    void resolveToken(const QString& kind, const QString& token);

private:
    void registerHolder(const devices::CardHolder& holder);
    // The platform's answer: the patient identified, or the platform's words on screen.
    void conclude(const Result<platform::Patient>& patient,
                  const std::optional<services::CallFailure>& failure, const char* step);

    core::SessionController& session_;
    services::PlatformService* platform_;
};

}  // namespace lobby::journeys
