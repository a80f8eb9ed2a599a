#include "app/health_report.h"

#include <QCoreApplication>
#include <QDateTime>
#include <filesystem>

#include <unistd.h>

#include "app/device_hub.h"
#include "common/file_text.h"
#include "journal/transaction_journal.h"
#include "logging/categories.h"
#include "logging/log_setup.h"
#include "services/platform_service.h"
#include "services/scene_service.h"
#include "update/dpkg_package_manager.h"
#include "update/dpkg_status.h"

namespace lobby::app {

namespace {
// A heartbeat carries one line of the last problem, not a log.
constexpr int kLastErrorMax_chars = 300;
}  // namespace

std::vector<std::pair<std::string, std::string>> installedProductPackages() {
    // dpkg's own query, in the status database's paragraph form, never the database itself.
    auto query = update::runProgram({"dpkg-query", "--show",
                                     "--showformat=Package: ${Package}\nStatus: ${Status}\n"
                                     "Version: ${Version}\n\n",
                                     "lobby-kiosk*"});
    if (!query) return {};
    return update::installedPackages(query->out, "lobby-kiosk");
}

platform::Heartbeat HealthReport::heartbeat() const {
    platform::Heartbeat health;
    health.terminalId = sources_.terminalId;
    health.softwareVersion = QCoreApplication::applicationVersion().toStdString();
    health.devices = sources_.devices->health();
    health.uptime_s = static_cast<long>(QDateTime::currentSecsSinceEpoch() - sources_.startedAt_s);
    health.lastError = logging::lastProblem().left(kLastErrorMax_chars).toStdString();
    health.sceneVersion = static_cast<int>(sources_.scenes->sceneVersion());
    health.sceneRejected = sources_.scenes->rejection();
    health.packages = sources_.packages;
    return health;
}

platform::HealthSnapshot HealthReport::snapshot() const {
    platform::HealthSnapshot snapshot;
    snapshot.heartbeat = heartbeat();
    if (sources_.platform) snapshot.platformReachable = sources_.platform->reachable();
    if (sources_.journal) {
        if (auto open = sources_.journal->unfinished())
            snapshot.journalUnsettled = static_cast<int>(open->size());
    }
    snapshot.writtenAt_s = static_cast<long>(QDateTime::currentSecsSinceEpoch());
    snapshot.pid = static_cast<long>(::getpid());
    return snapshot;
}

QStringList HealthReport::maintenanceLines() const {
    QStringList lines;
    lines << QStringLiteral("software: %1").arg(QCoreApplication::applicationVersion());
    const auto scene = sources_.scenes->sceneVersion();
    lines << QStringLiteral("scene: %1")
                 .arg(scene > 0 ? QStringLiteral("version %1").arg(scene) : QStringLiteral("none"));
    lines << QStringLiteral("platform: %1")
                 .arg(!sources_.platform               ? QStringLiteral("none configured")
                      : sources_.platform->reachable() ? QStringLiteral("reachable")
                                                       : QStringLiteral("not reachable"));
    for (const auto& [device, state] : sources_.devices->health())
        lines << QStringLiteral("%1: %2").arg(QString::fromStdString(device),
                                              QString::fromStdString(state));
    if (sources_.journal) {
        auto open = sources_.journal->unfinished();
        lines << QStringLiteral("journal: %1")
                     .arg(open ? QStringLiteral("%1 unsettled").arg(open->size())
                               : QString::fromStdString(open.error().message));
    }
    return lines;
}

HealthFile::HealthFile(const HealthReport& report, std::string path, std::chrono::seconds every,
                       QObject* parent)
    : QObject(parent), report_(report), path_(std::move(path)) {
    timer_.setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(every));
    connect(&timer_, &QTimer::timeout, this, &HealthFile::write);
}

void HealthFile::start() {
    write();
    timer_.start();
}

void HealthFile::write() {
    const std::string directory = std::filesystem::path(path_).parent_path().string();
    auto written =
        writeFileAtomically(directory, path_, platform::encodeHealthFile(report_.snapshot()), 0640);
    if (!written && !failing_)
        qCWarning(lcKiosk).noquote() << "health report:" << written.error().message.c_str();
    failing_ = !written;
}

}  // namespace lobby::app
