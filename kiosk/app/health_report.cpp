#include "app/health_report.h"

#include <QCoreApplication>
#include <QDateTime>

#include "app/device_hub.h"
#include "journal/transaction_journal.h"
#include "logging/log_setup.h"
#include "services/platform_service.h"
#include "services/scene_service.h"

namespace lobby::app {

namespace {
// A heartbeat carries one line of the last problem, not a log.
constexpr int kLastErrorMax_chars = 300;
}  // namespace

platform::Heartbeat HealthReport::heartbeat() const {
    platform::Heartbeat health;
    health.terminalId = sources_.terminalId;
    health.softwareVersion = QCoreApplication::applicationVersion().toStdString();
    health.devices = sources_.devices->health();
    health.uptime_s = static_cast<long>(QDateTime::currentSecsSinceEpoch() - sources_.startedAt_s);
    health.lastError = logging::lastProblem().left(kLastErrorMax_chars).toStdString();
    health.sceneVersion = static_cast<int>(sources_.scenes->sceneVersion());
    health.sceneRejected = sources_.scenes->rejection();
    return health;
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

}  // namespace lobby::app
