#pragma once
// The kiosk's health in one report, read by the heartbeat and the maintenance screen alike: the
// software, the scene, the platform, each device (DeviceHub's states), the journal. No patient
// data: the journal is a count.

#include <QStringList>
#include <string>

#include "platform/platform_types.h"

namespace lobby::journal {
class TransactionJournal;
}
namespace lobby::services {
class PlatformService;
class SceneService;
}  // namespace lobby::services

namespace lobby::app {

class DeviceHub;

class HealthReport {
public:
    struct Sources {
        const DeviceHub* devices = nullptr;
        const services::PlatformService* platform = nullptr;  // null: none configured
        const services::SceneService* scenes = nullptr;
        journal::TransactionJournal* journal = nullptr;  // null: none, or it failed to open
        std::string terminalId;
        long startedAt_s = 0;
    };
    explicit HealthReport(Sources sources) : sources_(std::move(sources)) {}

    platform::Heartbeat heartbeat() const;
    // What a technician sees first on the maintenance screen.
    QStringList maintenanceLines() const;

private:
    Sources sources_;
};

}  // namespace lobby::app
