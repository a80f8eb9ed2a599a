#pragma once
// The kiosk's health in one report, read by the heartbeat, the maintenance screen and (through
// the file HealthFile keeps) `kioskctl status` / `selftest` alike: the software, the scene, the
// platform, each device (DeviceHub's states), the journal. No patient data: the journal is a
// count.

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <string>

#include "platform/health_file.h"
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

// This product's packages ("lobby-kiosk*") as dpkg has them installed (dpkg-query); none when
// it cannot say (a development build).
std::vector<std::pair<std::string, std::string>> installedProductPackages();

class HealthReport {
public:
    struct Sources {
        const DeviceHub* devices = nullptr;
        const services::PlatformService* platform = nullptr;  // null: none configured
        const services::SceneService* scenes = nullptr;
        journal::TransactionJournal* journal = nullptr;  // null: none, or it failed to open
        std::string terminalId;
        long startedAt_s = 0;
        // This product's installed packages and versions, read from dpkg's database at start.
        std::vector<std::pair<std::string, std::string>> packages;
    };
    explicit HealthReport(Sources sources) : sources_(std::move(sources)) {}

    platform::Heartbeat heartbeat() const;
    // The heartbeat with the platform's reachability and the journal's unsettled count.
    platform::HealthSnapshot snapshot() const;
    // What a technician sees first on the maintenance screen.
    QStringList maintenanceLines() const;

private:
    Sources sources_;
};

// Keeps the report in a file for the terminal's own tools: rewritten every `every` and at once
// when asked (a device came or went), atomically, so a reader never sees half of it. A file
// older than a few periods means the kiosk is not running or is hung.
class HealthFile : public QObject {
    Q_OBJECT
public:
    HealthFile(const HealthReport& report, std::string path, std::chrono::seconds every,
               QObject* parent = nullptr);
    void start();

public slots:
    void write();

private:
    const HealthReport& report_;
    std::string path_;
    QTimer timer_;
    bool failing_ = false;  // a failure is logged once, not every period
};

}  // namespace lobby::app
